using System;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>
/// Whether a TCP port can be bound, asked of the kernel directly (Linux): <c>socket</c>, <c>bind</c>, <c>close</c>, with
/// <c>SO_REUSEADDR</c> as servers (and .NET's own <see cref="Socket.Bind"/> on Unix) set it, so that connections still in
/// TIME_WAIT do not count and a listener on the address does. The port check runs before every server is forked; the
/// socket stack it used before cost tens of milliseconds of first-time code there under JIT, these calls cost microseconds.
/// </summary>
internal static partial class BindProbe
{
    private const int AfInet = 2;
    private const int AfInet6 = 10;
    private const int SockStreamCloexec = 1 | 0x80000; // SOCK_STREAM | SOCK_CLOEXEC
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;
    private const int AddressInUse = 98; // EADDRINUSE

    /// <summary>
    /// <see langword="true"/> when something already holds <paramref name="address"/>:<paramref name="port"/>,
    /// <see langword="false"/> when it is free or cannot be bound for another reason (an address this host lacks, a
    /// privileged port: the server says so itself), <see langword="null"/> when the kernel could not be asked (not Linux).
    /// </summary>
    public static unsafe bool? InUse(IPAddress address, int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var socketAddress = stackalloc byte[28]; // sockaddr_in6; sockaddr_in uses the first 16 bytes
        new Span<byte>(socketAddress, 28).Clear();
        *(ushort*)socketAddress = (ushort)(v6 ? AfInet6 : AfInet);
        socketAddress[2] = (byte)(port >> 8); // the port in network order
        socketAddress[3] = (byte)port;
        if (v6)
        {
            address.TryWriteBytes(new Span<byte>(socketAddress + 8, 16), out _);
            *(uint*)(socketAddress + 24) = (uint)address.ScopeId;
        }
        else
        {
            address.TryWriteBytes(new Span<byte>(socketAddress + 4, 4), out _);
        }

        var descriptor = socket(v6 ? AfInet6 : AfInet, SockStreamCloexec, 0);
        if (descriptor < 0)
        {
            return false; // no IPv6 here, say: the server reports it
        }

        try
        {
            var on = 1;
            setsockopt(descriptor, SolSocket, SoReuseAddr, &on, sizeof(int));
            return bind(descriptor, socketAddress, v6 ? 28 : 16) != 0 && Marshal.GetLastPInvokeError() == AddressInUse;
        }
        finally
        {
            close(descriptor);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int setsockopt(int socket, int level, int name, int* value, int length);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int bind(int socket, byte* address, int length);

    [LibraryImport("libc")]
    private static partial int close(int descriptor);
}
