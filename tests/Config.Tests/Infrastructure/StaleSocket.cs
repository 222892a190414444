using System.Diagnostics;
using Xunit;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>
/// A Unix socket file nothing listens on, as a server killed with SIGKILL leaves it: made by Python, which (unlike .NET,
/// which removes the file of a socket it bound when it closes it) leaves the file behind.
/// </summary>
internal static class StaleSocket
{
    public static void Create(string path)
    {
        using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", path]))!;
        python.WaitForExit();
        Assert.Equal(0, python.ExitCode);
    }
}
