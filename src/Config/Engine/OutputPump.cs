using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// Carries the child's output lines to <see cref="ILogger"/> on a thread of its own, through a buffer bounded in bytes
/// (<see cref="ProdServerLogOptions.BufferBytes"/>). When the buffer is full, <see cref="LogOverflow.Block"/> (the
/// default) makes the pipe reader wait, so the server waits in its next write and nothing is lost;
/// <see cref="LogOverflow.Drop"/> drops the line and counts it, and the count is logged once the logger catches up.
/// </summary>
internal sealed class OutputPump
{
    // What a queued line costs besides its characters: the list slot, the entry and the string's header.
    private const int EntryOverhead = 80;

    // How long an entry is held for lines that may continue it once no more are at hand, in milliseconds: a traceback
    // whose exception's line has not come yet, or the rest of a read its reader is still queuing. Python writes an
    // uncaught exception's traceback a line at a time; the reader gathers a trickle for up to 40 ms (PipeLines), so its
    // lines come in batches at most about that far apart.
    private const int HeldEntryWait = 100;

    private readonly object _gate = new();
    private readonly long _capacity;
    private readonly LogOverflow _overflow;
    private List<Entry> _queued = [];
    private long _queuedBytes; // the queue and the batch being written: released once the batch is written
    private bool _completed;
    private readonly ILogger _logger;
    private readonly string _processName;
    private readonly Task _drained;
    private int _midRead; // a bit per stream (1 stdout, 2 stderr) whose reader is still queuing the lines of one read
    private long _dropped;
    private long _droppedCharacters;
    private long _written;

