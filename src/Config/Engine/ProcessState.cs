namespace ProdServer.Config;

/// <summary>
/// Where a supervised process is in its life, as supervisord and systemd name it (<c>status</c> prints these words):
/// see <see cref="ProcessSupervisor.Status"/>.
/// </summary>
internal enum ProcessState
{
    /// <summary>Spawned; its readiness probe has not passed yet.</summary>
    Starting,

    /// <summary>Its readiness probe passed: its port accepts connections (or <c>Readiness:Path</c> answers).</summary>
    Ready,

    /// <summary>Nothing to probe (a worker without a port): it has stayed up for <c>StartSeconds</c>, as supervisord's RUNNING.</summary>
    Running,

    /// <summary>It exited and waits out the restart delay before the next start.</summary>
    Backoff,

    /// <summary>A stop (or a restart) was asked for; waiting for it to exit within its stop timeout.</summary>
    Stopping,

    /// <summary>Not running: stopped on request, never started, or it ended and its restart policy does not restart it.</summary>
    Stopped,

    /// <summary>It failed and is not restarted again: too many failed starts in a row, or a failure under <c>Restart=Never</c>.</summary>
    GaveUp,
}

/// <summary>The words <c>status</c> and the log print for a <see cref="ProcessState"/>.</summary>
internal static class ProcessStateText
{
    /// <summary>The lower-case word: <c>starting</c>, <c>ready</c>, …, <c>gave-up</c>.</summary>
    public static string Text(this ProcessState state) => state switch
    {
        ProcessState.Starting => "starting",
        ProcessState.Ready => "ready",
        ProcessState.Running => "running",
        ProcessState.Backoff => "backoff",
        ProcessState.Stopping => "stopping",
        ProcessState.Stopped => "stopped",
        ProcessState.GaveUp => "gave-up",
        _ => state.ToString().ToLowerInvariant(),
    };
}
