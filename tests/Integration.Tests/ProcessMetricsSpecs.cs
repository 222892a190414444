using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The per-process metrics (meter ProdServer.Config), read with a <see cref="MeterListener"/> as OpenTelemetry would.</summary>
public sealed class ProcessMetricsSpecs
{
    private sealed record Measured(string Instrument, double Value, Dictionary<string, object?> Tags);

    [Fact]
    public async Task A_killed_and_restarted_process_reports_up_ready_uptime_one_restart_its_exit_with_the_signal_and_two_start_durations()
    {
        var name = "m" + Guid.NewGuid().ToString("N")[..8];
        var measured = new ConcurrentQueue<Measured>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ProdServer.Config" && instrument.Name.StartsWith("prodserver.process.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var bag = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                bag[tag.Key] = tag.Value;
            }

            if (Equals(bag.GetValueOrDefault("process"), name))
            {
                measured.Enqueue(new Measured(instrument.Name, value, bag));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        var logs = new CapturingLoggerProvider();
        var definition = new ProcessDefinition(name, TestBackend.Dummy) { Args = new TestArgs { Words = ["serve"] }, App = "test" };
        definition.WorkingDirectory = Python.AppsDirectory;
        definition.Python = Python.Debian;
        definition.StartSeconds = TimeSpan.FromMilliseconds(300);
        definition.RestartDelay = TimeSpan.FromMilliseconds(100);
        var supervisor = new ProcessSupervisor(definition, Python.AppsDirectory, logs.CreateLogger("ProdServer.Process." + name));
        try
        {
            supervisor.Start();
            var first = await supervisor.WaitForAsync(s => s.IsReady, TimeSpan.FromSeconds(20));
            Assert.Equal(0, ProcessTable.Signal(first.Pid!.Value, 9));
            await supervisor.WaitForAsync(s => s.IsReady && s.Pid != first.Pid, TimeSpan.FromSeconds(20));
            listener.RecordObservableInstruments();
        }
        finally
        {
            await supervisor.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }

        var all = measured.ToList();
        Assert.All(all, m => Assert.Equal("Test-dummy", m.Tags["backend"]));
        Assert.Equal(1, all.Where(m => m.Instrument == "prodserver.process.restarts").Sum(m => m.Value));
        var exit = Assert.Single(all, m => m.Instrument == "prodserver.process.exits" && Equals(m.Tags["code"], 137));
        Assert.Equal("SIGKILL", exit.Tags["signal"]);
        var durations = all.Where(m => m.Instrument == "prodserver.process.start_duration").Select(m => m.Value).ToList();
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.InRange(d, 0.25, 20)); // no probe: ready after StartSeconds (0.3 s, timers may fire a little early)
        Assert.Equal(1, Assert.Single(all, m => m.Instrument == "prodserver.process.up").Value);
        Assert.Equal(1, Assert.Single(all, m => m.Instrument == "prodserver.process.ready").Value);
        Assert.InRange(Assert.Single(all, m => m.Instrument == "prodserver.process.uptime").Value, 0.25, 60);
    }
}
