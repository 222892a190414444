using System;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// The error a server's command line prints before it exits, with no level of its own, which would otherwise be a warning
/// on stderr: <c>Error: Bad module 'mysite.wsgi'</c> (waitress), <c>Error: No such option: --wrokers</c> and <c>Error:
/// Invalid value for '-A' / '--app'</c> (click: uvicorn, celery), and argparse's <c>gunicorn: error: unrecognized
/// arguments: --wrokers</c> (gunicorn, daphne). An error: the server does not start.
/// </summary>
internal static class CommandLineErrorLevel
{
    private const string ClickError = "Error: ";
    private const string ArgparseError = ": error: ";

    /// <summary>Error for such a line, else <see langword="null"/>.</summary>
    /// <param name="line">One line of output.</param>
    /// <returns>Error, or <see langword="null"/>.</returns>
    public static LogLevel? Find(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || char.IsAsciiDigit(line[0]))
        {
            return null; // an access line starts so (most lines that come this far)
        }

        if (line.StartsWith(ClickError, StringComparison.Ordinal))
        {
            return LogLevel.Error;
        }

        // "prog: error: …": the program's name, one word, then argparse's words.
        var error = line.IndexOf(ArgparseError, StringComparison.Ordinal);
        return error > 0 && line[..error].IndexOfAny(' ', '\t') < 0 ? LogLevel.Error : null;
    }
}
