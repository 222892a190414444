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
/// and those a Django project's own <c>LOGGING</c> writes with the usual formats and libraries:
/// <list type="bullet">
/// <item><c>ERROR 2026-12-03 13:09:42,277 views 4242 1402 …</c> (Django's documented "verbose" format)</item>
/// <item><c>2026-12-03 13:09:42,277 - django.request - ERROR - Internal Server Error: /</c> and
/// <c>2026-12-03 13:09:42,277 django.request ERROR    …</c> (the logging cookbook's formats: one logger name after the time)</item>
/// <item><c>2026-12-03T13:09:42.394443Z [error    ] order failed</c> (structlog's console renderer, coloured or not)</item>
/// <item><c>2026-12-03 13:09:42.412 | ERROR    | shop.views:pay:38 - …</c> (loguru; its SUCCESS is information)</item>
/// <item>a JSON object or logfmt per line (<see cref="StructuredLineLevel"/>)</item>
/// </list>
/// Request lines written with no level (Django's development server, uWSGI) take their status's
/// (<see cref="RequestLineLevel"/>), and so do Django's own request log lines while <c>DEBUG</c>; its autoreloader's
/// lines are information (<see cref="DjangoConsoleLineLevel"/>), as are uWSGI's banner and stop notices
/// (<see cref="ServerNoticeLevel"/>), and a command line's own error before it exits (<c>Error: Bad module …</c>,
/// <c>gunicorn: error: …</c>) is an error (<see cref="CommandLineErrorLevel"/>). One server line is read at another level than its own: gunicorn 20's warning for a worker
/// ended by SIGTERM, which its later versions log as information (<see cref="GunicornWorkerExitLevel"/>).
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
        GunicornWorkerExitLevel.Find(line.AsSpan()) ?? HeadLevel(line.AsSpan())
        ?? StructuredLineLevel.Json(line.AsSpan()) ?? StructuredLineLevel.Logfmt(line.AsSpan())
        ?? RequestLineLevel.Django(line.AsSpan()) ?? DjangoConsoleLineLevel.Find(line.AsSpan())
        ?? RequestLineLevel.Uwsgi(line.AsSpan()) ?? ServerNoticeLevel.Find(line.AsSpan()) ?? CommandLineErrorLevel.Find(line.AsSpan());

    // The level word at the head of the line, or null.
    private static LogLevel? HeadLevel(ReadOnlySpan<char> head)
    {
        var limit = Math.Min(head.Length, LongestHead);
        var i = 0;
        var wordMayStart = true; // at the start, and after a separator or a colour
        var inBracket = false; // just inside a '[' (colours aside): structlog writes its level there in lower case
        var stamped = false; // a digit came first (a time stamp, a pid): a logger's name may stand before the level
        var named = false;
        while (i < limit)
        {
            var c = head[i];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                if (IsTimeLetter(head, i))
                {
                    i++;
                    wordMayStart = false;
                    continue;
                }

                if (wordMayStart && Level(head[i..], lowerCase: inBracket) is { } level)
                {
                    return level;
                }

                // The logger's name in the logging cookbook's "%(asctime)s - %(name)s - %(levelname)s - …": one, after a
                // time stamp, in the characters of a module path.
                if (wordMayStart && stamped && !named && (char.IsAsciiLetterLower(c) || c == '_') && NameEnd(head, i, limit) is var end && end > i)
                {
                    named = true;
                    wordMayStart = inBracket = false;
                    i = end;
                    continue;
                }

                return null; // a word in the head that is not the level: the end of the head
            }

            if (c == '[' && i + 1 < head.Length && char.IsAsciiLetterUpper(head[i + 1]))
            {
                if (Level(head[(i + 1)..], lowerCase: false) is { } bracketed)
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
                wordMayStart = inBracket = false;
                continue;
            }

            if (c == Escape && SkipColour(head, i) is var next && next > i)
            {
                i = next;
                wordMayStart = true; // a colour keeps inBracket: structlog colours the level inside its brackets
                continue;
            }

            if (!IsHeadCharacter(c))
            {
                return null;
            }

            stamped |= char.IsAsciiDigit(c);
            wordMayStart = c is ' ' or '\t' or '[' or ':' or ']' or '|';
            inBracket = c == '[';
            i++;
        }

        return null;
    }

    // ISO 8601's 'T' between the date's and the time's digits, and 'Z' (UTC) after the time's.
    private static bool IsTimeLetter(ReadOnlySpan<char> head, int at) =>
        at > 0 && char.IsAsciiDigit(head[at - 1])
        && (head[at] == 'T' ? at + 1 < head.Length && char.IsAsciiDigit(head[at + 1]) : head[at] == 'Z' && (at + 1 == head.Length || !char.IsAsciiLetterOrDigit(head[at + 1])));

    // The end of a logger's name (letters, digits, '_', '.'; "django.request", "__main__") that a separator follows, or `at`.
    private static int NameEnd(ReadOnlySpan<char> head, int at, int limit)
    {
        var i = at;
        while (i < limit && (char.IsAsciiLetterOrDigit(head[i]) || head[i] is '_' or '.'))
        {
            i++;
        }

        return i < limit && head[i] is ' ' or '\t' or ':' ? i : at;
    }

    // Digits, the separators of dates, times and time zones, spaces and brackets: what comes before a level.
    private static bool IsHeadCharacter(char c) => char.IsAsciiDigit(c) || c is ' ' or '\t' or '-' or ':' or ',' or '.' or '+' or '[' or ']' or '/' or '|';

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

    // The level word at the start of `word` (upper case; in any case where `lowerCase`), when a delimiter (or the end
    // of the line) follows it.
    private static LogLevel? Level(ReadOnlySpan<char> word, bool lowerCase)
    {
        foreach (var (name, level) in LevelWords.Head)
        {
            if (word.StartsWith(name, lowerCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
                && (word.Length == name.Length || word[name.Length] is ':' or ']' or '/' or ' ' or '\t' or '|' or Escape))
            {
                return level;
            }
        }

        return null;
    }
}
