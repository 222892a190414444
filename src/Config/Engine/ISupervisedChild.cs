using System;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// What a <see cref="ProcessSupervisor"/> needs of one started child. <see cref="ServerProcess"/> is the real one; the
/// supervisor's timing tests pass fakes, so back-off, give-up and start-seconds run on a fake clock in milliseconds.
/// </summary>
internal interface ISupervisedChild : IAsyncDisposable
{
    /// <summary>The child's process id.</summary>
    int Id { get; }

    /// <summary>When the child was started.</summary>
    DateTimeOffset StartTime { get; }

    /// <summary>When the child itself exited, or <see langword="null"/> while it runs (a run's length is measured by this).</summary>
    DateTimeOffset? ExitTime { get; }

    /// <summary>Completes when the child itself exits, before its last output is logged.</summary>
    Task LeaderExited { get; }

    /// <summary>Completes with the exit code once the child has exited and its last line is logged.</summary>
    Task<int> Exited { get; }

    /// <summary>The graceful stop, then the kill after <paramref name="timeout"/>; completes with the exit code.</summary>
    /// <param name="timeout">How long the graceful stop may take.</param>
    /// <returns>The exit code.</returns>
    Task<int> StopAsync(TimeSpan timeout);

    /// <summary>Kills the child and what it started at once.</summary>
    void Kill();

    /// <summary>Sends a POSIX signal to the child's main process (the server's master), not to its workers.</summary>
    /// <param name="signal">The signal number.</param>
    /// <returns>Whether it was delivered.</returns>
    bool Signal(int signal);

    /// <summary>The child's last error line, for the failure message; <see langword="null"/> when it said nothing.</summary>
    /// <returns>The line, or <see langword="null"/>.</returns>
    string? FailureReason();
}
