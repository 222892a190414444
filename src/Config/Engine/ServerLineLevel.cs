using System;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// Recognises the level of a line a server writes: the level at the head of its log lines, or for a request line written
/// without one, its status (<see cref="RequestLineLevel"/>); so that its own INFO lines (most servers log to stderr) are
/// not logged as warnings, and its errors are errors.
/// </summary>
/// <remarks>
/// The level is read only from the line's head: a time stamp, a pid, short bracketed tags, then the level word. These are
/// the heads Python's logging formats write for the servers here, checked on the real binaries:
/// <list type="bullet">
/// <item><c>INFO:waitress:Serving on …</c> (logging.basicConfig), <c>INFO:     Started server process</c> (uvicorn)</item>
/// <item><c>[2026-12-03 10:25:03 +0000] [22574] [INFO] Listening at: …</c> (gunicorn, hypercorn), <c>[INFO] …</c> (granian)</item>
/// <item><c>[2026-12-03 10:25:05,118: INFO/MainProcess] beat: Starting...</c> (celery worker, beat)</item>
/// <item><c>10:25:04 [Q] INFO Q Cluster … starting.</c> (django-q)</item>
/// <item><c>2026-12-03 10:26:22,058 INFO     Starting server at …</c> (daphne)</item>
/// </list>
/// Request lines written with no level (Django's development server, uWSGI) take their status's (<see cref="RequestLineLevel"/>).
/// A level word further into the line is the message's, not the line's: a request for <c>/[ERROR]</c> in an access line
/// does not make that line an error.
/// </remarks>
internal static class ServerLineLevel
{
    // The longest head before the level: celery's "[2026-12-03 10:25:05,118: " is 26 characters, gunicorn's
    // "[2026-12-03 10:25:03 +0000] [22574] [" 37; a head with a time zone name or a long pid still fits.
    private const int LongestHead = 64;

    // A bracketed tag in the head that is not the level, such as django-q's "[Q]".
    private const int LongestTag = 24;

    private const char Escape = '\u001b';

    /// <summary>The level <paramref name="line"/> carries, or <see langword="null"/> when it carries none.</summary>
    /// <param name="line">One line of output.</param>
    /// <returns>The level, or <see langword="null"/>.</returns>
    public static LogLevel? Find(string line) =>
        HeadLevel(line.AsSpan()) ?? RequestLineLevel.Django(line.AsSpan()) ?? RequestLineLevel.Uwsgi(line.AsSpan());

    // The level word at the head of the line, or null.
    private static LogLevel? HeadLevel(ReadOnlySpan<char> head)
    {
        var limit = Math.Min(head.Length, LongestHead);
        var i = 0;
        var wordMayStart = true; // at the start, and after a separator or a colour
        while (i < limit)
        {
            var c = head[i];
            if (char.IsAsciiLetterUpper(c))
            {
                // A word in the head: the level, or the end of the head.
                return wordMayStart && Level(head[i..]) is { } level ? level : null;
            }

            if (c == '[' && i + 1 < head.Length && char.IsAsciiLetterUpper(head[i + 1]))
            {
                if (Level(head[(i + 1)..]) is { } bracketed)
                {
                    return bracketed;
                }

                // Not the level: a tag such as "[Q]" belongs to the head when it is short and has no space.
                var close = head.Slice(i + 1, Math.Min(LongestTag, head.Length - i - 1)).IndexOfAny(']', ' ');
                if (close < 0 || head[i + 1 + close] != ']')
                {
                    return null;
                }

                i += close + 2;
                wordMayStart = false;
                continue;
            }

            if (c == Escape && SkipColour(head, i) is var next && next > i)
            {
                i = next;
                wordMayStart = true;
                continue;
            }

            if (!IsHeadCharacter(c))
            {
                return null;
            }

            wordMayStart = c is ' ' or '\t' or '[' or ':' or ']';
            i++;
        }

        return null;
    }

    // Digits, the separators of dates, times and time zones, spaces and brackets: what comes before a level.
    private static bool IsHeadCharacter(char c) => char.IsAsciiDigit(c) || c is ' ' or '\t' or '-' or ':' or ',' or '.' or '+' or '[' or ']' or '/';

    // An ANSI colour ("ESC[32m") around the level, as uvicorn writes to a terminal: the index after it, or `at`.
    private static int SkipColour(ReadOnlySpan<char> head, int at)
    {
        if (at + 1 >= head.Length || head[at + 1] != '[')
        {
            return at;
        }

        for (var i = at + 2; i < head.Length && i - at <= 12; i++)
        {
            if (head[i] == 'm')
            {
                return i + 1;
            }

            if (!char.IsAsciiDigit(head[i]) && head[i] != ';')
            {
                return at;
            }
        }

        return at;
    }

    // The level word at the start of `word`, when a delimiter (or the end of the line) follows it.
    private static LogLevel? Level(ReadOnlySpan<char> word)
    {
        LogLevel? level =
            word.StartsWith("INFO", StringComparison.Ordinal) ? LogLevel.Information :
            word.StartsWith("WARNING", StringComparison.Ordinal) ? LogLevel.Warning :
            word.StartsWith("ERROR", StringComparison.Ordinal) ? LogLevel.Error :
            word.StartsWith("DEBUG", StringComparison.Ordinal) ? LogLevel.Debug :
            word.StartsWith("CRITICAL", StringComparison.Ordinal) ? LogLevel.Critical :
            null;
        if (level is not { } found)
        {
            return null;
        }

        var length = found switch
        {
            LogLevel.Information => 4,
            LogLevel.Warning => 7,
            LogLevel.Error or LogLevel.Debug => 5,
            _ => 8,
        };
        return length == word.Length || word[length] is ':' or ']' or '/' or ' ' or '\t' or Escape ? found : null;
    }
}
