using System;
using System.Globalization;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Makes a server's output safe to put in a log message: control characters (C0 but tab, DEL, C1, the Unicode line and
/// paragraph separators, and the bidirectional controls) become visible <c>\uXXXX</c> text, so that an ESC sequence, a
/// NUL or a bare CR a server writes cannot move the cursor, recolour, retitle or erase the operator's terminal, forge a
/// line in a log viewer, nor have a line displayed in another order than it was written.
/// </summary>
internal static class LogText
{
    /// <summary>The line with every control character but tab written as <c>\uXXXX</c>; the same string when there is none.</summary>
    public static string Escape(string line)
    {
        var first = IndexOfControl(line);
        if (first < 0)
        {
            return line; // the common case: one pass, no copy
        }

        var escaped = new StringBuilder(line.Length + 16).Append(line, 0, first);
        foreach (var c in line.AsSpan(first))
        {
            if (IsControl(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    // A plain loop rather than SearchValues: this runs first when a server writes its first line, as it starts, and a
    // SearchValues<char> is built and its search JIT-compiled then (milliseconds of CPU beside the server's start); the
    // loop is compiled ahead of time, and a log line is short.
    private static int IndexOfControl(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (IsControl(line[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // What Names.Printable escapes, but tab: a log line keeps its tabs.
    private static bool IsControl(char c) => c != '\t' && Names.MustEscape(c);

    /// <summary>The line cut to <paramref name="max"/> characters, saying how many were cut.</summary>
    public static string Truncate(string line, int max) =>
        line.Length <= max ? line : string.Create(CultureInfo.InvariantCulture, $"{line.AsSpan(0, max)}[… {line.Length - max} characters cut]");
}
