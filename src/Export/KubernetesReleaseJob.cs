using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;
using static ProdServer.Config.ManifestYaml;

namespace ProdServer.Config;

/// <summary>
/// The release steps (<c>migrate</c>, <c>collectstatic</c>, …) as one batch/v1 Job running <c>&lt;app&gt; --release-only</c>
/// once, while the Deployments' containers run their process with <c>--skip-release</c>. An initContainer would not do:
/// it runs in every pod, so every replica and every restart would migrate again, several at once. Kubernetes starts a
/// Deployment without waiting for a Job, so the export says how to apply the two in order.
/// </summary>
internal static class KubernetesReleaseJob
{
    /// <summary>The Job's manifest: the app's image, environment and lock-down, no retries (a failed step stops the release).</summary>
    public static YamlMappingNode Of(Deployment deployment, string image, string name, YamlMappingNode labels)
    {
        var container = Map(
            ("name", Text(Deployment.ReleaseName)),
            ("image", Text(image)),
            // As the Deployments' containers: the app's own --env-file, from the Secret they mount too.
            ("args", List([
                .. KubernetesExporter.InContainerEnvFiles(deployment).SelectMany(f => new[] { Text("--env-file"), Text(f.Replace("$", "$$")) }),
                Text("--release-only")])),
            ("env", List([Map(("name", Text("DOTNET_ENVIRONMENT")), ("value", Text(deployment.EnvironmentName.Replace("$", "$$"))))])),
            ("resources", KubernetesDefaults.DefaultResources()),
            ("securityContext", KubernetesDefaults.ContainerSecurity(lowPort: false)),
            // The root file system is read-only: Python and Django write their temporary files in /tmp.
            ("volumeMounts", List([Map(("name", Text("tmp")), ("mountPath", Text("/tmp"))), .. KubernetesExporter.EnvFilesMount(deployment)])));
        return Map(
            ("apiVersion", Text("batch/v1")),
            ("kind", Text("Job")),
            ("metadata", Map(("name", Text(name)), ("labels", labels))),
            ("spec", Map(
                // Once: a step that failed is not run again behind the user's back (the launcher starts nothing then).
                ("backoffLimit", Number(0)),
                ("template", Map(
                    ("spec", Map(
                        ("restartPolicy", Text("Never")),
                        ("automountServiceAccountToken", Flag(false)),
                        ("securityContext", KubernetesDefaults.PodSecurity()),
                        ("containers", List([container])),
                        ("volumes", List([Map(("name", Text("tmp")), ("emptyDir", Map())), .. KubernetesExporter.EnvFilesVolumeOf(deployment)])))))))));
    }

    /// <summary>How to run the Job before the Deployments, which Kubernetes would start at once.</summary>
    public static string Note(string file, string name) =>
        $"kubernetes: the release steps run once, in the Job '{name}' ({file}), and the Deployments' containers skip them: apply it and wait for it before the others "
        + $"(kubectl apply -f {file} && kubectl wait --for=condition=complete --timeout=-1s job/{name}, then apply the Deployments); "
        + $"a Job cannot be changed once created: delete it (kubectl delete job {name}) before the next release.";
}
