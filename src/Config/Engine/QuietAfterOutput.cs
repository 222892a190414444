using System;
using System.Threading;

namespace ProdServer.Config;

/// <summary>
/// Calls back once the servers' output has been quiet for <see cref="QuietPeriod"/>, after output that came within
/// <see cref="Window"/> of <see cref="Arm"/>, at most <see cref="MaxCallbacks"/> times: for a trim of the launcher's
/// start-up pages that follows the start-up output (see <see cref="WorkingSet"/>). Unarmed, or once the window has
/// passed, <see cref="OutputWritten"/> is one read of a field.
/// </summary>
internal sealed class QuietAfterOutput : IDisposable
{
    /// <summary>How long the output must stay quiet before the callback runs.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(200);

    /// <summary>How long after <see cref="Arm"/> output still counts as start-up output.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    /// <summary>The most callbacks one <see cref="Arm"/> gives.</summary>
    public const int MaxCallbacks = 3;

    private readonly TimeProvider _time;
    private readonly Action _callback;
    private readonly ITimer _timer;
    private long _armedUntil; // a timestamp of _time; 0 when not armed
    private int _callbacks;

    /// <summary>Creates it unarmed.</summary>
    public QuietAfterOutput(TimeProvider time, Action callback)
    {
        _time = time;
        _callback = callback;
        _timer = time.CreateTimer(static state => ((QuietAfterOutput)state!).Quiet(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts the window: output from now on, until <see cref="Window"/> has passed, leads to a callback once it goes quiet.</summary>
    public void Arm()
    {
        Volatile.Write(ref _callbacks, 0);
        Volatile.Write(ref _armedUntil, _time.GetTimestamp() + (long)(Window.TotalSeconds * _time.TimestampFrequency));
    }

    /// <summary>Notes that output was written: (re)starts the quiet period while armed.</summary>
    public void OutputWritten()
    {
        var until = Volatile.Read(ref _armedUntil);
        if (until == 0)
        {
            return;
        }

        if (_time.GetTimestamp() > until || Volatile.Read(ref _callbacks) >= MaxCallbacks)
        {
            Volatile.Write(ref _armedUntil, 0);
            return;
        }

        _timer.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private void Quiet()
    {
        if (Volatile.Read(ref _armedUntil) != 0 && Interlocked.Increment(ref _callbacks) <= MaxCallbacks)
        {
            _callback();
        }
    }
}
