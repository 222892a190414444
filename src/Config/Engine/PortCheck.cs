using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace ProdServer.Config;

/// <summary>
/// Pre-flight: a port that is already taken fails the start at once with a message naming the port (and, where
/// <c>/proc</c> tells, the process that holds it), instead of a server that starts, logs a bind error and exits.
/// </summary>
internal static class PortCheck
{
    /// <summary>The first endpoint of <paramref name="process"/> that cannot be bound, as a message; <see langword="null"/> when all are free.</summary>
    public static string? FindConflict(ProcessDefinition process)
    {
        foreach (var endpoint in process.Backend.GetListenEndpoints(process))
        {
            // Nothing listening on the port at all: no bind can conflict (and no address needs parsing). Asked of /proc
            // only under JIT: reading /proc/net/tcp and tcp6 walks the kernel's whole connection table (~5 ms each here),
            // which beats compiling the socket stack at first use, but not NativeAOT's precompiled bind (well under 1 ms).
            if (endpoint.Port is <= 0 or > 65535 || (RuntimeFeature.IsDynamicCodeSupported && NoListenerInProc(endpoint.Port))
                || Address(endpoint.Host) is not { } address)
            {
                continue;
            }

            try
            {
                // A plain bind, without SO_REUSEADDR tricks: it fails exactly when the server's own bind would.
                using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(address, endpoint.Port));
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                var holder = Holder(endpoint.Port) is { } who ? $" by {who}" : string.Empty;
                return $"Process '{process.Name}': port {endpoint.Port} ({endpoint}) is already in use{holder}; stop what holds it, or give the process another port.";
            }
            catch (SocketException)
            {
                // Address not available, privileged port, no IPv6: the server reports those itself, in its own words.
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <c>/proc/net/tcp</c> and <c>tcp6</c> (Linux) show no listening socket on <paramref name="port"/>, on any
    /// address: then the probe's bind cannot fail with "in use", and the socket stack (tens of milliseconds of first-time
    /// code under JIT, before the server is forked) is not needed. A listener on the port, whatever its address, or no
    /// readable table, leaves the answer to the real bind, which alone knows dual-stack and address overlaps exactly.
    /// </summary>
    internal static bool NoListenerInProc(int port) => OperatingSystem.IsLinux() && ListenerInodes(port) is { Count: 0 };

    /// <summary>
    /// The inodes of the sockets listening on <paramref name="port"/> (state <c>0A</c>) in one <c>/proc/net/tcp</c>-format
    /// table: <c>sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …</c> after a header line, the
    /// local address as <c>HEXADDR:HEXPORT</c>. Plain loops over strings: no generic instantiation the JIT would compile
    /// before the fork.
    /// </summary>
    internal static List<string> ListenerInodes(string table, int port)
    {
        var inodes = new List<string>();
        var lines = table.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 9 && fields[3] == "0A"
                && int.TryParse(fields[1].AsSpan(fields[1].LastIndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var local)
                && local == port)
            {
                inodes.Add(fields[9]);
            }
        }

        return inodes;
    }

    // Both tables' listeners on the port; null when they cannot be read (no /proc). No tcp6 table where IPv6 is off.
    private static List<string>? ListenerInodes(int port)
    {
        try
        {
            var inodes = ListenerInodes(File.ReadAllText("/proc/net/tcp"), port);
            if (File.Exists("/proc/net/tcp6"))
            {
                inodes.AddRange(ListenerInodes(File.ReadAllText("/proc/net/tcp6"), port));
            }

            return inodes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The address a probe connects to for <paramref name="host"/>: the wildcard addresses are reached on loopback.</summary>
    public static IPAddress? ProbeAddress(string host) => Address(host) switch
    {
        { } any when any.Equals(IPAddress.Any) => IPAddress.Loopback,
        { } any6 when any6.Equals(IPAddress.IPv6Any) => IPAddress.IPv6Loopback,
        var other => other,
    };

    private static IPAddress? Address(string host) => host switch
    {
        "" or "*" => IPAddress.Any,
        "localhost" => IPAddress.Loopback,
        _ => IPAddress.TryParse(host, out var address) ? address : null,
    };

    // /proc/net/tcp{,6}: the listening socket's inode; then the process whose fd points at socket:[inode].
    private static string? Holder(int port)
    {
        try
        {
            if (ListenerInodes(port) is not { Count: > 0 } listeners)
            {
                return null;
            }

            var inodes = listeners.Select(inode => $"socket:[{inode}]").ToHashSet(StringComparer.Ordinal);

            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                var pid = Path.GetFileName(directory);
                if (!pid.All(char.IsAsciiDigit))
                {
                    continue;
                }

                try
                {
                    foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(directory, "fd")))
                    {
                        if (new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target))
                        {
                            var name = File.ReadAllText(Path.Combine(directory, "comm")).Trim();
                            return $"pid {pid} ({name})";
                        }
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Another user's process, or one that just exited.
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No /proc (not Linux): the port alone is the message.
        }

        return null;
    }
}
