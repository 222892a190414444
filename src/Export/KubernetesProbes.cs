using k8s.Models;

namespace ProdServer.Config;

/// <summary>
/// Readiness as the engine decides it — the readiness path answering, or the port accepting connections — as a startup,
/// a readiness and a liveness probe. A process without a port gets none (Kubernetes then calls it ready once it runs, as
/// the engine does after StartSeconds).
/// </summary>
internal static class KubernetesProbes
{
    private const int StartupPeriodSeconds = 2;

    /// <summary>
    /// Polls every 2 s for the whole readiness timeout, so a slow import (Django loading its apps) is waited for, and
    /// only then do liveness checks start.
    /// </summary>
    public static V1Probe? Startup(ProcessDefinition process) => Probe(process, httpPath: true, probe =>
    {
        probe.PeriodSeconds = StartupPeriodSeconds;
        probe.TimeoutSeconds = StartupPeriodSeconds;
        probe.FailureThreshold = (int)System.Math.Ceiling(process.Readiness.Timeout.TotalSeconds / StartupPeriodSeconds) + 1;
    });

    /// <summary>Every 5 s; one failure takes the pod out of the Service.</summary>
    public static V1Probe? Readiness(ProcessDefinition process) => Probe(process, httpPath: true, probe =>
    {
        probe.PeriodSeconds = 5;
        probe.TimeoutSeconds = 3;
        probe.FailureThreshold = 1;
    });

    /// <summary>The port alone, every 20 s, three failures: a busy app answering slowly is not restarted.</summary>
    public static V1Probe? Liveness(ProcessDefinition process) => Probe(process, httpPath: false, probe =>
    {
        probe.PeriodSeconds = 20;
        probe.TimeoutSeconds = 3;
        probe.FailureThreshold = 3;
    });

    private static V1Probe? Probe(ProcessDefinition process, bool httpPath, System.Action<V1Probe> timing)
    {
        var endpoints = process.Backend.GetListenEndpoints(process);
        if (endpoints.Count == 0)
        {
            return null;
        }

        var port = endpoints[0].Port;
        var probe = new V1Probe();
        if (httpPath && HealthCheck.ReadinessPath(process) is { } path)
        {
            probe.HttpGet = new V1HTTPGetAction { Path = path, Port = port };
        }
        else
        {
            probe.TcpSocket = new V1TCPSocketAction { Port = port };
        }

        timing(probe);
        return probe;
    }
}
