using System;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// A timer that bounds one wait and is stopped when the wait ends first: <c>Task.WhenAny(x, Task.Delay(limit))</c> left
/// the delay's timer running to its end after <c>x</c> won (a passed <c>--check</c> kept its 60 s timer, a worker that
/// exited early its StartSeconds one, a server that stopped at once its StopTimeout one). Disposing it (a <c>using</c>
/// around the wait) releases the timer at once.
/// </summary>
internal sealed class Deadline : IDisposable
{
    private readonly CancellationTokenSource _stop;

    /// <summary>Starts the timer now.</summary>
    /// <param name="limit">How long the wait may take.</param>
    /// <param name="time">The clock the timer runs on.</param>
    /// <param name="cancellationToken">Ends <see cref="Passed"/> early, as cancelled, when the caller stops waiting.</param>
    public Deadline(TimeSpan limit, TimeProvider time, CancellationToken cancellationToken = default)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Passed = Task.Delay(limit, time, _stop.Token);
    }

    /// <summary>Completes when the limit has passed; cancelled when <c>cancellationToken</c> was, or when disposed first (then no one waits on it).</summary>
    public Task Passed { get; }

    /// <summary>Stops the timer if it is still running.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
