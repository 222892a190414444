using System;
using System.Linq;
using System.Text;

namespace ProdServer.Config;

// Its own file, free of generated regexes, because ServerArgument (which generated translators call) shows refused values
// through it, and the generator tests compile ServerArgument without the rest of the library (tests/Shared/ContractCompilation.cs).
internal static partial class Names
{
    /// <summary>
    /// <paramref name="text"/> as it may appear inside a message or a <c>#</c> comment line: control characters, line and
    /// paragraph separators, bidirectional controls (<see cref="IsBidiControl"/>) and backslashes escaped (<c>\n</c>,
    /// <c>\x1b</c>, <c>\u2028</c>, <c>\u202e</c>, <c>\\</c>), and cut after
    /// <paramref name="limit"/> characters, so that nothing it holds can start a new line or move the terminal's cursor.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <param name="limit">The number of characters shown before "…".</param>
    /// <returns>The printable form.</returns>
    public static string Printable(string text, int limit = 80)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, limit) + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (i == limit)
            {
                builder.Append("…(").Append(text.Length).Append(" characters)");
                break;
            }

            var c = text[i];
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\\' => builder.Append("\\\\"),
                _ when char.IsControl(c) => builder.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)),
                _ when c is '\u2028' or '\u2029' || IsBidiControl(c) || char.IsSurrogate(c) && !IsPairedSurrogate(text, i) =>
                    builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>A path made printable as <see cref="Printable"/> does, and never shortened: the user needs all of it to find the file.</summary>
    /// <param name="path">Any path.</param>
    /// <returns>The printable form.</returns>
    public static string PrintablePath(string path) => Printable(path, int.MaxValue);

    /// <summary>
    /// Whether <paramref name="c"/> must not reach a terminal or a log line as it is: a control character (C0, DEL, C1),
    /// a line or paragraph separator, or a bidirectional control (<see cref="IsBidiControl"/>). <see cref="Printable"/>
    /// escapes each of them; whoever writes text in another form asks this.
    /// </summary>
    /// <param name="c">A character.</param>
    /// <returns>Whether it is one of those.</returns>
    public static bool MustEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' || IsBidiControl(c);

    /// <summary>
    /// A message as one printable line: unchanged when nothing in it <see cref="MustEscape"/> (so that a message keeps its
    /// own backslashes and quotes), otherwise made <see cref="Printable"/>.
    /// </summary>
    /// <param name="message">The message, which may quote a configured name or value.</param>
    /// <param name="shown">The characters shown at most before it is shortened.</param>
    /// <returns>The line to write.</returns>
    public static string PrintableLine(string message, int shown) => message.Any(MustEscape) ? Printable(message, shown) : message;

    /// <summary>
    /// Whether <paramref name="c"/> is a bidirectional embedding, override or isolate control (U+202A–U+202E,
    /// U+2066–U+2069): what follows it on the line may be shown in another order than it is written (a "Trojan Source"
    /// line: <c>web</c> displayed where <c>bew</c> is written), so text that is printed shows it escaped.
    /// </summary>
    /// <param name="c">A character.</param>
    /// <returns>Whether it is one of those nine controls.</returns>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static bool IsPairedSurrogate(string text, int i) =>
        char.IsHighSurrogate(text[i]) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : i > 0 && char.IsHighSurrogate(text[i - 1]);
}
