using System.Runtime.InteropServices;

namespace ProdServer.Config.Integration.Tests;

/// <summary>Signals for tests that stop a process the way an init system does.</summary>
internal static class Posix
{
    public const int SIGINT = 2;

    public const int SIGTERM = 15;

    public static void Terminate(int pid) => kill(pid, SIGTERM);

    public static void Interrupt(int pid) => kill(pid, SIGINT);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
