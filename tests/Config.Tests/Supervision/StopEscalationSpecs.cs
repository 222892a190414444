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

    private static readonly TimeSpan Repeat = TimeSpan.FromSeconds(1);

    /// <summary>A child whose answers to the stop signal and to the kill are set by the test.</summary>
    /// <param name="exitsOnStop">Whether it exits on the first stop signal.</param>
    /// <param name="exitsOnKill">Whether it exits when killed.</param>
    /// <param name="repeat">Its <see cref="IStopTarget.StopSignalRepeat"/>.</param>
    /// <param name="exitsOnAsk">The stop signal it exits on (2: it missed the first one), 0 for none.</param>
    private sealed class Target(bool exitsOnStop, bool exitsOnKill, TimeSpan? repeat = null, int exitsOnAsk = 0) : IStopTarget
    {
        private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _killed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly System.Threading.SemaphoreSlim _asked = new(0);
        private int _asks;

        public string Name => "web";

        public int Id => 4242;

        public Task<int> Exited => _exited.Task;

        public bool Killed => _killed.Task.IsCompleted;

        public Task KillSeen => _killed.Task;

        public TimeSpan? StopSignalRepeat => repeat;

        public int Asks => System.Threading.Volatile.Read(ref _asks);

        public string AskToStop()
        {
            var ask = System.Threading.Interlocked.Increment(ref _asks);
            if (exitsOnStop || ask == exitsOnAsk)
            {
                _exited.TrySetResult(0);
            }

            _asked.Release();
            return "SIGTERM to its process group";
        }

        // Each ask after the first comes from a timer on the fake clock, then a continuation: the test waits for it
        // before it moves the clock again, so that the next timer is set from the time it fired.
        public async Task WaitForAsksAsync(int count)
        {
            while (Asks < count)
            {
                await _asked.WaitAsync(Bound);
            }
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
    public async Task A_stop_that_ends_before_its_timeouts_leaves_no_timer_running()
    {
        // The graceful wait's timer ran on to StopTimeout after the server had exited, the kill-wait's to KillWait.
        var time = new Infrastructure.LiveTimers(_time);

        Assert.Equal(0, await StopEscalation.RunAsync(new Target(exitsOnStop: true, exitsOnKill: true), Timeout, time, _log).WaitAsync(Bound));
        Assert.Equal(0, time.Live);

        var killed = StopEscalation.RunAsync(new Target(exitsOnStop: false, exitsOnKill: true), Timeout, time, _log);
        _time.Advance(Timeout);
        Assert.Equal(128 + Signals.SIGKILL, await killed.WaitAsync(Bound));
        Assert.Equal(0, time.Live);
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

    [Fact]
    public async Task A_server_that_misses_the_stop_signal_gets_it_again_each_interval_and_is_not_killed()
    {
        var target = new Target(exitsOnStop: false, exitsOnKill: true, Repeat, exitsOnAsk: 3);
        var stop = StopEscalation.RunAsync(target, Timeout, _time, _log);
        Assert.Equal(1, target.Asks);

        _time.Advance(Repeat - Tick);
        Assert.Equal(1, target.Asks);
        _time.Advance(Tick);
        await target.WaitForAsksAsync(2);
        Assert.False(stop.IsCompleted);
        _time.Advance(Repeat);

        Assert.Equal(0, await stop.WaitAsync(Bound));
        Assert.Equal(3, target.Asks);
        Assert.False(target.Killed);
        Assert.True(_log.Said("web#4242 still running after 00:00:01: sent SIGTERM to its process group again"));
        Assert.True(_log.Said("web#4242 stopped gracefully (exit code 0) in 00:00:02"));
    }

    [Fact]
    public async Task The_repeats_end_with_the_timeout_and_the_kill_follows_as_without_them()
    {
        var timeout = TimeSpan.FromSeconds(2.5);
        var target = new Target(exitsOnStop: false, exitsOnKill: true, Repeat);
        var stop = StopEscalation.RunAsync(target, timeout, _time, _log);
        _time.Advance(Repeat);
        await target.WaitForAsksAsync(2);
        _time.Advance(Repeat);
        await target.WaitForAsksAsync(3);

        _time.Advance(timeout - (2 * Repeat));

        Assert.Equal(128 + Signals.SIGKILL, await stop.WaitAsync(Bound));
        Assert.True(target.Killed);
        _time.Advance(Timeout);
        Assert.Equal(3, target.Asks);
    }

    [Fact]
    public async Task Without_a_repeat_the_stop_signal_is_sent_once()
    {
        var target = new Target(exitsOnStop: false, exitsOnKill: true);
        var stop = StopEscalation.RunAsync(target, Timeout, _time, _log);

        _time.Advance(Timeout);

        Assert.Equal(128 + Signals.SIGKILL, await stop.WaitAsync(Bound));
        Assert.Equal(1, target.Asks);
        Assert.False(_log.Said("again"));
    }
}
