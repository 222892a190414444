using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ProdServer.Config.Tests.Supervision;

/// <summary>The graceful-then-forced stop on a fake clock: ask, wait the timeout, kill, wait a bounded time, report.</summary>
public sealed class StopEscalationSpecs
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLogger _log = new();

    /// <summary>A child whose answers to the stop signal and to the kill are set by the test.</summary>
    private sealed class Target(bool exitsOnStop, bool exitsOnKill) : IStopTarget
    {
        private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _killed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "web";

        public int Id => 4242;

        public Task<int> Exited => _exited.Task;

        public bool Killed => _killed.Task.IsCompleted;

        public Task KillSeen => _killed.Task;

        public string AskToStop()
        {
            if (exitsOnStop)
            {
                _exited.TrySetResult(0);
            }

            return "SIGTERM to its process group";
        }

        public void Kill()
        {
            _killed.TrySetResult();
            if (exitsOnKill)
            {
                _exited.TrySetResult(128 + Signals.SIGKILL);
            }
        }

        public string DescribeUnfinished() => "still running (uninterruptible sleep?)";
    }

    [Fact]
    public async Task A_server_that_exits_on_the_stop_signal_is_never_killed()
    {
        var target = new Target(exitsOnStop: true, exitsOnKill: true);

        var code = await StopEscalation.RunAsync(target, Timeout, _time, _log).WaitAsync(Bound);

        Assert.Equal(0, code);
        Assert.False(target.Killed);
        Assert.True(_log.Said("web#4242 stopped gracefully (exit code 0)"));
    }

    [Fact]
    public async Task A_server_that_ignores_the_stop_signal_is_killed_when_the_timeout_ends_and_not_before()
    {
        var target = new Target(exitsOnStop: false, exitsOnKill: true);
        var stop = StopEscalation.RunAsync(target, Timeout, _time, _log);

        _time.Advance(Timeout - Tick);
        Assert.False(target.Killed);
        Assert.False(stop.IsCompleted);

        _time.Advance(Tick);
        Assert.Equal(128 + Signals.SIGKILL, await stop.WaitAsync(Bound));
        Assert.True(target.Killed);
        Assert.True(_log.Said("web#4242 did not stop within 00:00:30; killed it"));
    }

    [Fact]
    public async Task The_wait_after_the_kill_is_bounded_and_its_expiry_is_reported()
    {
        var target = new Target(exitsOnStop: false, exitsOnKill: false);
        var stop = StopEscalation.RunAsync(target, Timeout, _time, _log);
        _time.Advance(Timeout);

        // The kill-wait's timer starts before the kill, so once the kill is seen the timer is there to advance.
        await target.KillSeen.WaitAsync(Bound);
        _time.Advance(StopEscalation.KillWait - Tick);
        Assert.False(stop.IsCompleted);
        _time.Advance(Tick);

        Assert.Equal(128 + Signals.SIGKILL, await stop.WaitAsync(Bound));
        Assert.False(target.Exited.IsCompleted);
        Assert.True(_log.Said("web#4242: still running (uninterruptible sleep?) 00:00:05 after SIGKILL; stopped waiting"));
    }
}
