using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// Turns a server's output lines into log entries: one per line, except that a Python traceback is one entry with the
/// line that logged it (<c>ERROR:waitress:Exception while serving /boom</c>, then <c>Traceback (most recent call
/// last):</c>, its frames and the exception's line, chained tracebacks included), its lines joined by <c>\n</c>. Log
/// stores, OpenTelemetry and the JSON console then hold a traceback as the one event it is, not as twenty events of
/// which only the first says what failed. So is a Python warning: its header, its message's further lines and its source
/// line (<see cref="PythonWarningText"/>). Levels are <see cref="StreamLineLevels"/>'s; a joined entry takes the highest of
/// its lines' (an unlabelled "Internal Server Error" line followed by a traceback is an error).
/// </summary>
/// <remarks>
/// <para>An entry is held until the next line shows whether it goes on: the caller flushes it when no more lines are at
/// hand (<see cref="Flush"/>), so a line reaches the log no later than before, except in a traceback whose exception's
/// line has not come yet (<see cref="AwaitsRestOfTraceback"/>), which the caller may wait a moment for.</para>
/// <para>A warning's header holds the lines after it until its source line shows they are its message's (then they join
/// it) or a line shows they are not, the look-ahead ends (<see cref="PythonWarningText.MessageLines"/>) or no more lines
/// are at hand (then each is logged as the line it is, in order): Python writes a warning in one write, so its lines come
/// in one read.</para>
/// <para>Bounded: an entry holds at most <see cref="LongestEntry"/> characters; a longer traceback goes on in a next
/// entry at the same level. Order is kept: a line of the other stream ends the entry being held. Blank lines at the
/// start or end of a joined entry carry nothing and are left out; an entry of blank lines alone is Debug, as a blank line
/// is.</para>
/// <para>Not thread-safe: the pump's one writing thread owns it.</para>
/// </remarks>
internal sealed class OutputRecords(Action<string, LogLevel> write)
{
    /// <summary>The most characters one joined entry holds (a line alone is at most <see cref="PipeLines.LongestLine"/> bytes).</summary>
    public const int LongestEntry = 64 * 1024;

    private readonly StreamLineLevels _output = new();
    private readonly StreamLineLevels _error = new();
    private readonly StringBuilder _joined = new();
    private StreamLineLevels? _stream; // the stream of the entry being held, or null when none is
    private string? _first; // the entry's only line, until a second joins it (a line alone is written without a copy)
    private LogLevel _level;
    private int _contentEnd; // the joined text's length without its trailing blank lines

    // After a Python warning's header that starts the entry being held: the lines after it, not yet known to be its
    // message's (PythonWarningText); null when no header waits for its source line.
    private List<string>? _message;
    private int _messageCharacters;

    /// <summary>Whether the entry being held is a traceback still waiting for its exception's line.</summary>
    public bool AwaitsRestOfTraceback => _stream is { InUnfinishedTraceback: true };

    /// <summary>Whether an entry is held (not yet written).</summary>
    public bool Holding => _stream is not null;

    /// <summary>Adds the next line of one stream; writes the entry it ends, if any.</summary>
    /// <param name="line">The line, escaped for the log.</param>
    /// <param name="fromStandardError">Whether it came from stderr.</param>
    public void Add(string line, bool fromStandardError)
    {
        var levels = fromStandardError ? _error : _output;
        if (_message is not null)
        {
            if (ReferenceEquals(levels, _stream) && MayContinueMessage(line))
            {
                return; // held with the warning's header until its source line shows whose it is
            }

            var message = _message;
            _message = null;
            if (ReferenceEquals(levels, _stream) && PythonWarningText.EndsMessage(line))
            {
                foreach (var messageLine in message)
                {
                    JoinOrStart(levels, messageLine, _level);
                }
            }
            else
            {
                ReleaseMessage(message);
            }
        }

        var level = levels.Of(line, fromStandardError ? LogLevel.Warning : LogLevel.Information, out var continues);
        if (continues && ReferenceEquals(levels, _stream) && Join(line, level))
        {
            return;
        }

        Flush();
        _stream = levels;
        _first = line;
        _level = level;
        if (PythonWarningText.IsHeader(line))
        {
            // A message with line breaks goes on in the lines that follow, which carry no mark of it: they are held
            // until the source line comes (then they are the warning's) or something else does (then their own).
            _message = [];
            _messageCharacters = 0;
        }
    }

    /// <summary>Writes the entry being held, if any.</summary>
    public void Flush()
    {
        if (_message is { } message)
        {
            _message = null;
            ReleaseMessage(message); // no source line came: the header is an entry alone, the lines after it their own
        }

        if (_stream is null)
        {
            return;
        }

        if (_first is { } line)
        {
            write(line, string.IsNullOrWhiteSpace(line) ? LogLevel.Debug : _level);
        }
        else
        {
            _joined.Length = _contentEnd;
            write(_joined.ToString(), _contentEnd == 0 ? LogLevel.Debug : _level);
            _joined.Clear();
        }

        (_stream, _first) = (null, null);
    }

    // Whether the line, after a warning's header, may be a further line of its message: bounded, and not a line that
    // starts a record of its own.
    private bool MayContinueMessage(string line)
    {
        if (_message is not { } message
            || PythonWarningText.EndsMessage(line)
            || message.Count == PythonWarningText.MessageLines
            || _messageCharacters + line.Length > PythonWarningText.MessageCharacters
            || PythonWarningText.StartsOtherRecord(line)
            || ServerLineLevel.Find(line) is not null)
        {
            return false;
        }

        message.Add(line);
        _messageCharacters += line.Length;
        return true;
    }

    // The lines held after a warning's header were not its message's: each is read as the line it is, in order.
    private void ReleaseMessage(List<string> message)
    {
        var fromStandardError = ReferenceEquals(_stream, _error);
        foreach (var line in message)
        {
            Add(line, fromStandardError);
        }
    }

    // Joins the line to the entry being held, or when that is full, starts the next entry with it.
    private void JoinOrStart(StreamLineLevels levels, string line, LogLevel level)
    {
        if (!Join(line, level))
        {
            Flush();
            (_stream, _first, _level) = (levels, line, level);
        }
    }

    // Whether the line joined the entry being held; false when it would make the entry too long.
    private bool Join(string line, LogLevel level)
    {
        if (_first is { } first)
        {
            if (string.IsNullOrWhiteSpace(first))
            {
                // Nothing before this line but blank ones (a chained traceback's separator read after a flush): drop them.
                _first = line;
                _level = level;
                return true;
            }

            _joined.Append(first);
            _contentEnd = _joined.Length;
            _first = null;
        }

        if (_joined.Length + 1 + line.Length > LongestEntry)
        {
            return false;
        }

        _joined.Append('\n').Append(line);
        if (!string.IsNullOrWhiteSpace(line))
        {
            _contentEnd = _joined.Length;
        }

        _level = level > _level ? level : _level;
        return true;
    }
}
