using System;

namespace ProdServer.Config;

/// <summary>Supervision settings: restarts, back-off and readiness (see docs/operations.md).</summary>
public sealed partial class ProcessBuilder
{
    /// <summary>Sets when the process is started again after it exits on its own (default <see cref="RestartPolicy.OnFailure"/>).</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="startRetries">
    /// How many failed starts in a row are retried before giving up (supervisord's <c>startretries</c>); unchanged when <see langword="null"/>.
    /// </param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder Restart(RestartPolicy policy, int? startRetries = null) => Set(p =>
    {
        p.Restart = policy;
        p.StartRetries = startRetries ?? p.StartRetries;
    });

    /// <summary>Sets how long a start must stay up to count as successful (supervisord's <c>startsecs</c>; default 1 s).</summary>
    /// <param name="time">The settle time.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder StartSeconds(TimeSpan time) => Set(p => p.StartSeconds = time);

    /// <summary>Sets the restart back-off: the first delay, doubled per failed start up to <paramref name="max"/> (systemd's <c>RestartSec</c>, <c>RestartMaxDelaySec</c>).</summary>
    /// <param name="initial">The first delay (default 1 s).</param>
    /// <param name="max">The longest delay (default 30 s); unchanged when <see langword="null"/>.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder RestartDelay(TimeSpan initial, TimeSpan? max = null) => Set(p =>
    {
        p.RestartDelay = initial;
        p.RestartMaxDelay = max ?? p.RestartMaxDelay;
    });

    /// <summary>
    /// Calls the process ready when an HTTP GET of <paramref name="path"/> on its first port answers <paramref name="status"/>
    /// (by default: when its ports accept connections); a start not ready within <paramref name="timeout"/> failed.
    /// </summary>
    /// <param name="path">The path, for example <c>/health</c>; <see langword="null"/> to probe the port only.</param>
    /// <param name="status">The expected HTTP status (default 200).</param>
    /// <param name="timeout">How long a start may take to become ready (default 30 s); unchanged when <see langword="null"/>.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder Readiness(string? path, int status = 200, TimeSpan? timeout = null) => Set(p =>
    {
        p.Readiness.Path = path;
        p.Readiness.Status = status;
        p.Readiness.Timeout = timeout ?? p.Readiness.Timeout;
    });

    /// <summary>
    /// Starts this process only once the named processes are ready, when they run in the same host (<c>--all</c>);
    /// exports write the same order (systemd <c>After=</c>, Compose <c>depends_on</c>).
    /// </summary>
    /// <param name="processes">The names of the processes this one needs.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder DependsOn(params string[] processes) => Set(p =>
    {
        foreach (var name in processes)
        {
            p.DependsOn.Add(name);
        }
    });

    /// <summary>Sets how many copies an orchestrator runs (Compose <c>deploy.replicas</c>, Kubernetes <c>replicas</c>); default 1.</summary>
    /// <param name="copies">The number of copies, at least 1 (exactly 1 for a Celery beat).</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder Replicas(int copies) => Set(p => p.Replicas = copies);

    /// <summary>Sets what each copy requests in Kubernetes (<c>resources.requests</c>), in Kubernetes quantities.</summary>
    /// <param name="cpu">CPU, for example <c>250m</c> or <c>2</c>; unchanged when <see langword="null"/>.</param>
    /// <param name="memory">Memory, for example <c>256Mi</c>; unchanged when <see langword="null"/>.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder Resources(string? cpu = null, string? memory = null) => Set(p =>
    {
        p.Resources.Cpu = cpu ?? p.Resources.Cpu;
        p.Resources.Memory = memory ?? p.Resources.Memory;
    });
}
