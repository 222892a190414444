using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// The engine's metrics (meter <c>ProdServer.Config</c>), for OpenTelemetry or <c>dotnet-counters</c>, tagged with
/// <c>process</c> (the name) and <c>backend</c>: <c>prodserver.process.restarts</c>, <c>.exits</c> (also tagged
/// <c>code</c> and, for a signal death, <c>signal</c>), <c>.start_duration</c> (spawn → ready), the gauges <c>.up</c>,
/// <c>.ready</c> and <c>.uptime</c> of every supervised process, and <c>prodserver.log.dropped_lines</c>.
/// </summary>
internal static class EngineMetrics
{
    /// <summary>The meter's name, to subscribe to (<c>AddMeter("ProdServer.Config")</c>).</summary>
    public const string MeterName = "ProdServer.Config";

    private static readonly Meter Meter = new(MeterName);

    // The supervisors the gauges report: from their start until they end for good.
    private static readonly ConcurrentDictionary<ProcessSupervisor, bool> Supervised = new();

    /// <summary>Output lines dropped because the logger could not keep up (tag <c>process</c>).</summary>
    public static readonly Counter<long> DroppedLines =
        Meter.CreateCounter<long>("prodserver.log.dropped_lines", unit: "{line}", description: "Server output lines dropped because the logger could not keep up (Logs:Overflow=Drop).");

    /// <summary>Starts of a process after its first one.</summary>
    public static readonly Counter<long> Restarts =
        Meter.CreateCounter<long>("prodserver.process.restarts", unit: "{restart}", description: "Starts of a process after its first one (after a crash, a restart or a reload).");

    /// <summary>Exits of a process's child, tagged with the exit code and, for a signal death, the signal.</summary>
    public static readonly Counter<long> Exits =
        Meter.CreateCounter<long>("prodserver.process.exits", unit: "{exit}", description: "Exits of a process's server, tagged with code (128+N for signal N) and signal.");

    /// <summary>Seconds from spawn to ready.</summary>
    public static readonly Histogram<double> StartDuration =
        Meter.CreateHistogram<double>("prodserver.process.start_duration", unit: "s", description: "Seconds from spawning a server to its readiness probe passing.");

    static EngineMetrics()
    {
        Meter.CreateObservableGauge("prodserver.process.up", () => Observe(s => s.IsUp), unit: "{process}", description: "1 while the process's server runs, else 0.");
        Meter.CreateObservableGauge("prodserver.process.ready", () => Observe(s => s.IsReady), unit: "{process}", description: "1 while the process is ready (its probe passed), else 0.");
        Meter.CreateObservableGauge("prodserver.process.uptime", () => ObserveUptime(), unit: "s", description: "Seconds the process's current server has run.");
    }

    /// <summary>Reports <paramref name="supervisor"/> in the gauges until it ends for good.</summary>
    public static void Track(ProcessSupervisor supervisor)
    {
        Prune();
        Supervised[supervisor] = true;
    }

    // The gauges' supervisors, less those that ended for good. They are dropped when the gauges are read or another
    // supervisor starts (so the set stays as small as what runs), not by a continuation on their end: that one ran its
    // first-time code in the middle of a stop under the JIT.
    private static ICollection<ProcessSupervisor> Live()
    {
        Prune();
        return Supervised.Keys;
    }

    private static void Prune()
    {
        foreach (var supervisor in Supervised.Keys)
        {
            if (supervisor.Completion.IsCompleted)
            {
                Supervised.TryRemove(supervisor, out _);
            }
        }
    }

    /// <summary>The <c>process</c> and <c>backend</c> tags of <paramref name="definition"/>.</summary>
    public static KeyValuePair<string, object?>[] Tags(ProcessDefinition definition) =>
        [new("process", definition.Name), new("backend", definition.Backend.Name)];

    private static IEnumerable<Measurement<int>> Observe(System.Func<ProcessStatus, bool> test) =>
        Live().Select(s => new Measurement<int>(test(s.Status) ? 1 : 0, Tags(s.Definition)));

    private static IEnumerable<Measurement<double>> ObserveUptime() =>
        Live().Select(s => new Measurement<double>(s.Status.Uptime(s.Time.GetUtcNow()).TotalSeconds, Tags(s.Definition)));
}
