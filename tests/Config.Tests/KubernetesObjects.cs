using System.Collections.Generic;

namespace ProdServer.Config.Tests;

/// <summary>
/// The exported manifests as the official Kubernetes client reads them: KubernetesClient's own YAML loader, which picks
/// each document's model by its <c>apiVersion</c> and <c>kind</c> (the export writes YAML nodes, not these models).
/// </summary>
internal static class KubernetesObjects
{
    /// <summary>Every document of <paramref name="yaml"/> as the client's typed object.</summary>
    public static IReadOnlyList<object> Read(string yaml) => k8s.KubernetesYaml.LoadAllFromString(yaml);
}
