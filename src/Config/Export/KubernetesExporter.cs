using System.Collections.Generic;
using System.Linq;
using k8s.Models;

namespace ProdServer.Config;

/// <summary>
/// Writes one Kubernetes manifest per process: a Deployment (and a Service when the process listens on a port), built
/// with the official client's typed models and serialized by its YAML serializer (KubernetesClient.Aot: source-generated,
/// NativeAOT-clean), so the output follows the Kubernetes schema. Every container runs the app's image with the process
/// name as its argument, like the other targets.
/// </summary>
internal static class KubernetesExporter
{
    public static IReadOnlyList<ExportedFile> Export(Deployment deployment) =>
        deployment.Processes.Select(process =>
        {
            var objects = new List<object> { DeploymentOf(deployment, process) };
            if (ServiceOf(deployment, process) is { } service)
            {
                objects.Add(service);
            }

            return new ExportedFile(Name(deployment, process) + ".yaml", KubernetesManifest.ToYaml(objects));
        }).ToList();

    private static V1Deployment DeploymentOf(Deployment deployment, ProcessDefinition process)
    {
        var labels = Labels(deployment, process);
        var endpoints = process.Backend.GetListenEndpoints(process);
        var container = new V1Container
        {
            Name = Dns(process.Name),
            Image = deployment.AppName,
            Args = [process.Name],
            Env = [new V1EnvVar { Name = "DOTNET_ENVIRONMENT", Value = deployment.EnvironmentName }],
            Ports = endpoints.Count == 0 ? null : endpoints.Select(e => e.Port).Distinct().Select(p => new V1ContainerPort { ContainerPort = p }).ToList(),
            Resources = process.Resources.IsEmpty ? null : new V1ResourceRequirements { Requests = Requests(process.Resources) },
            ReadinessProbe = Probe(process, forLiveness: false),
            LivenessProbe = Probe(process, forLiveness: true),
        };
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = Name(deployment, process), Labels = labels },
            Spec = new V1DeploymentSpec
            {
                // One Celery beat per app: never two copies, not even for the moment a rolling update overlaps them.
                Replicas = process.RunsCeleryBeat ? 1 : process.Replicas,
                Strategy = process.RunsCeleryBeat ? new V1DeploymentStrategy { Type = "Recreate" } : null,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        // Longer than our stop timeout (itself longer than the server's graceful timeout): they nest.
                        TerminationGracePeriodSeconds = Deployment.OuterStopSeconds(process),
                        Containers = [container],
                    },
                },
            },
        };
    }

    private static V1Service? ServiceOf(Deployment deployment, ProcessDefinition process)
    {
        var ports = process.Backend.GetListenEndpoints(process).Select(e => e.Port).Distinct().ToList();
        if (ports.Count == 0)
        {
            return null;
        }

        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = Name(deployment, process), Labels = Labels(deployment, process) },
            Spec = new V1ServiceSpec
            {
                Selector = Labels(deployment, process),
                Ports = ports.Select(p => new V1ServicePort { Name = "port-" + p, Port = p, TargetPort = p }).ToList(),
            },
        };
    }

    // Readiness as the engine decides it: the readiness path answering, or the port accepting connections. A process
    // without a port gets none (Kubernetes then calls it ready once it runs, as the engine does after StartSeconds).
    private static V1Probe? Probe(ProcessDefinition process, bool forLiveness)
    {
        var endpoints = process.Backend.GetListenEndpoints(process);
        if (endpoints.Count == 0)
        {
            return null;
        }

        var port = endpoints[0].Port;
        var probe = new V1Probe
        {
            PeriodSeconds = forLiveness ? 20 : 5,
            TimeoutSeconds = 3,
            FailureThreshold = forLiveness ? 3 : 1,
            // Liveness waits out a whole start (the readiness timeout) before it may restart the pod.
            InitialDelaySeconds = forLiveness ? (int)System.Math.Ceiling(process.Readiness.Timeout.TotalSeconds) : null,
        };
        if (!forLiveness && process.Readiness.Path is { } path)
        {
            probe.HttpGet = new V1HTTPGetAction { Path = path, Port = port };
        }
        else
        {
            probe.TcpSocket = new V1TCPSocketAction { Port = port };
        }

        return probe;
    }

    private static Dictionary<string, ResourceQuantity> Requests(ResourceRequests resources)
    {
        var requests = new Dictionary<string, ResourceQuantity>();
        if (resources.Cpu is { } cpu)
        {
            requests["cpu"] = new ResourceQuantity(cpu);
        }

        if (resources.Memory is { } memory)
        {
            requests["memory"] = new ResourceQuantity(memory);
        }

        return requests;
    }

    private static Dictionary<string, string> Labels(Deployment deployment, ProcessDefinition process) => new()
    {
        ["app.kubernetes.io/name"] = Dns(deployment.AppName),
        ["app.kubernetes.io/component"] = Dns(process.Name),
    };

    private static string Name(Deployment deployment, ProcessDefinition process) => Dns(deployment.UnitName(process));

    // Kubernetes names are DNS labels: lower case letters, digits and '-', starting and ending with an alphanumeric.
    private static string Dns(string name)
    {
        var label = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return label.Length == 0 ? "app" : label[..System.Math.Min(label.Length, 63)].TrimEnd('-');
    }
}
