using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The output pump: bounded in bytes, nothing lost by default (back-pressure), escaped for the terminal.</summary>
public sealed class LogPumpSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task With_Overflow_Drop_a_slow_logger_never_stalls_the_server_lines_it_cannot_take_are_dropped_logged_and_counted_in_the_metric()
    {
        // The metric is process-wide: this test's process has a name of its own, and only its measurements are summed.
        const string Name = "svc-drop-metric";
        long metered = 0;
        using var meter = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == EngineMetrics.MeterName && instrument.Name == "prodserver.log.dropped_lines")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meter.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "process", Value: Name })
                {
                    Interlocked.Add(ref metered, value);
                }
            }
        });
        meter.Start();

        // The logger takes nothing until the child has written all 100 000 lines and exited: the child must not wait for it.
        var logger = new StuckLogger();
        var plan = new LaunchPlan(Name, Python.Debian, ["dummy.py", "lines", "100000"], Python.AppsDirectory,
            new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" });
        var clock = Stopwatch.StartNew();
        var server = ServerProcess.Start(plan, logger, stopSignalToGroup: true, new ProdServerLogOptions { Overflow = LogOverflow.Drop });

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
        var dropped = logger.Warnings.Where(w => w.StartsWith(Name + ": dropped ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(dropped);
        Assert.Equal(server.DroppedLines, dropped.Sum(w => long.Parse(w.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(dropped, w => Assert.Contains("Logs:Overflow=Drop", w, StringComparison.Ordinal));
        Assert.Equal(server.DroppedLines, Interlocked.Read(ref metered));
    }

    private static ServerProcess StartDummy(ILogger logger, params string[] words) =>
        ServerProcess.Start(new LaunchPlan("svc", Python.Debian, ["dummy.py", .. words], Python.AppsDirectory,
            new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" }), logger);

    [Fact]
    public async Task By_default_a_stuck_logger_holds_the_server_at_its_next_write_and_no_line_is_lost()
    {
        var logger = new StuckLogger();
        var server = StartDummy(logger, "lines", "200000");

        // Back-pressure: once the buffer and the pipe are full, the server waits in write(2) for the logger.
        var clock = Stopwatch.StartNew();
        while (!ProcessTable.WaitChannel(server.Id).Contains("pipe_write", StringComparison.Ordinal))
        {
            Assert.True(ProcessTable.IsAlive(server.Id), $"the server finished writing while the logger took {logger.Lines} line(s): lines were dropped, not held back");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the server never waited on its output pipe");
            await Task.Delay(20);
        }

        logger.Release.Set();
        var code = await server.Exited.WaitAsync(TimeSpan.FromSeconds(60));

        output.WriteLine($"logged {logger.Lines}, dropped {server.DroppedLines}; warnings: {string.Join(" | ", logger.Warnings)}");
        Assert.Equal(0, code);
        Assert.Equal(200_000, logger.Lines);
        Assert.Equal(0, server.DroppedLines);
    }

    [Fact]
    public async Task Escape_sequences_and_control_characters_from_the_server_reach_the_log_escaped_not_raw()
    {
        var logs = new CapturingLoggerProvider();
        var server = StartDummy(logs.CreateLogger("ProdServer.Process.svc"), "controls");

        Assert.Equal(0, await server.Exited.WaitAsync(TimeSpan.FromSeconds(30)));

        var line = logs.Text.Split('\n').Single(l => l.Contains("red ", StringComparison.Ordinal));
        Assert.EndsWith(@"red \u001b[31mtext\u001b[0m bell \u0007 nul \u0000 cr \u000d del \u007f c1 \u009b tab " + "\t end", line, StringComparison.Ordinal);
        Assert.DoesNotContain(line, c => char.IsControl(c) && c != '\t');
    }

    [Fact]
    public async Task A_line_longer_than_16_KiB_is_logged_in_pieces_that_together_hold_every_byte_and_the_split_is_said()
    {
        var logs = new CapturingLoggerProvider();
        var server = StartDummy(logs.CreateLogger("ProdServer.Process.svc"), "blob", "1");

        Assert.Equal(0, await server.Exited.WaitAsync(TimeSpan.FromSeconds(30)));

        var pieces = logs.Text.Split('\n').Where(l => l.EndsWith("xxxx", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf(' ') + 1)..]).ToList();
        Assert.Equal(64, pieces.Count);
        Assert.All(pieces, p => Assert.Equal(16 * 1024, p.Length));
        Assert.Contains("svc: a line of 1048576 bytes was longer than 16384 bytes; it was logged in 64 pieces", logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_python_warning_whose_message_spans_lines_is_one_warning_entry_and_the_lines_after_it_are_their_own()
    {
        var logs = new CapturingLoggerProvider();
        var server = StartDummy(logs.CreateLogger("ProdServer.Process.svc"), "warn");

        Assert.Equal(0, await server.Exited.WaitAsync(TimeSpan.FromSeconds(30)));

        var entries = logs.Lines.Where(l => l.StartsWith("Warning ProdServer.Process.svc: ", StringComparison.Ordinal))
            .Select(l => l["Warning ProdServer.Process.svc: ".Length..]).ToList();
        Assert.Equal(4, entries.Count);
        Assert.EndsWith(
            ": SecurityWarning: You're running the worker with superuser privileges: this is\nabsolutely not recommended!\n\n"
            + "Please specify a different user using the --uid option.\n\nUser information: uid=0 euid=0 gid=0 egid=0\n\n"
            + "  warnings.warn(SecurityWarning(\"\"\"\\",
            entries[0],
            StringComparison.Ordinal);
        Assert.Equal("a line of its own", entries[1]);
        Assert.Equal("/nonexistent/app.py:7: UserWarning: from a file Python cannot read", entries[2]);
        Assert.Equal("another line of its own", entries[3]);
    }
}
