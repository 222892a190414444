using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace ProdServer.Config.Tests.Supervision;

/// <summary>A child that exits when the test says so, its times read from the test's fake clock.</summary>
internal sealed class FakeChild(FakeTimeProvider time, int id) : ISupervisedChild
{
    private readonly TaskCompletionSource _leaderExited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stops;

    public int Id { get; } = id;

    public DateTimeOffset StartTime { get; } = time.GetUtcNow();

    public DateTimeOffset? ExitTime { get; private set; }

    public Task LeaderExited => _leaderExited.Task;

    public Task<int> Exited => _exited.Task;

    /// <summary>How many graceful stops it was asked for.</summary>
    public int Stops => Volatile.Read(ref _stops);

    /// <summary>The last error line the child "wrote".</summary>
    public string? LastError { get; init; }

    /// <summary>Ends the child with <paramref name="code"/> now (by the fake clock).</summary>
    public void Exit(int code) => ExitAt(time.GetUtcNow(), code);

    /// <summary>
    /// Ends the child with <paramref name="code"/>, as having exited at <paramref name="when"/>, without moving the clock:
    /// its exit seen before a timer due meanwhile has fired (a busy thread pool holds timers back).
    /// </summary>
    public void ExitAt(DateTimeOffset when, int code)
    {
        ExitTime ??= when;
        _leaderExited.TrySetResult();
        _exited.TrySetResult(code);
    }

    /// <summary>
    /// Stamps an exit at <paramref name="when"/> without completing <see cref="LeaderExited"/> yet: the exit seen on its
    /// thread, the task that says so not completed before a timer due meanwhile fires.
    /// </summary>
    public void StampExit(DateTimeOffset when) => ExitTime ??= when;

    // A well-behaved server: it exits at once on the stop signal (the escalation has its own tests).
    public Task<int> StopAsync(TimeSpan timeout)
    {
        Interlocked.Increment(ref _stops);
        Exit(128 + Signals.SIGTERM);
        return Exited;
    }

    public void Kill() => Exit(128 + Signals.SIGKILL);

    public bool Signal(int signal) => !Exited.IsCompleted;

    public string? FailureReason() => LastError;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
