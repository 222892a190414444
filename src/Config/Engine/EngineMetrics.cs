using System.Diagnostics.Metrics;

namespace ProdServer.Config;

/// <summary>
/// The engine's metrics (meter <c>ProdServer.Config</c>), for OpenTelemetry or <c>dotnet-counters</c>:
/// <c>prodserver.log.dropped_lines</c> counts the output lines dropped under <see cref="LogOverflow.Drop"/>, tagged with the process.
/// </summary>
internal static class EngineMetrics
{
    private static readonly Meter Meter = new("ProdServer.Config");

    /// <summary>Output lines dropped because the logger could not keep up (tag <c>process</c>).</summary>
    public static readonly Counter<long> DroppedLines =
        Meter.CreateCounter<long>("prodserver.log.dropped_lines", unit: "{line}", description: "Server output lines dropped because the logger could not keep up (Logs:Overflow=Drop).");
}
