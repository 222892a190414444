using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;
using static ProdServer.Config.ManifestYaml;

namespace ProdServer.Config;

/// <summary>
/// Writes one Kubernetes manifest per process: a Deployment (and a Service when the process listens on a port), written
/// field by field as YAML nodes (<see cref="ManifestYaml"/>) with the names of the Kubernetes API (apps/v1 Deployment,
/// v1 Service); the tests read every manifest back with the official client, KubernetesClient. Every container runs the
/// app's image with the process name as its argument, like the other targets, and is safe by default
/// (<see cref="KubernetesDefaults"/>).
/// </summary>
/// <remarks>
/// Not the client's typed models: serializing them needs System.Text.Json metadata for every model reachable from a
/// Deployment, about 1 MB of type data in every NativeAOT launcher that references the export (docs/benchmarks.md).
/// </remarks>
internal static class KubernetesExporter
{
    public static IReadOnlyList<ExportedFile> Export(Deployment deployment, ICollection<string> notes)
    {
        var image = KubernetesDefaults.Image(deployment);
        DeploymentCheck.Unique(deployment, p => Name(deployment, p), "Kubernetes object name");
        DeploymentCheck.Unique(deployment, p => Dns(p.Name), "Kubernetes component label");
        if (deployment.EnvFiles.Count > 0)
        {
            // --from-file keeps each file as it is, for the app's own parser (--from-env-file reads quotes, comments and
            // 'export' otherwise, and envFrom would make ProdServer__ lines the app's configuration).
            notes.Add($"kubernetes: the --env-file values are not written into the manifests; each container reads the files from the Secret '{EnvSecret(deployment)}', "
                + $"mounted at {EnvFileDirectory(deployment)}: "
                + $"kubectl create secret generic {EnvSecret(deployment)} {string.Join(' ', deployment.EnvFiles.Select((f, i) => ShellQuoting.Quote($"--from-file={EnvFileKey(i)}=" + f)))}");
        }

        var files = deployment.Processes.Select(process =>
        {
            ContainerListen.RefuseLoopback(process, "the pod's probes and Service");
            ContainerListen.RefuseFixedAddress(process);
            foreach (var note in ContainerListen.Ipv6OnlyNotes(process, "kubernetes", "its Service and other pods", "in an IPv4 or dual-stack cluster"))
            {
                notes.Add(note);
            }

            var objects = new List<YamlNode> { DeploymentOf(deployment, process, image) };
            if (ServiceOf(deployment, process) is { } service)
            {
                objects.Add(service);
            }

            return new ExportedFile(Name(deployment, process) + ".yaml", Write(objects));
        }).ToList();
        if (deployment.ReleaseSteps.Count > 0)
        {
            var job = Name(deployment.AppName + "-" + Deployment.ReleaseName);
            DeploymentCheck.NotReleaseName(deployment, p => Name(deployment, p), job, "Kubernetes object name");
            var labels = Map(("app.kubernetes.io/name", Text(Dns(deployment.AppName))), ("app.kubernetes.io/component", Text(Deployment.ReleaseName)));
            files.Add(new ExportedFile(job + ".yaml", Write([KubernetesReleaseJob.Of(deployment, image, job, labels)])));
            notes.Add(KubernetesReleaseJob.Note(job + ".yaml", job));
        }

        return files;
    }

