using System;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// The level of a structured log line, as Django projects write them in production: a JSON object per line
/// (python-json-logger's <c>"levelname": "ERROR"</c>, structlog's <c>"level": "error"</c>, <c>"severity"</c> for cloud log
/// agents, ECS's <c>"log.level"</c>), or logfmt (<c>level=error event="order failed"</c>). Only the record's own, top-level
/// key counts: a nested object's <c>level</c> or a value that mentions one does not.
/// </summary>
internal static class StructuredLineLevel
{
    /// <summary>The level a JSON object line names, or <see langword="null"/> when the line is not one or names none.</summary>
    /// <param name="line">One line of output.</param>
    /// <returns>The level, or <see langword="null"/>.</returns>
    public static LogLevel? Json(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line[0] != '{')
        {
            return null;
        }

        var best = new Best();
        var depth = 0;
        var expectKey = false; // after the record's '{' or a ',' between its members
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                var end = StringEnd(line, i);
                if (end < 0)
                {
                    return null;
                }

                if (depth == 1 && expectKey)
                {
                    var colon = SkipSpaces(line, end + 1);
                    if (colon >= line.Length || line[colon] != ':')
                    {
                        return null;
                    }

                    var value = SkipSpaces(line, colon + 1);
                    if (value < line.Length && line[value] == '"' && StringEnd(line, value) is var valueEnd and > 0)
                    {
                        best.Consider(line[(i + 1)..end], line[(value + 1)..valueEnd]);
                    }

                    expectKey = false;
                    i = colon; // the value is read on by the loop, whatever its kind
                    continue;
                }

                i = end;
                continue;
            }

            switch (c)
            {
                case '{' or '[':
                    depth++;
                    expectKey = c == '{' && depth == 1;
                    break;
                case '}' or ']':
                    depth--;
                    if (depth == 0)
                    {
                        // The record ends the line: anything but spaces after it is not a JSON line.
                        return SkipSpaces(line, i + 1) == line.Length ? best.Level : null;
                    }

                    break;
                case ',':
                    expectKey = depth == 1;
                    break;
            }
        }

        return null; // not closed: cut, or not JSON
    }

    /// <summary>The level a logfmt line (every word a <c>key=value</c> pair) names, or <see langword="null"/>.</summary>
    /// <param name="line">One line of output.</param>
    /// <returns>The level, or <see langword="null"/>.</returns>
    public static LogLevel? Logfmt(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || !(char.IsAsciiLetter(line[0]) || line[0] == '_'))
        {
            return null;
        }

        var best = new Best();
        var i = 0;
        while (i < line.Length)
        {
            var keyStart = i;
            while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or '.' or '-'))
            {
                i++;
            }

            if (i == keyStart || i >= line.Length || line[i] != '=')
            {
                return null; // a word that is not a pair: a sentence, not logfmt
            }

            var key = line[keyStart..i];
            i++;
            ReadOnlySpan<char> value;
            if (i < line.Length && line[i] == '"')
            {
                var end = StringEnd(line, i);
                if (end < 0)
                {
                    return null;
                }

                value = line[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < line.Length && line[i] != ' ')
                {
                    i++;
                }

                value = line[start..i];
            }

            if (i < line.Length && line[i] != ' ')
            {
                return null;
            }

            best.Consider(key, value);
            i = SkipSpaces(line, i);
        }

        return best.Level;
    }

    // The closing quote of the string whose opening quote is at `at`, or -1.
    private static int StringEnd(ReadOnlySpan<char> line, int at)
    {
        for (var i = at + 1; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    private static int SkipSpaces(ReadOnlySpan<char> line, int at)
    {
        while (at < line.Length && line[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }

    // The level of the record's most telling level key: Python logging's own field name first (python-json-logger keeps it
    // beside an extra "level" a message may carry), then the names structured loggers and log agents use.
    private struct Best
    {
        private static readonly string[] Keys = ["levelname", "level", "severity", "log.level", "loglevel", "lvl"];

        private int _rank;

        public LogLevel? Level { get; private set; }

        public void Consider(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
        {
            for (var rank = 0; rank < Keys.Length; rank++)
            {
                if (key.Equals(Keys[rank], StringComparison.OrdinalIgnoreCase))
                {
                    if ((Level is null || rank < _rank) && LevelWords.Value(value) is { } level)
                    {
                        Level = level;
                        _rank = rank;
                    }

                    return;
                }
            }
        }
    }
}
