using System;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// The level of a line Django's default logging writes while <c>DEBUG</c>: its console handler has no format, so these lines
/// carry no level, and on stderr they would all be warnings. The messages are Django's own, so they are matched exactly.
/// </summary>
internal static class DjangoConsoleLineLevel
{
    private const string Watching = "Watching for file changes with ";
    private const string Changed = " changed, reloading.";

    /// <summary>The level of <paramref name="line"/>, or <see langword="null"/> when it is not one of Django's console lines.</summary>
    /// <param name="line">One line of output.</param>
    /// <returns>The level, or <see langword="null"/>.</returns>
    public static LogLevel? Find(ReadOnlySpan<char> line) => Response(line) ?? Autoreload(line);

    /// <summary>
    /// The autoreloader's INFO lines (<c>runserver</c>'s default): <c>Watching for file changes with StatReloader</c>, and
    /// <c>/srv/site/shop/views.py changed, reloading.</c>
    /// </summary>
    /// <param name="line">One line of output.</param>
    /// <returns>Information, or <see langword="null"/>.</returns>
    public static LogLevel? Autoreload(ReadOnlySpan<char> line) =>
        (line.StartsWith(Watching, StringComparison.Ordinal) && line.Length > Watching.Length && line[Watching.Length..].IndexOf(' ') < 0)
        || (line.EndsWith(Changed, StringComparison.Ordinal) && line.Length > Changed.Length && line[0] == '/')
            ? LogLevel.Information
            : null;

    /// <summary>
    /// Django's request log written without a format (its default console handler while <c>DEBUG</c>, on stderr): the
    /// response's reason phrase, then the path, as <c>Not Found: /nope</c>, <c>Internal Server Error: /boom</c> (before
    /// its traceback), <c>Forbidden (CSRF cookie not set.): /page</c>; the level Django logged it at, by the phrase's status.
    /// </summary>
    /// <param name="line">One line of output.</param>
    /// <returns>The level, or <see langword="null"/> when this is not such a line.</returns>
    public static LogLevel? Response(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || !char.IsAsciiLetterUpper(line[0]))
        {
            return null;
        }

        foreach (var (phrase, status) in ErrorReasonPhrases)
        {
            if (line.StartsWith(phrase, StringComparison.Ordinal)
                && line[phrase.Length..] is var rest
                && (rest.StartsWith(": /", StringComparison.Ordinal) || (rest.StartsWith(" (", StringComparison.Ordinal) && rest.IndexOf("): /", StringComparison.Ordinal) > 0)))
            {
                return RequestLineLevel.StatusLevel(status);
            }
        }

        return null;
    }

    // The reason phrases of the 4xx and 5xx statuses, as Python's http.HTTPStatus (and so Django's responses) spell them.
    private static readonly (string Phrase, char Status)[] ErrorReasonPhrases =
    [
        ("Bad Request", '4'), ("Unauthorized", '4'), ("Payment Required", '4'), ("Forbidden", '4'), ("Not Found", '4'),
        ("Method Not Allowed", '4'), ("Not Acceptable", '4'), ("Proxy Authentication Required", '4'), ("Request Timeout", '4'),
        ("Conflict", '4'), ("Gone", '4'), ("Length Required", '4'), ("Precondition Failed", '4'), ("Request Entity Too Large", '4'),
        ("Request-URI Too Long", '4'), ("Unsupported Media Type", '4'), ("Requested Range Not Satisfiable", '4'),
        ("Expectation Failed", '4'), ("I'm a Teapot", '4'), ("Misdirected Request", '4'), ("Unprocessable Entity", '4'),
        ("Locked", '4'), ("Failed Dependency", '4'), ("Too Early", '4'), ("Upgrade Required", '4'), ("Precondition Required", '4'),
        ("Too Many Requests", '4'), ("Request Header Fields Too Large", '4'), ("Unavailable For Legal Reasons", '4'),
        ("Internal Server Error", '5'), ("Not Implemented", '5'), ("Bad Gateway", '5'), ("Service Unavailable", '5'),
        ("Gateway Timeout", '5'), ("HTTP Version Not Supported", '5'), ("Variant Also Negotiates", '5'), ("Insufficient Storage", '5'),
        ("Loop Detected", '5'), ("Not Extended", '5'), ("Network Authentication Required", '5'),
    ];
}
