using System;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.Extensions.Hosting;

namespace ProdServer.Config;

/// <summary>
/// Holds SIGTERM, SIGINT and SIGQUIT from the moment a server is spawned first until the host's own lifetime takes
/// over. Without it a stop that arrives while the host is still being built hits the runtime's default handling and the
/// launcher dies by the signal instead of stopping the server gracefully; with it the stop is remembered and applied as
/// soon as the host has started (stopping earlier would cancel the hosted services' start half-way). SIGHUP likewise
/// (its default would kill the launcher too): held until the hosted service handles reloads, which then applies it.
/// </summary>
internal sealed class EarlyStopSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;
    private IHostApplicationLifetime? _lifetime;
    private int _requested;
    private int _hangupHeld;
    private int _hangupsClaimed;
    private int _interruptHeld;
    private int _interruptsClaimed;

    private EarlyStopSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnHangup),
        ];
    }

    /// <summary>Starts holding the stop signals.</summary>
    public static EarlyStopSignals Register() => new();

    /// <summary>Whether SIGTERM, SIGINT or SIGQUIT has arrived.</summary>
    public bool StopRequested => Volatile.Read(ref _requested) != 0;

    /// <summary>
    /// Hands a stop requested so far, and any later one, to the host's lifetime, once the host has started.
    /// </summary>
    public void HandOver(IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        Volatile.Write(ref _lifetime, lifetime);
        lifetime.ApplicationStarted.Register(() =>
        {
            if (Volatile.Read(ref _requested) != 0)
            {
                lifetime.StopApplication();
            }
        });
    }

    /// <summary>
    /// Called once the hosted service handles SIGHUP itself: whether one arrived before, to be applied now. Later ones
    /// are the hosted service's alone.
    /// </summary>
    /// <returns><see langword="true"/> when a SIGHUP was held.</returns>
    public bool TakeHeldHangup()
    {
        Volatile.Write(ref _hangupsClaimed, 1);
        return Interlocked.Exchange(ref _hangupHeld, 0) != 0;
    }

    /// <summary>
    /// Called once the hosted service counts SIGINTs itself (a second one kills): whether one arrived before, to be
    /// counted as the first. Without it a Ctrl+C pressed during the start stopped the host gracefully, and the next one
    /// was taken for that first again, so a server ignoring its stop signal was waited for its whole stop timeout.
    /// </summary>
    /// <returns><see langword="true"/> when a SIGINT was held.</returns>
    public bool TakeHeldInterrupt()
    {
        Volatile.Write(ref _interruptsClaimed, 1);
        return Interlocked.Exchange(ref _interruptHeld, 0) != 0;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Volatile.Write(ref _requested, 1);
        if (context.Signal == PosixSignal.SIGINT && Volatile.Read(ref _interruptsClaimed) == 0)
        {
            Volatile.Write(ref _interruptHeld, 1);
        }

        if (Volatile.Read(ref _lifetime) is { } lifetime && lifetime.ApplicationStarted.IsCancellationRequested)
        {
            lifetime.StopApplication();
        }
    }

    private void OnHangup(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Volatile.Read(ref _hangupsClaimed) == 0)
        {
            Volatile.Write(ref _hangupHeld, 1);
        }
    }
}
