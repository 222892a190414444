using System;
using System.Threading;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// Carries the child's output lines to <see cref="ILogger"/> on a thread of its own, so a slow logger never stalls the
/// child: the pipe readers only enqueue, and when the queue is full they drop the line and count it. The count is
/// logged as "dropped N lines" once the logger catches up.
/// </summary>
internal sealed class OutputPump
{
    /// <summary>How many lines may wait for the logger; at ~200 bytes a line, a few MB.</summary>
    public const int DefaultCapacity = 16_384;

    private readonly object _gate = new();
    private readonly int _capacity;
    private List<(string Line, bool FromStandardError)> _queued = [];
    private bool _completed;
    private readonly ILogger _logger;
    private readonly string _processName;
    private readonly Task _drained;
    private long _dropped;

    public OutputPump(ILogger logger, string processName, int capacity = DefaultCapacity)
    {
        _logger = logger;
        _processName = processName;
        _capacity = capacity;
        // A thread of its own, for the reason the pipe readers have one (see PipeLines): no thread-pool hand-off per line.
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            Drain();
            drained.TrySetResult();
        })
        {
            IsBackground = true,
            Name = processName + " log",
        }.Start();
        _drained = drained.Task;
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a line; never blocks.</summary>
    public void Post(string line, bool fromStandardError)
    {
        if (!_logger.IsEnabled(LogLevel.Critical))
        {
            return; // nothing would be logged at any level: no need to queue it
        }

        lock (_gate)
        {
            if (_completed)
            {
                return; // a line that arrives after the process was reported gone: the log is closed
            }

            if (_queued.Count >= _capacity)
            {
                Interlocked.Increment(ref _dropped);
                return;
            }

            _queued.Add((line, fromStandardError));
            if (_queued.Count == 1)
            {
                Monitor.Pulse(_gate); // the drain waits only on an empty queue
            }
        }
    }

    public Task CompleteAsync()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.Pulse(_gate);
        }

        return _drained;
    }

    private void Drain()
    {
        using var scope = _logger.BeginScope("Process {Process}", _processName);
        long reported = 0;
        // Whole batches under one lock: when the server writes faster than one line per wake-up, the drain takes
        // everything queued at once instead of paying a hand-off per line.
        var batch = new List<(string Line, bool FromStandardError)>();
        while (true)
        {
            lock (_gate)
            {
                while (_queued.Count == 0 && !_completed)
                {
                    Monitor.Wait(_gate);
                }

                if (_queued.Count == 0)
                {
                    break; // completed and drained
                }

                (batch, _queued) = (_queued, batch);
            }

            foreach (var (line, fromStandardError) in batch)
            {
                reported = ReportDropped(reported);
                Write(line, fromStandardError);
            }

            batch.Clear();
        }

        ReportDropped(reported);
    }

    private void Write(string line, bool fromStandardError)
    {
        var level = PythonLogLevel.Detect(line, fromStandardError ? LogLevel.Warning : LogLevel.Information);
        if (_logger.IsEnabled(level))
        {
            try
            {
                _logger.Log(level, "{Line}", line);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failing logger must not stop the pump: lines would pile up and be dropped.
            }
        }
    }

    private long ReportDropped(long reported)
    {
        var dropped = Dropped;
        if (dropped != reported)
        {
            Log.DroppedLines(_logger, _processName, dropped - reported);
        }

        return dropped;
    }
}
