using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>A child as the stop sees it: asked to stop, killed, and watched for its exit.</summary>
internal interface IStopTarget
{
    /// <summary>The process name, for the log.</summary>
    string Name { get; }

    /// <summary>The child's process id.</summary>
    int Id { get; }

    /// <summary>Completes with the exit code.</summary>
    Task<int> Exited { get; }

    /// <summary>Sends the graceful stop and says what was sent (for the log).</summary>
    /// <returns>A description such as "SIGTERM to its process group".</returns>
    string AskToStop();

    /// <summary>How often <see cref="AskToStop"/> is repeated until the exit (see <see cref="LaunchPlan.StopSignalRepeat"/>), or <see langword="null"/>.</summary>
    TimeSpan? StopSignalRepeat { get; }

    /// <summary>Kills the child and its process group.</summary>
    void Kill();

    /// <summary>Why the exit was not seen after the kill (for the log): still running, or exited with output unlogged.</summary>
    /// <returns>A description.</returns>
    string DescribeUnfinished();
}

/// <summary>
/// The graceful-then-forced stop, apart from the operating system so that its timing is tested on a fake clock: ask,
/// wait up to the timeout, kill, wait a bounded time for the exit and report it when even that expired.
/// </summary>
internal static class StopEscalation
{
    /// <summary>How long to wait for the exit after SIGKILL: the kernel acts at once unless the process sleeps uninterruptibly.</summary>
    public static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    /// <summary>The shortest repeat of the stop signal a launch may plan: a shorter one would be a stream of signals.</summary>
    public static readonly TimeSpan MinimumRepeat = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest repeat of the stop signal a launch may plan (the plan cache refuses anything longer as damaged).</summary>
    public static readonly TimeSpan MaximumRepeat = TimeSpan.FromHours(1);

    /// <summary>Stops <paramref name="target"/>: the graceful stop, then after <paramref name="timeout"/> the kill.</summary>
    /// <param name="target">The child.</param>
    /// <param name="timeout">How long the graceful stop may take.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where the stop is reported.</param>
    /// <returns>The exit code; 128 + SIGKILL when the exit was not seen within <see cref="KillWait"/> of the kill.</returns>
    public static async Task<int> RunAsync(IStopTarget target, TimeSpan timeout, TimeProvider time, ILogger logger)
    {
        if (target.Exited.IsCompleted)
        {
            return await target.Exited.ConfigureAwait(false);
        }

        var started = time.GetTimestamp();

        // Each wait's timer starts before the step it follows, so that whoever sees the step can count on the timer.
        using var graceful = new Deadline(timeout, time);
        var signal = target.AskToStop();
        Log.Stopping(logger, target.Name, target.Id, signal, timeout);
        var exited = target.StopSignalRepeat is { } repeat
            ? await RepeatUntilExitAsync(target, graceful.Passed, repeat, time, started, logger).ConfigureAwait(false)
            : await Task.WhenAny(target.Exited, graceful.Passed).ConfigureAwait(false) == target.Exited;
        if (exited)
        {
            var code = await target.Exited.ConfigureAwait(false);
            Log.StoppedGracefully(logger, target.Name, target.Id, code, time.GetElapsedTime(started));
            return code;
        }

        using var killWait = new Deadline(KillWait, time);
        target.Kill();
        if (await Task.WhenAny(target.Exited, killWait.Passed).ConfigureAwait(false) != target.Exited)
        {
            // Reported, not waited for: a stop must end. The exit is still reported when it comes.
            Log.KillWaitExpired(logger, target.Name, target.Id, target.DescribeUnfinished(), KillWait);
            return 128 + Signals.SIGKILL;
        }

        var killed = await target.Exited.ConfigureAwait(false);
        Log.Killed(logger, target.Name, target.Id, timeout, time.GetElapsedTime(started));
        return killed;
    }

    // Whether the target exited before the graceful stop's timer ran out, sending the stop signal again at each interval
    // meanwhile, for a process that missed it (a worker still booting with its master's handlers).
    private static async Task<bool> RepeatUntilExitAsync(IStopTarget target, Task graceful, TimeSpan interval, TimeProvider time, long started, ILogger logger)
    {
        using var stopRepeating = new CancellationTokenSource();
        try
        {
            var repeat = Task.Delay(interval, time, stopRepeating.Token);
            while (true)
            {
                var first = await Task.WhenAny(target.Exited, graceful, repeat).ConfigureAwait(false);
                if (first != repeat)
                {
                    return first == target.Exited;
                }

                // As every wait here: the next timer starts before the step it follows.
                repeat = Task.Delay(interval, time, stopRepeating.Token);
                Log.StopRepeated(logger, target.Name, target.Id, time.GetElapsedTime(started), target.AskToStop());
            }
        }
        finally
        {
            stopRepeating.Cancel(); // the pending timer is released now, not when it would have fired
        }
    }
}
