using System;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// The level of a request line a server writes without one (Django's development server, uWSGI, both on stderr): the
/// level Django's own request logging gives it, by status (5xx error, 4xx warning, others information). The status is read
/// after the request's URI, so a URI that holds one does not decide.
/// </summary>
internal static class RequestLineLevel
{
    /// <summary>
    /// django.server's <c>[03/Dec/2026 11:37:14] "REQUEST" STATUS SIZE</c>: the status follows the request line's closing
    /// quote, the last one followed by a space (a request line may hold quotes of its own, never after its end).
    /// </summary>
    /// <param name="line">One line of output.</param>
    /// <returns>The level, or <see langword="null"/> when this is not such a line.</returns>
    public static LogLevel? Django(ReadOnlySpan<char> line)
    {
        // The time is 20 characters ("03/Dec/2026 11:37:14"), so its bracket closes within the first 32; the shortest
        // request line is longer than that.
        if (line.Length < 32 || line[0] != '[' || !char.IsAsciiDigit(line[1]) || line.Slice(1, 31).IndexOf("] \"", StringComparison.Ordinal) is not (> 0 and var close))
        {
            return null;
        }

        foreach (var c in line[1..(close + 1)])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('/' or ':' or ' '))
            {
                return null;
            }
        }

        var end = line.LastIndexOf("\" ");
        if (end <= close + 3 || end + 5 > line.Length || !char.IsAsciiDigit(line[end + 2]) || !char.IsAsciiDigit(line[end + 3]) || !char.IsAsciiDigit(line[end + 4]))
        {
            return null;
        }

        return StatusLevel(line[end + 2]);
    }

    /// <summary>
    /// uWSGI's request line, <c>[pid: 856|app: 0|req: 1/1] 127.0.0.1 () {…} [date] GET / => generated 21 bytes in 0 msecs
    /// (HTTP/1.1 200) 2 headers in 65 bytes (…)</c>: the status is in the last <c>(HTTP/x.y NNN)</c> (the URI comes before it).
    /// </summary>
    /// <param name="line">One line of output.</param>
    /// <returns>The level, or <see langword="null"/> when this is not such a line.</returns>
    public static LogLevel? Uwsgi(ReadOnlySpan<char> line)
    {
        if (!line.StartsWith("[pid: ", StringComparison.Ordinal))
        {
            return null;
        }

        var protocol = line.LastIndexOf(" (HTTP/");
        if (protocol < 0 || line[(protocol + 7)..].IndexOf(' ') is not (> 0 and var space) || protocol + 7 + space + 4 > line.Length)
        {
            return null;
        }

        var status = line.Slice(protocol + 7 + space + 1, 3);
        return char.IsAsciiDigit(status[0]) && char.IsAsciiDigit(status[1]) && char.IsAsciiDigit(status[2]) ? StatusLevel(status[0]) : null;
    }

    // As Django's own request logging (and uWSGI's log consumers) rank a response: 5xx error, 4xx warning, others information.
    internal static LogLevel StatusLevel(char first) => first switch
    {
        '5' => LogLevel.Error,
        '4' => LogLevel.Warning,
        _ => LogLevel.Information,
    };

}
