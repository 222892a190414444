using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The output pump never makes the child wait for a slow logger.</summary>
public sealed class LogPumpSpecs(ITestOutputHelper output)
{
    /// <summary>A logger stuck on its first line until released, as a logger writing to a hung disk or network would be.</summary>
    private sealed class StuckLogger : ILogger
    {
        private int _lines;

        public ManualResetEventSlim Release { get; } = new();

        public List<string> Warnings { get; } = [];

        public int Lines => Volatile.Read(ref _lines);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            if (text.StartsWith("line ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _lines);
                Release.Wait(TimeSpan.FromSeconds(60));
            }
            else if (logLevel == LogLevel.Warning)
            {
                lock (Warnings)
                {
                    Warnings.Add(text);
                }
            }
        }
    }

    [Fact]
    public async Task A_slow_logger_never_stalls_the_server_lines_it_cannot_take_are_dropped_and_counted()
    {
        // The logger takes nothing until the child has written all 100 000 lines and exited: the child must not wait for it.
        var logger = new StuckLogger();
        var plan = new LaunchPlan("svc", Python.Debian, ["dummy.py", "lines", "100000"], Python.AppsDirectory,
            new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" });
        var clock = Stopwatch.StartNew();
        var server = ServerProcess.Start(plan, logger);

        while (ProcessTable.IsAlive(server.Id))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the child is still running: it is blocked on its output pipe");
            await Task.Delay(20);
        }

        var written = clock.Elapsed;
        logger.Release.Set();
        var code = await server.Exited.WaitAsync(TimeSpan.FromSeconds(60));

        output.WriteLine($"100000 lines written in {written.TotalMilliseconds:0} ms with the logger stuck; logged {logger.Lines}, dropped {server.DroppedLines}");
        Assert.Equal(0, code);
        Assert.True(server.DroppedLines > 0, "nothing was dropped: the logger kept up after all");
        Assert.Equal(100_000, logger.Lines + server.DroppedLines);
        var dropped = logger.Warnings.Where(w => w.StartsWith("svc: dropped ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(dropped);
        Assert.Equal(server.DroppedLines, dropped.Sum(w => long.Parse(w.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
