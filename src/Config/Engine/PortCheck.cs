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
    public static string? FindConflict(ProcessDefinition process) => FindConflict(process.Name, process.Backend.GetListenEndpoints(process));

    /// <summary>The first of <paramref name="endpoints"/> that cannot be bound, as a message naming <paramref name="processName"/>; <see langword="null"/> when all are free.</summary>
    public static string? FindConflict(string processName, IReadOnlyList<ListenEndpoint> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Port is <= 0 or > 65535 || !InUse(endpoint.Host, endpoint.Port))
            {
                continue;
            }

            var inUse = $"Process '{processName}': port {endpoint.Port} ({endpoint}) is already in use";
            return Holder(endpoint.Port) switch
            {
                null => $"{inUse}; stop what holds it, or give the process another port.",
                ({ } who, { HostRuns: false } host) =>
                    $"{inUse} by {Describe(who)}, a server left behind by a ProdServer host (pid {host.HostPid}) that no longer runs; stop it with kill {who.Pid}.",
                ({ } who, { } host) =>
                    $"{inUse} by {Describe(who)}, a server of the ProdServer host pid {host.HostPid} ({ProcFile.CommandLine(host.HostPid)}), which is running; stop that host, or give the process another port.",
                ({ } who, null) => $"{inUse} by {Describe(who)}; stop what holds it, or give the process another port.",
            };
        }

        return null;
    }

    // Asked of the kernel directly where it can be (a plain IPv4 address without IPAddress's parser), else through the socket
    // stack; a host that is no address is not in use here: the server reports it in its own words.
    private static bool InUse(string host, int port) =>
        BindProbe.InUse(host, port)
        ?? (Address(host) is { } address && (BindProbe.InUse(address, port) ?? InUseBySocket(address, port)));

    // Where the kernel cannot be asked directly (not Linux): the same bind through the socket stack.
    private static bool InUseBySocket(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
            return false;
        }
        catch (SocketException ex)
        {
            // Address not available, privileged port, no IPv6: the server reports those itself, in its own words.
            return ex.SocketErrorCode == SocketError.AddressAlreadyInUse;
        }
    }

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

    /// <summary>
    /// Whether something listens on <paramref name="endpoint"/> now (its port cannot be bound); <see langword="null"/> when
    /// that cannot be told: a host name (not resolved here), a privileged port or an address this host lacks.
    /// </summary>
    public static bool? IsListening(ListenEndpoint endpoint)
    {
        if (endpoint.Port is <= 0 or > 65535)
        {
            return null;
        }

        // A plain dotted quad is probed without IPAddress (see BindProbe.InUse(string, int)); its "cannot tell" is final.
        Span<byte> quad = stackalloc byte[4];
        return BindProbe.TryParseDottedQuad(endpoint.Host, quad) ? BindProbe.Listening(endpoint.Host, endpoint.Port)
            : Address(endpoint.Host) is { } address ? BindProbe.Listening(address, endpoint.Port)
            : null;
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

    // /proc/net/tcp{,6}: the listening socket's inode; then the process whose fd points at socket:[inode], and the host
    // that started it when it carries a host's tag (Descendants.TaggedHost): a server the watchdog could not stop
    // when its host died is then named as such, with the command that ends it, rather than as an unknown program.
    private static ((int Pid, string Name) Process, (int HostPid, bool HostRuns)? Host)? Holder(int port)
    {
        if (ListenerInodes(port) is not { Count: > 0 } listeners
            || DescriptorHolders.Find(listeners.Select(inode => $"socket:[{inode}]").ToHashSet(StringComparer.Ordinal), limit: 1) is not [var pid])
        {
            return null;
        }

        Span<byte> comm = stackalloc byte[64];
        var length = ProcFile.Read(pid, "comm", comm);
        var name = length > 0 ? LogText.Escape(System.Text.Encoding.UTF8.GetString(comm[..length]).Trim()) : "?";
        return ((pid, name), Descendants.TaggedHost(pid));
    }

    private static string Describe((int Pid, string Name) process) =>
        string.Create(CultureInfo.InvariantCulture, $"pid {process.Pid} ({process.Name})");
}
