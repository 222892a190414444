using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// Carries the child's output lines to <see cref="ILogger"/> on a task of its own, so a slow logger never stalls the
/// child: the pipe readers only enqueue, and when the queue is full they drop the line and count it. The count is
/// logged as "dropped N lines" once the logger catches up.
/// </summary>
internal sealed class OutputPump
{
    /// <summary>How many lines may wait for the logger; at ~200 bytes a line, a few MB.</summary>
    public const int DefaultCapacity = 16_384;

    private readonly Channel<(string Line, bool FromStandardError)> _lines;
    private readonly ILogger _logger;
    private readonly string _processName;
    private readonly Task _drained;
    private long _dropped;

    public OutputPump(ILogger logger, string processName, int capacity = DefaultCapacity)
    {
        _logger = logger;
        _processName = processName;
        _lines = Channel.CreateBounded<(string, bool)>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _drained = Task.Run(DrainAsync);
    }

    /// <summary>The lines dropped so far because the logger could not keep up.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a line; never blocks.</summary>
    public void Post(string line, bool fromStandardError)
    {
        if (!_logger.IsEnabled(LogLevel.Critical))
        {
            return; // nothing would be logged at any level: no need to queue it
        }

        if (!_lines.Writer.TryWrite((line, fromStandardError)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Ends the queue and waits until every queued line is logged.</summary>
    public Task CompleteAsync()
    {
        _lines.Writer.TryComplete();
        return _drained;
    }

    private async Task DrainAsync()
    {
        using var scope = _logger.BeginScope("Process {Process}", _processName);
        long reported = 0;
        await foreach (var (line, fromStandardError) in _lines.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            reported = ReportDropped(reported);
            var level = PythonLogLevel.Detect(line, fromStandardError ? LogLevel.Warning : LogLevel.Information);
            if (_logger.IsEnabled(level))
            {
                try
                {
                    _logger.Log(level, "{Line}", line);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A failing logger must not stop the pump: the child would block on a full pipe.
                }
            }
        }

        ReportDropped(reported);
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
