using System;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>
/// A clock (another clock's time) that counts the timers made on it and not yet disposed: a wait that ends before its
/// timer must leave none running.
/// </summary>
internal sealed class LiveTimers(TimeProvider clock) : TimeProvider
{
    private int _live;

    /// <summary>Timers made and not yet disposed (Task.Delay disposes its timer when it fires or is cancelled).</summary>
    public int Live => Volatile.Read(ref _live);

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override long GetTimestamp() => clock.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _live);
        return new Counted(clock.CreateTimer(callback, state, dueTime, period), this);
    }

    private sealed class Counted(ITimer timer, LiveTimers owner) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._live);
            }

            timer.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
