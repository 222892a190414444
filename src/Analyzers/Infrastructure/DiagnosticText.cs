using System.Globalization;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// Values from the user's code or files as they may appear in a diagnostic's message: on one line, shown as written. The
/// build prints each message as a line of output, so a line break in a value would start a forged line (<c>error CS0000:
/// …</c>), and a direction override would show the message in another order than it reads.
/// </summary>
internal static class DiagnosticText
{
    /// <summary>The message arguments with every string <see cref="Escaped"/>; other arguments as they are.</summary>
    public static object[] OneLine(object[] arguments) => System.Array.ConvertAll(arguments, a => a is string s ? Escaped(s) : a);

    /// <summary>
    /// <paramref name="text"/> with each control character (a line break, ESC), format character (a direction override, a
    /// zero-width joiner) and line or paragraph separator written as <c>\uXXXX</c>.
    /// </summary>
    public static string Escaped(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (MustEscape(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool MustEscape(char c) => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
