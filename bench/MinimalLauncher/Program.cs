// The least a .NET launcher can do, as the floor the ProdServer.Config launchers are measured against (bench/startup.py,
// rows "minimal launcher"): start the server as the very first thing, forward SIGTERM and SIGINT to it, wait for it,
// exit with its code. No host, no configuration, no logging, no process group, no supervision: whatever this costs over
// the bare server is the runtime's own start-up, Process.Start and the runtime's exit, which no launcher built on this
// runtime can avoid.
// Usage: minimal-launcher PROGRAM [ARGUMENTS…]
using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: minimal-launcher PROGRAM [ARGUMENTS...]");
    return 2;
}

var info = new ProcessStartInfo(args[0]) { UseShellExecute = false };
foreach (var argument in args.AsSpan(1))
{
    info.ArgumentList.Add(argument);
}

using var child = Process.Start(info)!;
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Forward);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Forward);
child.WaitForExit();
return child.ExitCode;

// PosixSignal's values are .NET's own (negative); kill(2) takes the platform's numbers.
void Forward(PosixSignalContext context)
{
    context.Cancel = true; // the launcher ends when the child does, not on the signal
    _ = Native.Kill(child.Id, context.Signal == PosixSignal.SIGTERM ? 15 : 2);
}

internal static class Native
{
    // Blittable: no marshalling stub, NativeAOT-safe without unsafe code (as the engine's own P/Invokes).
    [DllImport("libc", EntryPoint = "kill")]
    internal static extern int Kill(int pid, int signal);
}
