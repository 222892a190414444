using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;
using static ProdServer.Config.ManifestYaml;

namespace ProdServer.Config;

/// <summary>
/// The container and pod every workload of the app runs — a process's Deployment, the release steps' Job — built in one
/// place, so that the two cannot drift apart: the app's image with its own <c>--env-file</c>s from the Secret, its
/// environment, the lock-down of <see cref="KubernetesDefaults"/>, its resources, and the <c>emptyDir</c> volumes a
/// read-only root file system needs.
/// </summary>
internal static class KubernetesContainer
{
    /// <summary>The container <paramref name="name"/>, running the app with <paramref name="arguments"/> after its env files.</summary>
    /// <param name="deployment">The app.</param>
    /// <param name="name">The container's name.</param>
    /// <param name="image">The app's image.</param>
    /// <param name="arguments">The app's arguments after its <c>--env-file</c>s: the process name, or <c>--release-only</c>.</param>
    /// <param name="resources">Its requests and limits.</param>
    /// <param name="security">Its securityContext.</param>
    /// <param name="volumes">Its writable volumes (<see cref="KubernetesDefaults.WritableVolumes"/>), mounted where it writes.</param>
    /// <param name="ports">Its <c>ports</c>, or <see langword="null"/> for none.</param>
    /// <param name="probes">Its probes, written last.</param>
    public static YamlMappingNode Of(
        Deployment deployment, string name, string image, IEnumerable<string> arguments, YamlMappingNode resources, YamlMappingNode security,
        IReadOnlyList<(string Name, string Path)> volumes, YamlNode? ports, params (string Key, YamlNode? Value)[] probes) =>
        Map([
            ("name", Text(name)),
            ("image", Text(image)),
            // Kubernetes expands $(VAR) in args and env values; "$$" is its escape for a literal '$'. The app's own
            // --env-file (files from a Secret, read by the app's parser) come first, as on the launcher's command line.
            ("args", List([.. KubernetesExporter.InContainerEnvFiles(deployment).SelectMany(f => new[] { "--env-file", f }).Concat(arguments).Select(a => Text(Literal(a)))])),
            ("env", List([Map(("name", Text("DOTNET_ENVIRONMENT")), ("value", Text(Literal(deployment.EnvironmentName))))])),
            ("ports", ports),
            ("resources", resources),
            ("securityContext", security),
            ("volumeMounts", List([
                .. volumes.Select(v => Map(("name", Text(v.Name)), ("mountPath", Text(v.Path)))),
                .. KubernetesExporter.EnvFilesMount(deployment)])),
            .. probes]);

    /// <summary>The pod of <paramref name="container"/>: <paramref name="first"/>, then the lock-down and the volumes.</summary>
    /// <param name="deployment">The app.</param>
    /// <param name="container">Its one container (<see cref="Of"/>).</param>
    /// <param name="volumes">The container's writable volumes, each an <c>emptyDir</c>.</param>
    /// <param name="first">The fields of this kind of pod (its restart policy, its grace period).</param>
    public static YamlMappingNode PodSpec(Deployment deployment, YamlMappingNode container, IReadOnlyList<(string Name, string Path)> volumes, params (string Key, YamlNode? Value)[] first) =>
        Map([
            .. first,
            // The app never talks to the Kubernetes API: no token to steal.
            ("automountServiceAccountToken", Flag(false)),
            ("securityContext", KubernetesDefaults.PodSecurity()),
            ("containers", List([container])),
            ("volumes", List([
                .. volumes.Select(v => Map(("name", Text(v.Name)), ("emptyDir", Map()))),
                .. KubernetesExporter.EnvFilesVolumeOf(deployment)]))]);

    private static string Literal(string value) => value.Replace("$", "$$", System.StringComparison.Ordinal);
}
