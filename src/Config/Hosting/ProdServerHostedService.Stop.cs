using System;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// The stop: it begins the moment the host's lifetime says the application is stopping (a SIGTERM, Ctrl+C, a
/// <c>StopApplication</c> call), on the thread that said so, rather than when the host's own stop reaches this service
/// after a hop to the thread pool, its log line and any hosted service registered after this one. The host's
/// <see cref="StopAsync"/> then waits for that same stop, and its shutdown timeout still kills what is left.
/// </summary>
internal sealed partial class ProdServerHostedService
{
    private readonly object _stopGate = new();

    // Cancelled when the host's shutdown timeout runs out (the token StopAsync is given): the supervisors then kill.
    private readonly CancellationTokenSource _stopDeadline = new();
    private Task? _stopAll;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var deadline = cancellationToken.Register(static source => CancelQuietly((CancellationTokenSource)source!), _stopDeadline);
        var stopping = StopAllOnceAsync();
        if (_state.DrivenByEntryPoint)
        {
            // Under way (the servers are already signalled): the configuration's file watchers close beside the servers'
            // exit rather than after Main returns (see ConfigurationWatchers).
            ConfigurationWatchers.StopWatching(_configuration);
        }

        await stopping.ConfigureAwait(false);
        StartupTrace.Mark("stop-servers-done");
    }

    // Once the start is over (so that the stop never runs beside the start). ApplicationStopping's callbacks run
    // last-registered first, so the servers are signalled before the host's own stopping callbacks (its console line).
    private void StopWhenTheHostStops() =>
        _lifetime.ApplicationStopping.Register(static service => _ = ((ProdServerHostedService)service!).StopAllOnceAsync(), this);

    // The one stop of this run, whoever asks first.
    private Task StopAllOnceAsync()
    {
        lock (_stopGate)
        {
            if (_stopAll is null)
            {
                StartupTrace.Mark("stop-begin");
                SystemdNotify.Send("STOPPING=1");
                _stopAll = StopAllAsync(_stopDeadline.Token);
            }

            return _stopAll;
        }
    }

    private async Task StopAllAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _stopping, true);
        _stoppingAll = true; // from here on a start asked over control is refused: nothing starts that this stop misses
        _startOver.TrySetResult(); // a reload waiting for the start gives up: nothing is reloaded while stopping

        // The servers first (each supervisor signals its server before it first yields), then the control socket, which
        // takes a few thread-pool hops to close; both are waited for, whichever fails.
        var running = Running;
        var stops = running.ConvertAll(s => s.StopAsync(cancellationToken));
        stops.Add(CloseControlAsync());
        await Task.WhenAll(stops).ConfigureAwait(false);
        foreach (var supervisor in running)
        {
            if (supervisor.Current is { } process)
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }
        }

        lock (_running)
        {
            _running.Clear();
        }

        ReleaseBeats(); // only once its beat has exited: a beat started elsewhere now runs alone
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The host was disposed first: nothing is left to kill.
        }
    }
}
