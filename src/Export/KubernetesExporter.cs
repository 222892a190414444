using System.Collections.Generic;
using System.Linq;
using k8s.Models;

namespace ProdServer.Config;

/// <summary>
/// Writes one Kubernetes manifest per process: a Deployment (and a Service when the process listens on a port), built
/// with the official client's typed models and serialized by its YAML serializer (KubernetesClient.Aot: source-generated,
/// NativeAOT-clean), so the output follows the Kubernetes schema. Every container runs the app's image with the process
/// name as its argument, like the other targets, and is safe by default (<see cref="KubernetesDefaults"/>).
/// </summary>
internal static class KubernetesExporter
{
    public static IReadOnlyList<ExportedFile> Export(Deployment deployment, ICollection<string> notes)
    {
        var image = KubernetesDefaults.Image(deployment);
        DeploymentCheck.Unique(deployment, p => Name(deployment, p), "Kubernetes object name");
        DeploymentCheck.Unique(deployment, p => Dns(p.Name), "Kubernetes component label");
        if (deployment.EnvFiles.Count > 0)
        {
            notes.Add($"kubernetes: the --env-file values are not written into the manifests; each container reads them from the Secret '{EnvSecret(deployment)}': "
                + $"kubectl create secret generic {EnvSecret(deployment)} {string.Join(' ', deployment.EnvFiles.Select(f => ShellQuoting.Quote("--from-env-file=" + f)))}");
        }

        return deployment.Processes.Select(process =>
        {
            KubernetesDefaults.RefuseLoopback(process);
            var objects = new List<object> { DeploymentOf(deployment, process, image) };
            if (ServiceOf(deployment, process) is { } service)
            {
                objects.Add(service);
            }

            return new ExportedFile(Name(deployment, process) + ".yaml", KubernetesManifest.ToYaml(objects));
        }).ToList();
    }

    private static V1Deployment DeploymentOf(Deployment deployment, ProcessDefinition process, string image)
    {
        var labels = Labels(deployment, process);
        var endpoints = process.Backend.GetListenEndpoints(process);
        var volumes = KubernetesDefaults.WritableVolumes(process);
        var container = new V1Container
        {
            Name = Dns(process.Name),
            Image = image,
            // Kubernetes expands $(VAR) in args and env values; "$$" is its escape for a literal '$'.
            Args = [Literal(process.Name)],
            Env = [new V1EnvVar { Name = "DOTNET_ENVIRONMENT", Value = Literal(deployment.EnvironmentName) }],
            EnvFrom = deployment.EnvFiles.Count == 0 ? null : [new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = EnvSecret(deployment) } }],
            Ports = endpoints.Count == 0 ? null : endpoints.Select(e => e.Port).Distinct().Select(p => new V1ContainerPort { ContainerPort = p }).ToList(),
            Resources = KubernetesDefaults.Resources(process),
            SecurityContext = KubernetesDefaults.ContainerSecurity(process),
            VolumeMounts = volumes.Select(v => new V1VolumeMount { Name = v.Name, MountPath = v.Path }).ToList(),
            StartupProbe = KubernetesProbes.Startup(process),
            ReadinessProbe = KubernetesProbes.Readiness(process),
            LivenessProbe = KubernetesProbes.Liveness(process),
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
                        // The app never talks to the Kubernetes API: no token to steal.
                        AutomountServiceAccountToken = false,
                        SecurityContext = KubernetesDefaults.PodSecurity(),
                        Containers = [container],
                        Volumes = volumes.Select(v => new V1Volume { Name = v.Name, EmptyDir = new V1EmptyDirVolumeSource() }).ToList(),
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

    private static string Literal(string value) => value.Replace("$", "$$");

    private static string EnvSecret(Deployment deployment) => Name(deployment.AppName + "-env");

    private static Dictionary<string, string> Labels(Deployment deployment, ProcessDefinition process) => new()
    {
        ["app.kubernetes.io/name"] = Dns(deployment.AppName),
        ["app.kubernetes.io/component"] = Dns(process.Name),
    };

    // Deployments and Services share the name; a Service's must start with a letter (DNS-1035).
    private static string Name(Deployment deployment, ProcessDefinition process) => Name(deployment.UnitName(process));

    private static string Name(string name)
    {
        var label = Dns(name);
        return char.IsAsciiLetter(label[0]) ? label : Dns("app-" + label);
    }

    // Kubernetes names are DNS labels: lower case letters, digits and '-', starting and ending with an alphanumeric.
    private static string Dns(string name)
    {
        var label = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return label.Length == 0 ? "app" : label[..System.Math.Min(label.Length, 63)].TrimEnd('-');
    }
}
