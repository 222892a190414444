using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Makes a server's output safe to put in a log message: control characters (C0 but tab, DEL, C1, and the Unicode line
/// and paragraph separators) become visible <c>\uXXXX</c> text, so that an ESC sequence, a NUL or a bare CR a server writes
/// cannot move the cursor, recolour, retitle or erase the operator's terminal, nor forge a line in a log viewer.
/// </summary>
internal static class LogText
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000a\u000b\u000c\u000d\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"
        + "\u007f\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u2028\u2029");

    /// <summary>The line with every control character but tab written as <c>\uXXXX</c>; the same string when there is none.</summary>
    public static string Escape(string line)
    {
        var first = line.AsSpan().IndexOfAny(Controls);
        if (first < 0)
        {
            return line; // the common case costs one vectorised search
        }

        var escaped = new StringBuilder(line.Length + 16).Append(line, 0, first);
        foreach (var c in line.AsSpan(first))
        {
            if (Controls.Contains(c))
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

    /// <summary>The line cut to <paramref name="max"/> characters, saying how many were cut.</summary>
    public static string Truncate(string line, int max) =>
        line.Length <= max ? line : string.Create(CultureInfo.InvariantCulture, $"{line.AsSpan(0, max)}[… {line.Length - max} characters cut]");
}
