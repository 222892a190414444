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
            if (endpoint.Port is <= 0 or > 65535 || Address(endpoint.Host) is not { } address)
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

                foreach (var line in File.ReadLines(table).Skip(1))
                {
                    var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (fields.Length > 9 && fields[3] == "0A"
                        && int.TryParse(fields[1].AsSpan(fields[1].LastIndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var p)
                        && p == port)
                    {
                        inodes.Add($"socket:[{fields[9]}]");
                    }
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
