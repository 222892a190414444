using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>How a process is supervised: restarts, back-off and readiness (see docs/operations.md).</summary>
public sealed partial class ProcessDefinition
{
    /// <summary>The default for <see cref="StartSeconds"/>: supervisord's <c>startsecs</c> default.</summary>
    public static readonly TimeSpan DefaultStartSeconds = TimeSpan.FromSeconds(1);

    /// <summary>The default for <see cref="StartRetries"/>: supervisord's <c>startretries</c> default.</summary>
    public const int DefaultStartRetries = 3;

    /// <summary>The default for <see cref="RestartDelay"/>.</summary>
    public static readonly TimeSpan DefaultRestartDelay = TimeSpan.FromSeconds(1);

    /// <summary>The default for <see cref="RestartMaxDelay"/>.</summary>
    public static readonly TimeSpan DefaultRestartMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>When the process is started again after it exits on its own. Default <see cref="RestartPolicy.OnFailure"/>.</summary>
    public RestartPolicy Restart { get; set; } = RestartPolicy.OnFailure;

    /// <summary>
    /// How long a start must stay up (and be ready) to count as successful (supervisord's <c>startsecs</c>). A process that
    /// dies sooner, or is not ready by <see cref="ReadinessProbe.Timeout"/>, is a failed start. Default 1 s.
    /// </summary>
    public TimeSpan StartSeconds { get; set; } = DefaultStartSeconds;

    /// <summary>
    /// How many failed starts in a row are retried before the engine gives up on the process (supervisord's
    /// <c>startretries</c>): with 3, the fourth consecutive failed start is the last. A successful start resets the count. Default 3.
    /// </summary>
    public int StartRetries { get; set; } = DefaultStartRetries;

    /// <summary>
    /// The wait before the first restart (systemd's <c>RestartSec</c>); it doubles with every consecutive failed start, up to
    /// <see cref="RestartMaxDelay"/>, and is spread by ±25 % of jitter so that processes do not restart in lock-step. Default 1 s.
    /// </summary>
    public TimeSpan RestartDelay { get; set; } = DefaultRestartDelay;

    /// <summary>The longest wait between restarts (systemd's <c>RestartMaxDelaySec</c>). Default 30 s.</summary>
    public TimeSpan RestartMaxDelay { get; set; } = DefaultRestartMaxDelay;

    /// <summary>
    /// The processes (by name) that must be ready before this one starts, when they run in the same host (systemd's
    /// <c>After=</c>+<c>Requires=</c>, Compose's <c>depends_on: condition: service_healthy</c>). Exports carry it over.
    /// </summary>
    public IList<string> DependsOn { get; } = new List<string>();

    /// <summary>How readiness is decided; see <see cref="ReadinessProbe"/>.</summary>
    public ReadinessProbe Readiness { get; } = new();
}
