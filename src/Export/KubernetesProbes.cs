using System.Linq;
using YamlDotNet.RepresentationModel;
using static ProdServer.Config.ManifestYaml;

namespace ProdServer.Config;

/// <summary>
/// Readiness as the engine decides it — the readiness path answering, or every port and Unix socket accepting
/// connections — as a startup, a readiness and a liveness probe. A process that listens on nothing gets none (Kubernetes
/// then calls it ready once it runs, as the engine does after StartSeconds).
/// </summary>
internal static class KubernetesProbes
{
    private const int StartupPeriodSeconds = 2;

    /// <summary>
    /// Polls every 2 s for the whole readiness timeout, so a slow import (Django loading its apps) is waited for, and
    /// only then do liveness checks start.
    /// </summary>
    public static YamlMappingNode? Startup(ProcessDefinition process, string contentRoot) => Probe(process, contentRoot, httpPath: true,
        periodSeconds: StartupPeriodSeconds,
        timeoutSeconds: StartupPeriodSeconds,
        failureThreshold: (int)System.Math.Ceiling(process.Readiness.Timeout.TotalSeconds / StartupPeriodSeconds) + 1);

    /// <summary>Every 5 s; one failure takes the pod out of the Service.</summary>
    public static YamlMappingNode? Readiness(ProcessDefinition process, string contentRoot) =>
        Probe(process, contentRoot, httpPath: true, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 1);

    /// <summary>The port alone, every 20 s, three failures: a busy app answering slowly is not restarted.</summary>
    public static YamlMappingNode? Liveness(ProcessDefinition process, string contentRoot) =>
        Probe(process, contentRoot, httpPath: false, periodSeconds: 20, timeoutSeconds: 3, failureThreshold: 3);

    // The readiness path asked as the engine asks it: the kubelet's httpGet would send the pod's IP as Host, which a Django
    // site refuses (400, DisallowedHost) while it lists the address the engine and the Compose check use. Its httpGet
    // accepts 200-399, the engine's default; another Readiness:Status must be answered exactly, which only the health
    // check's script can tell, run in the container as Compose runs it.
    private static (string, YamlMappingNode) AskPath(ProcessDefinition process, string contentRoot, ListenEndpoint endpoint, string path)
    {
        if (process.Readiness.Status != ReadinessProbe.DefaultStatus)
        {
            return InContainer(process, contentRoot);
        }

        var address = PortCheck.ProbeAddress(endpoint.Host) ?? System.Net.IPAddress.Loopback;
        var host = new System.Net.IPEndPoint(address, endpoint.Port).ToString();
        return ("httpGet", Map(
            ("path", Text(path)),
            ("port", Number(endpoint.Port)),
            ("httpHeaders", List([Map(("name", Text("Host")), ("value", Text(host)))]))));
    }

    // The health check's script, run in the container by the kubelet as Compose runs it. The kubelet expands $(VAR) in an
    // exec probe's command as in args (from the container's env), so a '$' in a path is written "$$".
    private static (string, YamlMappingNode) InContainer(System.Collections.Generic.IReadOnlyList<string> test) =>
        ("exec", Map(("command", List(test.Skip(1).Select(word => (YamlNode)Text(word.Replace("$", "$$", System.StringComparison.Ordinal)))))));

    private static (string, YamlMappingNode) InContainer(ProcessDefinition process, string contentRoot) => InContainer(HealthCheck.For(process, contentRoot)!);

    private static YamlMappingNode? Probe(ProcessDefinition process, string contentRoot, bool httpPath, int periodSeconds, int timeoutSeconds, int failureThreshold)
    {
        var endpoints = process.Backend.GetListenEndpoints(process);
        var sockets = process.Backend.GetUnixSockets(process);
        if (endpoints.Count == 0 && sockets.Count == 0)
        {
            return null;
        }

        var path = httpPath ? HealthCheck.ReadinessPath(process) : null;
        var (action, target) =
            // The kubelet connects to the pod's IP: a Unix socket is a file in the container, and a server on [::] alone is
            // not reached there where the pod's IP is IPv4 (waitress and uvicorn take IPv6 alone on it). The health
            // check's script asks them in the container, at the address the engine asks ([::1]).
            sockets.Count > 0 || !endpoints.All(ContainerListen.ReachedAtPodAddress)
                ? InContainer(path is null ? HealthCheck.Listening(process, contentRoot)! : HealthCheck.For(process, contentRoot)!)
            : path is not null ? AskPath(process, contentRoot, endpoints[0], path)
            // The engine calls a server ready once every port accepts; a tcpSocket probe asks one.
            : httpPath && endpoints.Select(e => e.Port).Distinct().Count() > 1 ? InContainer(process, contentRoot)
            : ("tcpSocket", Map(("port", Number(endpoints[0].Port))));
        return Map(
            (action, target),
            ("periodSeconds", Number(periodSeconds)),
            ("timeoutSeconds", Number(timeoutSeconds)),
            ("failureThreshold", Number(failureThreshold)));
    }
}
