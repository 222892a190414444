using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace ProdServer.Config;

/// <summary>
/// In a container, loopback is the container's own: a server bound to <c>127.0.0.1</c> there answers its own health
/// check and nothing else — not a pod's probes and Service, not Compose's published port or the other services. Both
/// container targets refuse such a process rather than write a deployment that looks healthy and serves nobody. A pod's
/// address is given when it starts, so a server bound to one fixed address cannot bind in it; and a server on
/// <c>[::]</c> alone is reached at the pod's address only where that is IPv6 or the server takes IPv4 there too.
/// </summary>
internal static class ContainerListen
{
    /// <summary>Refuses <paramref name="process"/> when it listens on a loopback address.</summary>
    /// <param name="process">The process.</param>
    /// <param name="unreachableBy">Who connects from outside the container, as the message names them: "the pod's probes and Service".</param>
    public static void RefuseLoopback(ProcessDefinition process, string unreachableBy)
    {
        foreach (var endpoint in process.Backend.GetListenEndpoints(process))
        {
            var host = Unbracketed(endpoint.Host);
            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)))
            {
                throw Refused(process, endpoint, $"a loopback address {unreachableBy} cannot reach");
            }
        }
    }

    /// <summary>
    /// Refuses <paramref name="process"/> when it listens on one fixed address other than loopback: a pod gets its
    /// address when it starts, so the server could not bind it there (EADDRNOTAVAIL) and would restart for ever.
    /// </summary>
    public static void RefuseFixedAddress(ProcessDefinition process)
    {
        foreach (var endpoint in process.Backend.GetListenEndpoints(process))
        {
            if (IPAddress.TryParse(Unbracketed(endpoint.Host), out var address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any) && !IPAddress.IsLoopback(address))
            {
                throw Refused(process, endpoint, "a fixed address a pod does not have (its address is given when it starts), so the server could not bind it there");
            }
        }
    }

    /// <summary>
    /// Whether the kubelet's <c>tcpSocket</c> and <c>httpGet</c>, which connect to the pod's IP, reach <paramref name="endpoint"/>:
    /// every IPv4 address does, and a host name is left to resolve as it does in the pod (the engine does not ask it
    /// either). A server on <c>[::]</c> is reached only where the pod's IP is IPv6 or the server also takes IPv4 there,
    /// which waitress and uvicorn do not.
    /// </summary>
    public static bool ReachedAtPodAddress(ListenEndpoint endpoint) =>
        !IPAddress.TryParse(Unbracketed(endpoint.Host), out var address) || address.Equals(IPAddress.Any);

    /// <summary>
    /// The ports <paramref name="process"/> listens on on every IPv6 address but not on every IPv4 one: its Service
    /// reaches those over IPv6 alone, unless the server takes IPv4 on <c>[::]</c> too.
    /// </summary>
    public static IReadOnlyList<int> Ipv6OnlyPorts(ProcessDefinition process)
    {
        var endpoints = process.Backend.GetListenEndpoints(process);
        var ipv4 = endpoints.Where(ReachedAtPodAddress).Select(e => e.Port).ToHashSet();
        return endpoints.Where(e => IPAddress.TryParse(Unbracketed(e.Host), out var a) && a.Equals(IPAddress.IPv6Any) && !ipv4.Contains(e.Port))
            .Select(e => e.Port).Distinct().ToList();
    }

    /// <summary>
    /// What the user must know of each port of <paramref name="process"/> on <c>[::]</c> alone (<see cref="Ipv6OnlyPorts"/>),
    /// one note each: its health check asks it at <c>[::1]</c>, as the launcher does, but <paramref name="reachedBy"/> reach
    /// it over IPv6 only.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <param name="target">The target, as notes start: <c>kubernetes</c>, <c>compose</c>.</param>
    /// <param name="reachedBy">Who connects from outside the container: "its Service", "its published port and the other services".</param>
    /// <param name="networks">Where they connect over IPv4: "in an IPv4 or dual-stack cluster".</param>
    public static IEnumerable<string> Ipv6OnlyNotes(ProcessDefinition process, string target, string reachedBy, string networks) =>
        Ipv6OnlyPorts(process).Select(port =>
            $"{target}: {ExportText.Process(process)} listens on [::]:{port} alone: its health check asks it in its container at [::1], as the launcher does, "
            + $"but {reachedBy} reach it only over IPv6 unless the server also takes IPv4 on [::] (waitress and uvicorn do not); "
            + $"{networks}, listen on 0.0.0.0:{port} instead or as well (the Host, Bind or Listen setting under ProdServer:Processes:{ExportText.Printable(process.Name)}:Args).");

    private static string Unbracketed(string host) => host.Trim('[', ']');

    private static ExportRefusedException Refused(ProcessDefinition process, ListenEndpoint endpoint, string problem) =>
        ExportText.Refused(ExportText.Process(process), "its listen address",
            $"is {ExportText.Printable(endpoint.ToString())}, {problem}; "
            + $"bind 0.0.0.0 in the configuration the image runs with (the Host, Bind or Listen setting under ProdServer:Processes:{ExportText.Printable(process.Name)}:Args) and export again");
}
