using System;
using System.Net.Sockets;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Tells systemd the app's state (<c>sd_notify</c>): <c>READY=1</c> once every process is ready, <c>STOPPING=1</c> when
/// the stop begins. systemd passes the socket in <c>NOTIFY_SOCKET</c> to <c>Type=notify</c> services, which is how the
/// exported units run, so readiness reaches systemd whether or not the app also calls <c>AddSystemd()</c> (a repeated
/// READY=1 is harmless). Outside systemd there is no socket and nothing is sent.
/// </summary>
internal static class SystemdNotify
{
    public const string SocketVariable = "NOTIFY_SOCKET";

    /// <summary>Sends <paramref name="state"/> to <paramref name="socketPath"/> (by default <c>$NOTIFY_SOCKET</c>); false when there is none or it fails.</summary>
    public static bool Send(string state, string? socketPath = null)
    {
        socketPath ??= Environment.GetEnvironmentVariable(SocketVariable);
        if (string.IsNullOrEmpty(socketPath) || OperatingSystem.IsWindows())
        {
            return false;
        }

        // "@name" is a Linux abstract socket: its address starts with a NUL byte instead.
        var address = socketPath[0] == '@' ? "\0" + socketPath[1..] : socketPath;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(address));
            socket.Send(Encoding.UTF8.GetBytes(state));
            return true;
        }
        catch (SocketException)
        {
            return false; // systemd went away or the socket is not ours: readiness reporting is best effort
        }
    }
}
