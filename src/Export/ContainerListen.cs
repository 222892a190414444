using System;
using System.Net;

namespace ProdServer.Config;

/// <summary>
/// In a container, loopback is the container's own: a server bound to <c>127.0.0.1</c> there answers its own health
/// check and nothing else — not a pod's probes and Service, not Compose's published port or the other services. Both
/// container targets refuse such a process rather than write a deployment that looks healthy and serves nobody.
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
            var host = endpoint.Host.Trim('[', ']');
            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)))
            {
                throw ExportText.Refused(ExportText.Process(process), "its listen address",
                    $"is {ExportText.Printable(endpoint.Host)}:{endpoint.Port}, a loopback address {unreachableBy} cannot reach; "
                    + $"bind 0.0.0.0 in the configuration the image runs with (the Host, Bind or Listen setting under ProdServer:Processes:{ExportText.Printable(process.Name)}:Args) and export again");
            }
        }
    }
}
