using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Escaping for supervisord's ini (Python's RawConfigParser with <c>;</c> and <c>#</c> as inline comment prefixes when
/// preceded by whitespace, values stripped, then <c>%(name)s</c> expansion): supervisord offers no escape for an inline
/// comment, so words are written so that no whitespace ever precedes <c>;</c> or <c>#</c>.
/// </summary>
internal static class SupervisordSyntax
{
    /// <summary>
    /// <c>command=</c>: words as <c>shlex.split</c> reads them back (supervisord splits the command with it), every
    /// character that is not plainly safe backslash-escaped, whitespace single-quoted (a trailing backslash-space would
    /// be stripped with the line), <c>%</c> doubled.
    /// </summary>
    public static string Command(IEnumerable<string> words) => string.Join(' ', words.Select(Word)).Replace("%", "%%");

    /// <summary>
    /// A value written as it is (<c>directory=</c>): refused when the ini would strip or cut it (leading or trailing
    /// whitespace, whitespace before <c>;</c> or <c>#</c>), <c>%</c> doubled.
    /// </summary>
    public static string Verbatim(string owner, string key, string value)
    {
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || CutByComment(value))
        {
            throw ExportText.Refused(owner, key, $"'{ExportText.Printable(value)}' starts or ends with whitespace or has whitespace before ';' or '#', which supervisord's ini cannot carry");
        }

        return value.Replace("%", "%%");
    }

    /// <summary>
    /// One <c>KEY="value"</c> of <c>environment=</c>, which supervisord reads with a non-POSIX shlex (no escapes) and
    /// then strips every leading and trailing quote: refused when the value holds <c>"</c>, starts or ends with <c>'</c>,
    /// or would be cut by a comment.
    /// </summary>
    public static string EnvironmentPair(string owner, string key, string name, string value)
    {
        if (value.Contains('"') || value.StartsWith('\'') || value.EndsWith('\'') || CutByComment(" " + value))
        {
            throw ExportText.Refused(owner, key, $"'{ExportText.Printable(value)}' holds '\"', starts or ends with ''', or has whitespace before ';' or '#', which supervisord's environment= cannot carry");
        }

        return $"{name}=\"{value.Replace("%", "%%")}\"";
    }

    private static bool CutByComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is ';' or '#' && char.IsWhiteSpace(value[i - 1]))
            {
                return true;
            }
        }

        return value.Length > 0 && value[0] is ';' or '#';
    }

    private static string Word(string word)
    {
        if (word.Length == 0)
        {
            return "''";
        }

        var text = new StringBuilder();
        // By code point: shlex escapes one Python character, which is a whole surrogate pair here.
        foreach (var rune in word.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '-' or '_' or '.' or '/' or ':' or '=' or ',' or '@' or '+' or '%'))
            {
                text.Append(rune.ToString());
            }
            else if (System.Text.Rune.IsWhiteSpace(rune))
            {
                text.Append('\'').Append(rune.ToString()).Append('\'');
            }
            else
            {
                text.Append('\\').Append(rune.ToString());
            }
        }

        return text.ToString();
    }
}
