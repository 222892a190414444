using System;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// The levels of one output stream's lines, in order: each line's own (<see cref="ServerLineLevel"/>), except that a
/// Python traceback keeps one level for all its lines. Python writes a traceback as many lines ("Traceback (most recent
/// call last):", indented "File …" lines, the exception's line, and for chained exceptions "During handling of the above
/// exception…" and another traceback), none of which carries a level: they take the level of the record the traceback
/// belongs to (gunicorn's "[ERROR] Exception in worker process" just before it), or Error when nothing logged it (an
/// uncaught exception), rather than the stream's fallback (a warning on stderr). A blank line outside a traceback is
/// Debug: it carries neither text nor level.
/// </summary>
/// <remarks>Not thread-safe: one instance per stream, used by the one thread that writes that stream's lines.</remarks>
internal sealed class StreamLineLevels
{
    private const string TracebackStart = "Traceback (most recent call last):";

    private LogLevel? _previous; // the level the line just before carried, if any
    private LogLevel? _traceback; // the level of the traceback being written, or null outside one
    private bool _afterException; // the exception's own line was written: what follows ends the traceback unless chained

    /// <summary>The level of the next line of this stream.</summary>
    /// <param name="line">The line.</param>
    /// <param name="fallback">The stream's level for a line that carries none (Information on stdout, Warning on stderr).</param>
    /// <returns>The level.</returns>
    public LogLevel Of(string line, LogLevel fallback)
    {
        if (_traceback is { } level)
        {
            if (IsTracebackLine(line))
            {
                // A chained traceback's header starts another run of frames before its own exception line.
                _afterException &= !line.StartsWith(TracebackStart, StringComparison.Ordinal);
                return level;
            }

            if (!_afterException)
            {
                _afterException = true; // "ValueError: boom": the last line of this traceback
                return level;
            }

            _traceback = null; // the traceback is over; this line is read on its own
        }

        if (string.IsNullOrWhiteSpace(line))
        {
            // No text and no level: a separator in a block of text (a usage message, a banner, before a Celery notice).
            // Debug keeps it in the log without a blank warning or information record; the line before it keeps its
            // claim on a traceback that follows.
            return LogLevel.Debug;
        }

        if (line.StartsWith(TracebackStart, StringComparison.Ordinal))
        {
            _traceback = _previous ?? LogLevel.Error;
            _afterException = false;
            _previous = null;
            return _traceback.Value;
        }

        _previous = ServerLineLevel.Find(line);
        return _previous ?? fallback;
    }

    // Inside a traceback: its header (a chained one's too), the indented frame and source lines, the blank lines and the
    // sentences that join chained exceptions.
    private static bool IsTracebackLine(string line) =>
        line.Length == 0
        || char.IsWhiteSpace(line[0])
        || line.StartsWith(TracebackStart, StringComparison.Ordinal)
        || line.StartsWith("During handling of the above exception", StringComparison.Ordinal)
        || line.StartsWith("The above exception was the direct cause", StringComparison.Ordinal);
}
