using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>Sends POSIX signals; .NET's <see cref="Process.Kill()"/> only knows SIGKILL.</summary>
internal static partial class Signals
{
    public const int SIGTERM = 15;

    /// <summary>Sends <paramref name="signal"/> where there are signals; on Windows there is no graceful signal for a console child, so it is killed.</summary>
    /// <returns>The name of what was sent, for the log.</returns>
    public static string RequestStop(Process process, int signal)
    {
        if (OperatingSystem.IsWindows())
        {
            process.Kill(entireProcessTree: true);
            return "kill (Windows)";
        }

        // ESRCH (already gone) is fine: the caller waits for the exit either way.
        _ = kill(process.Id, signal);
        return signal switch { SIGTERM => "SIGTERM", 2 => "SIGINT", 3 => "SIGQUIT", _ => "signal " + signal };
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
