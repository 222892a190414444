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
/// Debug: it carries neither text nor level; so is a usage text, as one entry (<see cref="UsageText"/>). Waitress's report of
/// the exception importing the app raised is one error entry (<see cref="WaitressImportError"/>). A Python warning's indented source line keeps
/// its header's level (<see cref="PythonWarningText"/>). Each line
/// also says whether it continues the record of the line before it (a traceback's lines, its header right after the line
/// that logged it, a warning's source line), so that <see cref="OutputRecords"/> can log them as one entry.
/// </summary>
/// <remarks>Not thread-safe: one instance per stream, used by the one thread that writes that stream's lines.</remarks>
internal sealed class StreamLineLevels
{
    private const string TracebackStart = "Traceback (most recent call last):";

    private LogLevel? _previous; // the level the line just before carried, if any
    private LogLevel? _traceback; // the level of the traceback being written, or null outside one
    private bool _afterException; // the exception's own line was written: what follows ends the traceback unless chained
    private string? _record; // the line just before, when it was read on its own (not blank, not in a traceback)
    private LogLevel _recordLevel; // the level that line was given

    // A block of lines that go on the line that began it, at one level, while they pass its test: a usage text, waitress's
    // report of an import's exception, a Python warning's source lines. Null outside one.
    private (Func<string, bool> Continues, LogLevel Level)? _block;

    /// <summary>
    /// Whether a traceback has begun but its exception's line has not come yet: the lines still to come belong to the
    /// same record.
    /// </summary>
    public bool InUnfinishedTraceback => _traceback is not null && !_afterException;

    /// <summary>The level of the next line of this stream, and whether it continues the line before it.</summary>
    /// <param name="line">The line.</param>
    /// <param name="fallback">The stream's level for a line that carries none (Information on stdout, Warning on stderr).</param>
    /// <param name="continues">Whether the line belongs to the record of the line before it: a traceback's line, a
    /// traceback's header right after the record that logged it (Python's logging writes the message, then the
    /// traceback), or the indented source line under a Python warning (<c>app.py:3: UserWarning: …</c>, then
    /// <c>  warn(</c>).</param>
    /// <returns>The level.</returns>
    public LogLevel Of(string line, LogLevel fallback, out bool continues)
    {
        var record = _record;
        _record = null;
        continues = false;
        if (_traceback is { } level)
        {
            continues = true;
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

            continues = false;

            _traceback = null; // the traceback is over; this line is read on its own
        }

        if (_block is { } block)
        {
            if (block.Continues(line))
            {
                continues = true;
                return block.Level;
            }

            _block = null;
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
            continues = record is not null;
            return _traceback.Value;
        }

        if (WaitressImportError.Starts(line) is not null)
        {
            _block = (WaitressImportError.Continues, LogLevel.Error);
            return LogLevel.Error;
        }

        if (UsageText.Starts(line))
        {
            _block = (UsageText.Continues, LogLevel.Debug);
            return LogLevel.Debug;
        }

        if (record is not null && PythonWarningText.IsHeader(record) && PythonWarningText.EndsMessage(line))
        {
            // The source line Python's warnings module prints under "file:line: Category: message" (OutputRecords joins
            // a message's further lines before it, once this line shows they were the message's).
            _block = (PythonWarningText.ContinuesAfterMessage, _recordLevel);
            continues = true;
            return _recordLevel;
        }

        _previous = ServerLineLevel.Find(line);
        _record = line;
        _recordLevel = _previous ?? fallback;
        return _recordLevel;
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
