using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// One server per port and per Unix socket: two processes run together that listen on the same port (the same address, or
/// one of them on every interface) or the same socket path (each resolved from the directory its server binds from:
/// <see cref="SocketPlace"/>) cannot both start; the second would fail, or a reload would stop a serving process and then
/// fail to start it again. A rule across processes, so <c>ProdServerOptionsValidator</c> calls
/// it with the processes a command runs together.
/// </summary>
internal static class ListenUniqueness
{
    /// <summary>The problems with <paramref name="processes"/>: each one that listens where one before it does.</summary>
    /// <param name="processes">The processes run together, in declaration order.</param>
    /// <param name="contentRoot">The content root relative working directories resolve from; <see langword="null"/> when not known.</param>
    /// <returns>The process and the problem, for each clash.</returns>
    public static IEnumerable<ProcessProblem> Check(IReadOnlyList<ProcessDefinition> processes, string? contentRoot = null)
    {
        var ports = new List<Taken>();
        var sockets = new List<Taken>();
        foreach (var process in processes)
        {
            foreach (var endpoint in process.Backend.GetListenEndpoints(process))
            {
                var first = ports.Find(t => t.Process != process && t.Endpoint!.Port == endpoint.Port && Overlap(t.Endpoint.Host, endpoint.Host));
                if (first is not null)
                {
                    yield return new ProcessProblem(process, new SettingProblem("Args",
                        $"it listens on {endpoint}, where process '{first.Process.Name}' listens too ({first.Endpoint}): two servers cannot bind one port; give one of them another port."));
                    continue;
                }

                ports.Add(new Taken(process, endpoint, null));
            }

            foreach (var socket in process.Backend.GetUnixSockets(process))
            {
                // Each resolved from the directory its own server binds from: unix:app.sock in /srv/a and
                // unix:../a/app.sock in /srv/b are one socket.
                var place = SocketPlace.Of(process, socket, contentRoot);
                var first = sockets.Find(t => t.Process != process && string.Equals(t.Socket!.Resolved, place.Resolved, StringComparison.Ordinal));
                if (first is not null)
                {
                    yield return new ProcessProblem(process, new SettingProblem("Args",
                        $"it listens on the Unix socket {place}, as process '{first.Process.Name}' does{first.Socket!.HowWritten}: the second server would replace the first one's socket; give one of them another path."));
                    continue;
                }

                sockets.Add(new Taken(process, null, place));
            }
        }
    }

    // The same host, or either on every interface (0.0.0.0, ::, *, or none given).
    private static bool Overlap(string a, string b) =>
        IsWildcard(a) || IsWildcard(b) || string.Equals(Bare(a), Bare(b), StringComparison.OrdinalIgnoreCase);

    private static bool IsWildcard(string host) => Bare(host) is "" or "0.0.0.0" or "::" or "*";

    private static string Bare(string host) => host.Trim().TrimStart('[').TrimEnd(']');

    private sealed record Taken(ProcessDefinition Process, ListenEndpoint? Endpoint, SocketPlace? Socket);
}
