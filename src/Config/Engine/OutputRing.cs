using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// A process's most recent output lines, for <c>tail</c>: at most <see cref="Capacity"/> lines of at most
/// <see cref="MaxLineLength"/> characters each (so bounded in bytes too), kept across restarts; the oldest line goes first.
/// </summary>
internal sealed class OutputRing
{
    /// <summary>Longer lines are cut here, with a note of how much was cut.</summary>
    public const int MaxLineLength = 4096;

    private readonly string[] _lines;
    private readonly object _gate = new();
    private long _written; // lines ever added: the next line's sequence number
    // Completed by the next line, for the followers waiting on it; created only when one waits, so that a line nobody
    // follows costs no allocation (an access log adds thousands a second).
    private TaskCompletionSource? _added;

    public OutputRing(int capacity) => _lines = new string[Math.Clamp(capacity, 1, ProdServerControlOptions.MaximumTailLines)];

    /// <summary>How many lines it keeps.</summary>
    public int Capacity => _lines.Length;

    /// <summary>Adds a line (already escaped for the log).</summary>
    public void Add(string line)
    {
        if (line.Length > MaxLineLength)
        {
            line = string.Concat(line.AsSpan(0, MaxLineLength), $"… ({line.Length - MaxLineLength} more characters in the log)");
        }

        TaskCompletionSource? added;
        lock (_gate)
        {
            _lines[_written % _lines.Length] = line;
            _written++;
            added = _added;
            _added = null;
        }

        added?.TrySetResult();
    }

    /// <summary>The last <paramref name="count"/> lines (fewer when it has fewer), oldest first, and the sequence number after them.</summary>
    public (List<string> Lines, long Next) Last(int count)
    {
        lock (_gate)
        {
            var first = Math.Max(_written - Math.Clamp(count, 0, _lines.Length), 0);
            return (Since(first), _written);
        }
    }

    /// <summary>
    /// Waits until lines after <paramref name="next"/> exist, then returns them (those still kept), the new sequence
    /// number, and how many were overwritten before they could be returned.
    /// </summary>
    public async Task<(List<string> Lines, long Next, long Skipped)> WaitAfterAsync(long next, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task added;
            lock (_gate)
            {
                if (_written > next)
                {
                    // A follower slower than the ring skips what was overwritten, and is told how many.
                    var first = Math.Max(next, _written - _lines.Length);
                    return (Since(first), _written, first - next);
                }

                added = (_added ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            await added.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private List<string> Since(long first)
    {
        var lines = new List<string>((int)(_written - first));
        for (var i = first; i < _written; i++)
        {
            lines.Add(_lines[i % _lines.Length]);
        }

        return lines;
    }
}
