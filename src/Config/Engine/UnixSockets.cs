using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;

namespace ProdServer.Config;

/// <summary>
/// The Unix sockets a server listens on (<see cref="ServerBackend.GetUnixSockets"/>), as TCP ports are checked and probed:
/// before a start, one another server already answers on fails it (the new server would replace the socket, and the
/// serving one would be cut off from its clients); after the start, the process is ready once each accepts a connection.
/// </summary>
internal static class UnixSockets
{
    /// <summary>The longest path a Unix socket may have: Linux's <c>sockaddr_un.sun_path</c> holds 108 bytes, the final NUL included.</summary>
    public const int MaxPathBytes = 107;

    /// <summary>
    /// The socket paths of <paramref name="process"/>, a relative one resolved from the directory the server binds from
    /// (<see cref="SocketPlace.At"/>: its working directory, or the one it changes into first); left out when that is not
    /// known.
    /// </summary>
    public static IReadOnlyList<string> Of(ProcessDefinition process, string? workingDirectory)
    {
        var paths = new List<string>();
        var working = KnownOrRelative(workingDirectory);
        foreach (var socket in process.Backend.GetUnixSockets(process))
        {
            if (SocketPlace.At(process, socket, working) is { IsAbsolute: true } place)
            {
                paths.Add(place.Resolved);
            }
        }

        return paths;
    }

    /// <summary>
    /// The absolute directory <paramref name="process"/>'s server binds a relative socket from, given its absolute working
    /// directory; <see langword="null"/> when that is not known.
    /// </summary>
    public static string? BindDirectory(ProcessDefinition process, string? workingDirectory) =>
        SocketPlace.BindDirectory(process, KnownOrRelative(workingDirectory)) is { } from && from.StartsWith('/') ? from : null;

    // An absolute working directory, or "." when it is not known: what is resolved from "." is not absolute, and left out.
    private static string KnownOrRelative(string? workingDirectory) =>
        workingDirectory is { Length: > 0 } && Path.IsPathFullyQualified(workingDirectory) ? workingDirectory : ".";

    /// <summary>The first socket of <paramref name="process"/> a server already answers on, as a message; <see langword="null"/> when none.</summary>
    public static string? FindConflict(ProcessDefinition process, string? workingDirectory)
    {
        foreach (var path in Of(process, workingDirectory))
        {
            if (Answers(path))
            {
                return $"Process '{Names.Printable(process.Name)}': its Unix socket {Names.PrintablePath(path)} is in use: a server already answers on it "
                    + "(another host of this app?); stop that server, or give the process another socket.";
            }
        }

        return null;
    }

    /// <summary>Whether something accepts connections on the Unix socket at <paramref name="path"/> (a file that is no socket, or none, does not).</summary>
    /// <remarks>A path longer than a socket address holds is asked too (<see cref="UnixSocketAddress"/>).</remarks>
    public static bool Answers(string path)
    {
        try
        {
            using var address = UnixSocketAddress.For(path);
            if (address is null)
            {
                return false; // a long path whose directory is not there, or not ours to search
            }

            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            probe.Connect(address.EndPoint);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            return false; // refused, not a socket, or not there
        }
    }
}
