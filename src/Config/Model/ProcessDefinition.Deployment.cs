namespace ProdServer.Config;

/// <summary>Settings that only deployment exports read (see docs/deploy.md).</summary>
public sealed partial class ProcessDefinition
{
    /// <summary>
    /// How many copies of the process an orchestrator runs (Compose's <c>deploy.replicas</c>, a Kubernetes Deployment's
    /// <c>replicas</c>). The host itself always runs one. Default 1; a Celery beat must stay at 1, or every periodic task
    /// is sent once per copy.
    /// </summary>
    public int Replicas { get; set; } = 1;

    /// <summary>The CPU and memory each copy requests (Kubernetes <c>resources.requests</c>); nothing by default.</summary>
    public ResourceRequests Resources { get; } = new();

    /// <summary>Whether this process runs Celery beat (a beat process, or a worker with <c>Beat = true</c>): exactly one per app.</summary>
    public bool RunsCeleryBeat => Args is CeleryBeatArgs || Args is CeleryWorkerArgs { Beat: true };
}
