using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace ProdServer.Config;

/// <summary>
/// A second Ctrl+C kills: the first stops the servers gracefully (the host's console lifetime), and one that ignores its
/// stop signal is otherwise waited for up to its stop timeout. As <c>docker compose</c> and honcho do, another SIGINT
/// cuts that wait short: the supervisors kill what is left at once, as when the host's shutdown timeout runs out.
/// </summary>
internal sealed partial class ProdServerHostedService
{
    private PosixSignalRegistration? _interrupts;
    private int _interruptsSeen;

    // Counted by this handler alone, whichever handler of the same signal runs first: the first SIGINT it sees is the
    // host's stop (or cancels its start), any later one kills. Registered before any server starts: a Ctrl+C during the
    // start already stops the servers started so far. One held while the host was still being built (EarlyStopSignals)
    // is that first: it stops the host once it has started, so the next one kills. Taken after registering, so that no
    // SIGINT falls between the two counts (one arriving in that instant is counted by both, which costs at most one more press).
    private void KillOnSecondInterrupt()
    {
        if (OperatingSystem.IsWindows() || _interrupts is not null)
        {
            return;
        }

        _interrupts = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            if (Interlocked.Increment(ref _interruptsSeen) < 2)
            {
                return; // the console lifetime stops the host
            }

            context.Cancel = true;
            if (Interlocked.Exchange(ref _interruptsSeen, int.MinValue) > 0)
            {
                Log.KillingOnSecondInterrupt(_logger);
                _ = StopAllOnceAsync();
                CancelQuietly(_stopDeadline);
            }
        });

        if (_services?.GetService(typeof(EarlyStopSignals)) is EarlyStopSignals early && early.TakeHeldInterrupt())
        {
            Interlocked.Increment(ref _interruptsSeen);
        }
    }
}
