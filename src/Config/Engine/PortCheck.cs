using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;

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
            // Nothing listening on the port at all: no bind can conflict (and no address needs parsing).
            if (endpoint.Port is <= 0 or > 65535 || NoListenerInProc(endpoint.Port) || Address(endpoint.Host) is not { } address)
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
    internal static bool NoListenerInProc(int port) => NoListenerIn(["/proc/net/tcp", "/proc/net/tcp6"], port);

    /// <summary>As <see cref="NoListenerInProc"/>, over the given tables (for tests).</summary>
    internal static bool NoListenerIn(IReadOnlyList<string> tables, int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            foreach (var table in tables)
            {
                // No tcp6 table where IPv6 is off: no IPv6 listener either.
                if (File.Exists(table) && ListeningSockets(File.ReadAllText(table)).Any(socket => socket.Port == port))
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // no table to trust: bind
        }
    }

    /// <summary>
    /// The listening sockets (state <c>0A</c>) of one <c>/proc/net/tcp</c>-format table, as their local port and inode:
    /// <c>sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …</c> after a header line, the local
    /// address as <c>HEXADDR:HEXPORT</c>.
    /// </summary>
    internal static IEnumerable<(int Port, string Inode)> ListeningSockets(string table)
    {
        foreach (var line in table.Split('\n').Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 9 && fields[3] == "0A"
                && int.TryParse(fields[1].AsSpan(fields[1].LastIndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
            {
                yield return (port, fields[9]);
            }
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
            var inodes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
            {
                if (!File.Exists(table))
                {
                    continue;
                }

                foreach (var socket in ListeningSockets(File.ReadAllText(table)).Where(socket => socket.Port == port))
                {
                    inodes.Add($"socket:[{socket.Inode}]");
                }
            }

            if (inodes.Count == 0)
            {
                return null;
            }

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
