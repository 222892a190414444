using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Reads a <c>.env</c> file the way docker compose and python-dotenv do for the common cases: <c>KEY=value</c> lines,
/// <c>#</c> comments and blank lines, an optional <c>export </c> prefix, single quotes taken literally, double quotes with
/// <c>\n</c>, <c>\"</c> and <c>\\</c> escapes, and a <c> #</c> comment after an unquoted value.
/// Reading is bounded in bytes (<see cref="MaxBytes"/>) and in time (<see cref="ReadTimeout"/>), so that a FIFO nobody
/// writes or <c>/dev/zero</c> cannot hang or exhaust the host, while <c>--env-file &lt;(vault read …)</c> still works.
/// </summary>
public static class EnvFile
{
    /// <summary>The largest env file read: 1 MiB, far above any real one (a few kilobytes), far below a memory problem.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>How long reading one file may take, opening included: a FIFO or <c>&lt;(…)</c> must be written and closed by then.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Reads and parses the file at <paramref name="path"/>, within <see cref="MaxBytes"/> and <see cref="ReadTimeout"/>.</summary>
    /// <param name="path">The file; a regular file, or a FIFO or <c>/dev/fd/N</c> whose writer writes and closes.</param>
    /// <returns>The variables in file order; a later line wins over an earlier one with the same name.</returns>
    /// <exception cref="FormatException">A line is not a variable assignment, the file is larger than <see cref="MaxBytes"/> or not UTF-8; the message names the file and line (never the value).</exception>
    /// <exception cref="TimeoutException">The file did not reach its end within <see cref="ReadTimeout"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read (no permission, or a directory).</exception>
    public static IReadOnlyDictionary<string, string> Load(string path) => Load(path, ReadTimeout);

    internal static IReadOnlyDictionary<string, string> Load(string path, TimeSpan timeout) =>
        Parse(BoundedFile.ReadText(path, MaxBytes, timeout, "an env file"), path);

    /// <summary>Parses <c>.env</c> text.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <returns>The variables; a later line wins.</returns>
    /// <exception cref="FormatException">A line is not a variable assignment.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string text, string source)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=');
            var name = equals > 0 ? line[..equals].Trim() : string.Empty;
            if (!IsName(name))
            {
                throw new FormatException($"{source}:{number}: expected NAME=value (NAME of letters, digits and _).");
            }

            var value = Value(line[(equals + 1)..].TrimStart(), source, number);
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                throw new FormatException($"{source}:{number}: the value holds a NUL character, which no environment can carry.");
            }

            variables[name] = value;
        }

        return variables;
    }

    private static string Value(string raw, string source, int number)
    {
        if (raw.Length > 0 && raw[0] is '\'' or '"')
        {
            var quote = raw[0];
            var value = new StringBuilder();
            for (var i = 1; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == quote)
                {
                    // After the closing quote only a comment may follow: "abc" junk or "abc"def was cut to abc in silence.
                    var rest = raw[(i + 1)..].TrimStart();
                    return rest.Length == 0 || rest[0] == '#'
                        ? value.ToString()
                        : throw new FormatException($"{source}:{number}: text after the closing {quote} of the value; quote the whole value, or start a comment with #.");
                }

                if (quote == '"' && c == '\\' && i + 1 < raw.Length)
                {
                    value.Append(raw[++i] switch { 'n' => '\n', 't' => '\t', var other => other });
                    continue;
                }

                value.Append(c);
            }

            throw new FormatException($"{source}:{number}: the quoted value has no closing {quote} (multi-line values are not supported).");
        }

        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? raw[..comment] : raw).TrimEnd();
    }

    private static bool IsName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