    /// <summary>Starts the pump; it logs nothing before <paramref name="loggerReady"/> completes (a server started before the host's logging).</summary>
    public OutputPump(ILogger logger, string processName, ProdServerLogOptions? options = null, Task? loggerReady = null)
    {
        _logger = logger;
        _processName = processName;
        options ??= new ProdServerLogOptions();
        _capacity = Math.Clamp(options.BufferBytes, ProdServerLogOptions.MinimumBufferBytes, ProdServerLogOptions.MaximumBufferBytes);
        _overflow = options.Overflow;
        LoggerReady = loggerReady ?? Task.CompletedTask;
        // A thread of its own, for the reason the pipe readers have one (see PipeLines): no thread-pool hand-off per line.
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            LoggerReady.Wait();
            Drain();
            drained.TrySetResult();
        })
        {
            IsBackground = true,
            Name = processName + " log",
        }.Start();
        _drained = drained.Task;
    }

    /// <summary>
    /// Completes once the pump may log: at once, or for a server started before the host's logging, once the host has
    /// adopted it (or discarded it). Until then no line can be written, and a wait on <see cref="Progress"/> would wrongly
    /// find the logger stuck.
    /// </summary>
    public Task LoggerReady { get; }

    /// <summary>The lines dropped so far (only with <see cref="LogOverflow.Drop"/>, or lines that came after the log closed).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Grows while lines are queued or written: a wait on the pump can tell a slow logger from a stuck one.</summary>
    public long Progress => Interlocked.Read(ref _written) + Interlocked.Read(ref _queuedBytes);

    /// <summary>Queues a line; with <see cref="LogOverflow.Block"/> waits while the buffer is full.</summary>
    /// <param name="line">The line.</param>
    /// <param name="fromStandardError">Whether it came from stderr.</param>
    /// <param name="split">On the last piece of a split line, its size and number of pieces.</param>
    /// <param name="more">Whether the reader already holds another line of the same read: the drain is woken once the
    /// read's last line is queued, so that the lines the server wrote at once (a record and its traceback) are taken
    /// together and can be logged as one entry.</param>
    public void Post(string line, bool fromStandardError, SplitLine split = default, bool more = false)
    {
        if (!_logger.IsEnabled(LogLevel.Critical))
        {
            return; // nothing would be logged at any level: no need to queue it
        }

        var cost = (line.Length * 2L) + EntryOverhead;
        var stream = fromStandardError ? 2 : 1;
        lock (_gate)
        {
            // Whether this stream's read goes on, said even for a line dropped below: the drain holds an entry while it does.
            _midRead = more ? _midRead | stream : _midRead & ~stream;

            // An empty buffer takes any line, so a buffer smaller than one line cannot stall the pump.
            while (!_completed && _queuedBytes > 0 && _queuedBytes + cost > _capacity)
            {
                Monitor.PulseAll(_gate); // the lines queued so far: the drain may be waiting for the read's last one
                if (_overflow == LogOverflow.Drop)
                {
                    Drop(line.Length);
                    return;
                }

                Monitor.Wait(_gate); // back-pressure: the drain pulses once it has written a batch
            }

            if (_completed)
            {
                Drop(line.Length); // the log was closed: the process is gone and the logger did not take its last lines
                return;
            }

            _queued.Add(new(line, fromStandardError, split));
            _queuedBytes += cost;
            if (!more)
            {
                Monitor.PulseAll(_gate); // the drain waits only on an empty queue
            }
        }
    }

    /// <summary>Closes the log: lines posted from now on are dropped; completes once every queued line is written.</summary>
    public Task CompleteAsync()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }

        return _drained;
    }

    private void Drop(int characters)
    {
        Interlocked.Increment(ref _dropped);
        Interlocked.Add(ref _droppedCharacters, characters);
        EngineMetrics.DroppedLines.Add(1, new KeyValuePair<string, object?>("process", _processName));
    }

    private void Drain()
    {
        using var scope = _logger.BeginScope("Process {Process}", _processName);
        long reported = 0;
        var records = new OutputRecords(Write);
        // Whole batches under one lock: when the server writes faster than one line per wake-up, the drain takes
        // everything queued at once instead of paying a hand-off per line.
        var batch = new List<Entry>();
        while (true)
        {
            bool done;
            bool midRead;
            lock (_gate)
            {
                WaitForLines(hold: records.Holding);
                done = _completed && _queued.Count == 0;
                midRead = _midRead != 0;
                (batch, _queued) = (_queued, batch);
            }

            long batchBytes = 0;
            foreach (var entry in batch)
            {
                reported = ReportDropped(reported);
                records.Add(entry.Line, entry.FromStandardError);
                if (entry.Split.IsSplit)
                {
                    records.Flush(); // the notice follows the entry that holds the line's last piece
                    Log.SplitLine(_logger, _processName, entry.Split.Bytes, PipeLines.LongestLine, entry.Split.Pieces);
                }

                batchBytes += (entry.Line.Length * 2L) + EntryOverhead;
            }

            if (done || batch.Count == 0 || !(midRead || records.AwaitsRestOfTraceback))
            {
                // Nothing more of the entry is at hand: it is written now, not held for a line that may come much later.
                // Held for one wait (WaitForLines), then written as it is: an entry whose next lines a reader is queuing
                // (the drain took the batch in the middle of a read), and a traceback without its exception's line yet.
                records.Flush();
            }

            if (batch.Count > 0)
            {
                Interlocked.Add(ref _written, batch.Count);
                batch.Clear();
                WorkingSet.OutputWritten(); // not for a wait that ended without lines, nor for the log's close
            }

            lock (_gate)
            {
                _queuedBytes -= batchBytes;
                Monitor.PulseAll(_gate); // room again: wake a reader held back by a full buffer
            }

            if (done)
            {
                break;
            }
        }

        ReportDropped(reported);
    }

    // Waits (holding _gate) until lines are queued or the log is closed; while an entry is held for its next lines, only
    // for HeldEntryWait, after which it is written as it is.
    private void WaitForLines(bool hold)
    {
        var deadline = Environment.TickCount64 + HeldEntryWait;
        while (_queued.Count == 0 && !_completed)
        {
            if (!hold)
            {
                Monitor.Wait(_gate);
            }
            else if (deadline - Environment.TickCount64 is var left && (left <= 0 || !Monitor.Wait(_gate, (int)left)))
            {
                return;
            }
        }
    }

    private void Write(string text, LogLevel level)
    {
        if (_logger.IsEnabled(level))
        {
            try
            {
                _logger.Log(level, default, new OutputLine(text), null, OutputLine.Format);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failing logger must not stop the pump: the server would wait on its pipe for good.
            }
        }
    }

    private long ReportDropped(long reported)
    {
        var dropped = Dropped;
        if (dropped != reported)
        {
            Log.DroppedLines(_logger, _processName, dropped - reported, Interlocked.Read(ref _droppedCharacters), _overflow);
        }

        return dropped;
    }

    // A class, not a struct: List<Entry> then runs the framework's shared code for reference types, compiled ahead of time,
    // where a list of a struct of ours is JIT-compiled when the server's first lines come, beside its start.
    private sealed record Entry(string Line, bool FromStandardError, SplitLine Split);
}
