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
    public static bool? InUse(IPAddress address, int port) => BindError(address, port) is { } error ? error == AddressInUse : null;

    /// <summary>
    /// As <see cref="InUse(IPAddress, int)"/> for an IPv4 address written as four plain decimal numbers (<c>127.0.0.1</c>),
    /// read here rather than by <see cref="IPAddress"/>, whose parser is generic code compiled at first use (milliseconds
    /// before the fork under JIT). <see langword="null"/> for anything else, which <see cref="IPAddress"/> then reads.
    /// </summary>
    public static bool? InUse(string dottedQuad, int port) => BindError(dottedQuad, port) is { } error ? error == AddressInUse : null;

    /// <summary>
    /// Whether something listens on <paramref name="address"/>:<paramref name="port"/>: <see langword="true"/> when the
    /// port is held, <see langword="false"/> when it could be bound, <see langword="null"/> when that cannot be told (a
    /// privileged port or an address this host lacks refuses the probe itself, whatever listens; not Linux).
    /// </summary>
    public static bool? Listening(IPAddress address, int port) => Listening(BindError(address, port));

    /// <summary>As <see cref="Listening(IPAddress, int)"/> for a plain dotted quad (see <see cref="InUse(string, int)"/>); <see langword="null"/> for anything else.</summary>
    public static bool? Listening(string dottedQuad, int port) => Listening(BindError(dottedQuad, port));

    private static bool? Listening(int? error) => error switch
    {
        0 => false,
        AddressInUse => true,
        _ => null,
    };

    // The errno of binding address:port (0: it could be bound), or null when the kernel could not be asked (not Linux).
    private static unsafe int? BindError(IPAddress address, int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var socketAddress = stackalloc byte[28]; // sockaddr_in6; sockaddr_in uses the first 16 bytes
        new Span<byte>(socketAddress, 28).Clear();
        if (v6)
        {
            address.TryWriteBytes(new Span<byte>(socketAddress + 8, 16), out _);
            *(uint*)(socketAddress + 24) = (uint)address.ScopeId;
        }
        else
        {
            address.TryWriteBytes(new Span<byte>(socketAddress + 4, 4), out _);
        }

        return Probe(socketAddress, v6, port);
    }

    // As above for a plain dotted quad; null for anything else too.
    private static unsafe int? BindError(string dottedQuad, int port)
    {
        var socketAddress = stackalloc byte[28];
        new Span<byte>(socketAddress, 28).Clear();
        return OperatingSystem.IsLinux() && TryParseDottedQuad(dottedQuad, new Span<byte>(socketAddress + 4, 4))
            ? Probe(socketAddress, v6: false, port)
            : null;
    }

    /// <summary>
    /// Reads <c>a.b.c.d</c>, each part 0–255 in decimal without a leading zero: exactly the form every IPv4 reader takes
    /// the same way (<see cref="IPAddress"/> also takes <c>127.1</c>, hexadecimal and octal parts, which are left to it).
    /// </summary>
    internal static bool TryParseDottedQuad(string text, Span<byte> bytes)
    {
        var part = 0;
        var value = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (c == '.' && digits > 0 && part < 3)
            {
                bytes[part++] = (byte)value;
                value = digits = 0;
            }
            else if (c is >= '0' and <= '9' && !(digits == 1 && value == 0) && (value = (value * 10) + (c - '0')) <= 255)
            {
                digits++;
            }
            else
            {
                return false;
            }
        }

        if (part != 3 || digits == 0)
        {
            return false;
        }

        bytes[3] = (byte)value;
        return true;
    }

    // socket, SO_REUSEADDR, bind and close for the address already in socketAddress (family and port are set here): the
    // bind's errno, 0 when it succeeded.
    private static unsafe int Probe(byte* socketAddress, bool v6, int port)
    {
        *(ushort*)socketAddress = (ushort)(v6 ? AfInet6 : AfInet);
        socketAddress[2] = (byte)(port >> 8); // the port in network order
        socketAddress[3] = (byte)port;
        var descriptor = socket(v6 ? AfInet6 : AfInet, SockStreamCloexec, 0);
        if (descriptor < 0)
        {
            return Marshal.GetLastPInvokeError(); // no IPv6 here, say: the server reports it
        }

        try
        {
            var on = 1;
            setsockopt(descriptor, SolSocket, SoReuseAddr, &on, sizeof(int));
            return bind(descriptor, socketAddress, v6 ? 28 : 16) == 0 ? 0 : Marshal.GetLastPInvokeError();
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
