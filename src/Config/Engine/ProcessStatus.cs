using System;

namespace ProdServer.Config;

/// <summary>A snapshot of one supervised process, taken at one transition (see <see cref="ProcessSupervisor.Status"/>).</summary>
/// <param name="Name">The process name.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="Since">When it entered <paramref name="State"/>.</param>
/// <param name="Pid">The running child's process id (also its process group id on Linux), or <see langword="null"/> when none runs.</param>
/// <param name="StartedAt">When the current (or last) child was spawned; <see langword="null"/> before the first start.</param>
/// <param name="Restarts">How many times a child was started after the first one.</param>
/// <param name="LastExitCode">The last child's exit code (128 + N when signal N ended it), or <see langword="null"/> before the first exit.</param>
/// <param name="LastExitAt">When the last child exited, or <see langword="null"/> before the first exit.</param>
internal sealed record ProcessStatus(
    string Name,
    ProcessState State,
    DateTimeOffset Since,
    int? Pid,
    DateTimeOffset? StartedAt,
    int Restarts,
    int? LastExitCode,
    DateTimeOffset? LastExitAt)
{
    /// <summary>Whether it serves: <see cref="ProcessState.Ready"/> or <see cref="ProcessState.Running"/>.</summary>
    public bool IsReady => State is ProcessState.Ready or ProcessState.Running;

    /// <summary>Whether a child process exists: from spawn until its exit was seen.</summary>
    public bool IsUp => Pid is not null;

    /// <summary>
    /// The signal that ended the last child, read from <see cref="LastExitCode"/> as a shell reads it (128 + N, N from 1
    /// to 64), or <see langword="null"/>: .NET reports a signal death that way, so an exit code above 128 that the
    /// server chose itself reads the same.
    /// </summary>
    public int? LastSignal => LastExitCode is > 128 and <= 128 + 64 ? LastExitCode - 128 : null;

    /// <summary>How long the current child has run at <paramref name="now"/>; <see cref="TimeSpan.Zero"/> when none runs.</summary>
    /// <param name="now">The current time, from the supervisor's <see cref="TimeProvider"/>.</param>
    /// <returns>The uptime.</returns>
    public TimeSpan Uptime(DateTimeOffset now) => IsUp && StartedAt is { } started && now > started ? now - started : TimeSpan.Zero;
}
