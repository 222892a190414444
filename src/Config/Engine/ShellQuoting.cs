using System.Globalization;
using System.Linq;
using System.Text;

namespace ProdServer.Config;

/// <summary>POSIX shell quoting, so a printed command can be pasted into a shell and run unchanged.</summary>
internal static class ShellQuoting
{
    /// <summary>Quotes <paramref name="word"/> only when the shell would otherwise split or expand it.</summary>
    /// <param name="word">One argument.</param>
    /// <returns>The word, quoted with single quotes when needed.</returns>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(IsSafe))
        {
            return word;
        }

        return "'" + word.Replace("'", "'\\''") + "'";
    }

    /// <summary>
    /// Quotes <paramref name="word"/> as <see cref="Quote"/> does, except that a word holding a control character, a
    /// Unicode line or paragraph separator or a bidirectional control is written in bash's <c>$'…'</c> form with escapes, so the result is always one
    /// line, moves no terminal cursor, and bash still reads it back as exactly the same word.
    /// </summary>
    /// <param name="word">One argument.</param>
    /// <returns>The quoted word, on one line.</returns>
    public static string QuoteOneLine(string word)
    {
        System.ArgumentNullException.ThrowIfNull(word);
        if (!word.Any(Names.MustEscape))
        {
            return Quote(word);
        }

        var quoted = new StringBuilder("$'", word.Length + 8);
        foreach (var c in word)
        {
            _ = c switch
            {
                '\\' => quoted.Append("\\\\"),
                '\'' => quoted.Append("\\'"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                _ when c < 0x80 && char.IsControl(c) => quoted.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                _ when Names.MustEscape(c) => quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('\'').ToString();
    }

    private static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',' or '@' or '%' or '+';
}
