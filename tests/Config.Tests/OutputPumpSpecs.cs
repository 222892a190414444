using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The pump logs what one read of the pipe brought as the records the server wrote: a traceback whose lines came
/// together is one entry; one whose exception's line is late is held for a bounded moment, then written as it is.
/// In the environment's collection: a pump's batches tell <see cref="WorkingSet"/> output was written, which a launcher's
/// trim waits on (WorkingSetOptInSpecs counts the trims asked for).
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class OutputPumpSpecs
{
    private static readonly string[] Traceback =
    [
        "ERROR:waitress:Exception while serving /boom",
        "Traceback (most recent call last):",
        "  File \"/srv/site/views.py\", line 3, in boom",
        "    return 1 / 0",
    ];

    [Fact]
    public async Task The_lines_of_one_read_are_logged_as_the_records_they_are()
    {
        var logger = new EntryLogger();
        var pump = new OutputPump(logger, "web");
        PostRead(pump, [.. Traceback, "ZeroDivisionError: division by zero", "INFO:waitress:Serving on http://127.0.0.1:8000"]);
        await pump.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(
            [
                (LogLevel.Error, string.Join('\n', [.. Traceback, "ZeroDivisionError: division by zero"])),
                (LogLevel.Information, "INFO:waitress:Serving on http://127.0.0.1:8000"),
            ],
            logger.Entries);
    }

    [Fact]
    public async Task A_traceback_whose_exception_line_is_late_is_written_as_it_is_after_a_bounded_hold_and_the_rest_follows()
    {
        var logger = new EntryLogger();
        var pump = new OutputPump(logger, "web");
        PostRead(pump, Traceback);

        var held = Stopwatch.StartNew();
        var first = await logger.Next.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((LogLevel.Error, string.Join('\n', Traceback)), first);
        Assert.True(held.Elapsed < TimeSpan.FromSeconds(10), $"held {held.Elapsed}");

        PostRead(pump, ["ZeroDivisionError: division by zero"]);
        await pump.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((LogLevel.Error, "ZeroDivisionError: division by zero"), logger.Entries.Last());
        Assert.Equal(2, logger.Entries.Count);
    }

    [Fact]
    public async Task Closing_the_log_writes_the_entry_being_held()
    {
        var logger = new EntryLogger();
        var pump = new OutputPump(logger, "web");
        PostRead(pump, Traceback);
        await pump.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([(LogLevel.Error, string.Join('\n', Traceback))], logger.Entries);
    }

    // As the pipe reader posts one read: every line but the last says more of the read follows.
    private static void PostRead(OutputPump pump, string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            pump.Post(lines[i], fromStandardError: true, more: i < lines.Length - 1);
        }
    }

    private sealed class EntryLogger : ILogger
    {
        private readonly ConcurrentQueue<(LogLevel, string)> _entries = new();

        public TaskCompletionSource<(LogLevel, string)> Next { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Generic.List<(LogLevel, string)> Entries => [.. _entries];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = (logLevel, formatter(state, exception));
            _entries.Enqueue(entry);
            Next.TrySetResult(entry);
        }
    }
}
