using System.Globalization;
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
    /// <summary>
    /// How long the steps may run: the launcher and the systemd unit wait for a migration as long as it takes, but a step
    /// waiting for a database lock that a running transaction holds would then hold the release (and the wait the note
    /// gives) for ever. An hour is far beyond a migration of an ordinary table; a longer one is the user's to allow,
    /// in the Job before applying it.
    /// </summary>
    public const int DeadlineSeconds = 3600;

    // How much longer the note's kubectl wait waits than the Job may run, so that it ends once the Job can no longer complete.
    private const int WaitMarginSeconds = 60;

    /// <summary>
    /// The Job's manifest: the container and pod of a process's Deployment (<see cref="KubernetesContainer"/>) running the
    /// release steps, with the largest resources of the app's processes, one try and a deadline.
    /// </summary>
    public static YamlMappingNode Of(Deployment deployment, string image, string name, YamlMappingNode labels)
    {
        // The root file system is read-only: Python and Django write their temporary files in /tmp.
        (string, string)[] volumes = [("tmp", "/tmp")];
        var container = KubernetesContainer.Of(deployment, Deployment.ReleaseName, image, ["--release-only"],
            KubernetesDefaults.ReleaseResources(deployment), KubernetesDefaults.ContainerSecurity(lowPort: false), volumes, ports: null);
        return Map(
            ("apiVersion", Text("batch/v1")),
            ("kind", Text("Job")),
            ("metadata", Map(("name", Text(name)), ("labels", labels))),
            ("spec", Map(
                // Once: a step that failed is not run again behind the user's back (the launcher starts nothing then).
                ("backoffLimit", Number(0)),
                ("activeDeadlineSeconds", Number(DeadlineSeconds)),
                ("template", Map(
                    ("spec", KubernetesContainer.PodSpec(deployment, container, volumes, ("restartPolicy", Text("Never")))))))));
    }

    /// <summary>How to run the Job before the Deployments, which Kubernetes would start at once.</summary>
    public static string Note(string file, string name) =>
        $"kubernetes: the release steps run once, in the Job '{name}' ({file}), and the Deployments' containers skip them: apply it and wait for it before the others "
        + $"(kubectl apply -f {file} && kubectl wait --for=condition=complete --timeout={(DeadlineSeconds + WaitMarginSeconds).ToString(CultureInfo.InvariantCulture)}s job/{name}, then apply the Deployments); "
        + $"the Job may run {DeadlineSeconds.ToString(CultureInfo.InvariantCulture)} s (activeDeadlineSeconds; raise it, and the wait's timeout, for a longer migration) and is not retried; "
        + $"a Job cannot be changed once created: delete it (kubectl delete job {name}) before the next release.";
}