    private static YamlMappingNode DeploymentOf(Deployment deployment, ProcessDefinition process, string image)
    {
        var ports = Ports(process);
        var volumes = KubernetesDefaults.WritableVolumes(process, deployment.WorkingDirectory);
        var container = KubernetesContainer.Of(deployment, Dns(process.Name), image,
            // --skip-release when a Job runs the release steps once before, then the process.
            [.. deployment.ReleaseSteps.Count > 0 ? new[] { "--skip-release" } : [], process.Name],
            KubernetesDefaults.Resources(process), KubernetesDefaults.ContainerSecurity(process), volumes,
            ports.Count == 0 ? null : List(ports.Select(p => Map(("containerPort", Number(p))))),
            ("startupProbe", KubernetesProbes.Startup(process, deployment.WorkingDirectory)),
            ("readinessProbe", KubernetesProbes.Readiness(process, deployment.WorkingDirectory)),
            ("livenessProbe", KubernetesProbes.Liveness(process, deployment.WorkingDirectory)));
        return Map(
            ("apiVersion", Text("apps/v1")),
            ("kind", Text("Deployment")),
            ("metadata", Metadata(deployment, process)),
            ("spec", Map(
                // One Celery beat per app: never two copies, not even for the moment a rolling update overlaps them.
                ("replicas", Number(process.RunsCeleryBeat ? 1 : process.Replicas)),
                ("strategy", process.RunsCeleryBeat ? Map(("type", Text("Recreate"))) : null),
                ("selector", Map(("matchLabels", Labels(deployment, process)))),
                ("template", Map(
                    ("metadata", Map(("labels", Labels(deployment, process)))),
                    // Longer than our stop timeout (itself longer than the server's graceful timeout): they nest.
                    ("spec", KubernetesContainer.PodSpec(deployment, container, volumes, ("terminationGracePeriodSeconds", Number(Deployment.OuterStopSeconds(process))))))))));
    }

    private static YamlMappingNode? ServiceOf(Deployment deployment, ProcessDefinition process)
    {
        var ports = Ports(process);
        if (ports.Count == 0)
        {
            return null;
        }

        return Map(
            ("apiVersion", Text("v1")),
            ("kind", Text("Service")),
            ("metadata", Metadata(deployment, process)),
            ("spec", Map(
                ("selector", Labels(deployment, process)),
                ("ports", List(ports.Select(p => Map(("name", Text("port-" + p)), ("port", Number(p)), ("targetPort", Number(p)))))))));
    }

    private static List<int> Ports(ProcessDefinition process) => process.Backend.GetListenEndpoints(process).Select(e => e.Port).Distinct().ToList();

    private static YamlMappingNode Metadata(Deployment deployment, ProcessDefinition process) =>
        Map(("name", Text(Name(deployment, process))), ("labels", Labels(deployment, process)));

    private static string EnvSecret(Deployment deployment) => Name(deployment.AppName + "-env");

    private const string EnvFilesVolume = "env-files";

    // Where the Secret's files appear in the container: a directory of its own, so that the mount hides nothing of the image.
    private static string EnvFileDirectory(Deployment deployment) => "/var/run/secrets/" + EnvSecret(deployment);

    // One key per file, in order (a later file wins, as on the command line); two files may share a name.
    private static string EnvFileKey(int index) => "env-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The export's env files as the container sees them, from the Secret (<c>--env-file</c> arguments' values).</summary>
    internal static IEnumerable<string> InContainerEnvFiles(Deployment deployment) =>
        deployment.EnvFiles.Select((_, i) => EnvFileDirectory(deployment) + "/" + EnvFileKey(i));

    /// <summary>The container's read-only mount of the env files' Secret, when there are env files.</summary>
    internal static IEnumerable<YamlMappingNode> EnvFilesMount(Deployment deployment) =>
        deployment.EnvFiles.Count == 0 ? [] : [Map(("name", Text(EnvFilesVolume)), ("mountPath", Text(EnvFileDirectory(deployment))), ("readOnly", Flag(true)))];

    /// <summary>The pod's volume of the env files' Secret, when there are env files.</summary>
    internal static IEnumerable<YamlMappingNode> EnvFilesVolumeOf(Deployment deployment) =>
        deployment.EnvFiles.Count == 0 ? [] : [Map(("name", Text(EnvFilesVolume)), ("secret", Map(("secretName", Text(EnvSecret(deployment))))))];

    // A new node for each place the labels appear: a node belongs to one place in the tree.
    private static YamlMappingNode Labels(Deployment deployment, ProcessDefinition process) => Map(
        ("app.kubernetes.io/name", Text(Dns(deployment.AppName))),
        ("app.kubernetes.io/component", Text(Dns(process.Name))));

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
