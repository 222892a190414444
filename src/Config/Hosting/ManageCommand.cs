using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// <c>app manage COMMAND [ARGS…]</c>: Django's manage.py with the interpreter, working directory, environment and env
/// files the process's server gets, so that <c>migrate</c>, <c>createsuperuser</c> or <c>shell</c> see the same database
/// and secrets as the site (a value from an env file is never printed, so it could not be copied by hand). It runs in
/// the foreground with this terminal's input and output, in the terminal's process group: Ctrl+C reaches it from the
/// terminal, as it would typed by hand, and the launcher only waits. SIGTERM and SIGHUP sent to the launcher (a process
/// manager, a CI job's timeout) are passed on, and so are SIGINT and SIGQUIT when the terminal did not send them to both
/// (<see cref="TerminalForeground"/>); what has not ended one stop timeout after a SIGTERM is killed.
/// </summary>
internal static class ManageCommand
{
    // The same numbers on Linux and macOS (PosixSignal's values are the runtime's own, not the system's).
    private const int SigHup = 1;
    private const int SigInt = 2;
    private const int SigQuit = 3;
    private const int SigTerm = 15;

    /// <summary>Runs manage.py for <paramref name="process"/>: its exit code, or 1 (one line on <paramref name="error"/>) when it cannot run.</summary>
    public static async Task<int> RunAsync(ProcessDefinition process, string contentRoot, IReadOnlyList<string> arguments, TextWriter error, CancellationToken cancellationToken)
    {
        Process? child;
        try
        {
            child = Process.Start(StartInfo(process, contentRoot, arguments));
        }
        catch (ServerLaunchException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            await error.WriteLineAsync($"Process '{process.Name}': manage.py could not be started: {Names.Printable(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        if (child is null)
        {
            await error.WriteLineAsync($"Process '{process.Name}': manage.py could not be started.").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        using (child)
        using (var signals = new SignalForwarding(child, process.EffectiveStopTimeout))
        {
            try
            {
                await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped from inside (a test, an embedding app): as a SIGTERM from outside would.
                signals.Forward(SigTerm);
                await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return child.ExitCode;
        }
    }

    /// <summary>
    /// How manage.py is started for <paramref name="process"/> (<see cref="ManagePyLaunch"/>), with this process's standard
    /// streams.
    /// </summary>
    /// <exception cref="ServerLaunchException">The process cannot be planned, its Python is unknown, or it has no manage.py.</exception>
    internal static ProcessStartInfo StartInfo(ProcessDefinition process, string contentRoot, IReadOnlyList<string> arguments)
    {
        var manage = ManagePyLaunch.For(process, LaunchPlanner.Plan(process, contentRoot), arguments, out var problem)
            ?? throw new ServerLaunchException(process.Name, problem!);
        var info = PlanStartInfo.For(manage, manage.Executable, manage.Arguments);
        info.RedirectStandardOutput = false;
        info.RedirectStandardError = false;
        return info;
    }

    // While manage.py runs, the launcher's own signals are held: SIGINT and SIGQUIT from the terminal reach manage.py
    // directly (one process group), SIGTERM and SIGHUP are passed on to it. A SIGINT or SIGQUIT the terminal did not send
    // (the launcher in the background, or without a terminal: `kill -INT`, a supervisor's stop signal) reached the launcher
    // alone, and was swallowed: it is passed on too.
    private sealed class SignalForwarding : IDisposable
    {
        private readonly Process _child;
        private readonly TimeSpan _stopTimeout;
        private readonly PosixSignalRegistration[] _registrations;
        private Timer? _kill;

        public SignalForwarding(Process child, TimeSpan stopTimeout)
        {
            _child = child;
            _stopTimeout = stopTimeout;
            _registrations =
            [
                PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; ForwardUnlessTyped(SigInt); }),
                PosixSignalRegistration.Create(PosixSignal.SIGQUIT, c => { c.Cancel = true; ForwardUnlessTyped(SigQuit); }),
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; Forward(SigTerm); }),
                PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => { c.Cancel = true; Forward(SigHup); }),
            ];
        }

        public void Forward(int signal)
        {
            if (OperatingSystem.IsWindows())
            {
                // No signals to pass on: a console's Ctrl+C or close reaches every process attached to it.
                return;
            }

            ProcessGroup.SignalLeader(_child.Id, signal);
            if (signal == SigTerm)
            {
                // Bounded: what has not ended one stop timeout after the first SIGTERM is killed.
                var kill = new Timer(static s => Kill((Process)s!), _child, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                if (Interlocked.CompareExchange(ref _kill, kill, null) is null)
                {
                    kill.Change(_stopTimeout, Timeout.InfiniteTimeSpan);
                }
                else
                {
                    kill.Dispose();
                }
            }
        }

        // Typed at the terminal, it reached manage.py too (one foreground group): passed on, it would arrive twice.
        private void ForwardUnlessTyped(int signal)
        {
            if (!TerminalForeground.IsThisGroup())
            {
                Forward(signal);
            }
        }

        public void Dispose()
        {
            _kill?.Dispose();
            foreach (var registration in _registrations)
            {
                registration.Dispose();
            }
        }

        private static void Kill(Process child)
        {
            try
            {
                child.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already ended.
            }
        }
    }
}
