using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace ProdServer.Config;

/// <summary>
/// Sends the launcher one harmless signal (SIGWINCH, a terminal's size change, which nothing here acts on) through the
/// runtime's signal handling, so that the first stop signal does not pay for the first time: the runtime's signal
/// thread enters managed code only when a handled signal arrives, and that first entry (the thread's managed setup, the
/// dispatch to the registrations) took ~3 ms of a SIGTERM's way to the handler under the JIT, ~1.5 ms once warmed.
/// </summary>
/// <remarks>
/// The signal goes to this process only (the servers run in sessions of their own and never see it); a handler the app
/// registered for SIGWINCH itself is called once, as on a terminal resize. Best effort: bounded by a second.
/// </remarks>
internal static class SignalPathWarmup
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    /// <summary>Sends the signal and waits until it was handled; whether it was within the bound (false where there are no signals).</summary>
    /// <returns>Whether the signal was seen.</returns>
    public static bool Run()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }

        using var seen = new ManualResetEventSlim();
        using var registration = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, context => seen.Set());
        return ProcessGroup.SignalLeader(Environment.ProcessId, Signals.SIGWINCH) && seen.Wait(Bound);
    }
}
