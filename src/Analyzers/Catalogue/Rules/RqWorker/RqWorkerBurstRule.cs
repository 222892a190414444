namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0901: an RQ worker under supervision runs in burst mode.</summary>
    public static readonly RqWorkerBurstRule RqWorkerBurst = Register(new RqWorkerBurstRule());
}

/// <summary>
/// PSC0901: <c>rqworker --burst</c> exits 0 as soon as its queues are empty; under the default restart policy
/// (<c>OnFailure</c>) a clean exit is not restarted, so the jobs queued after it are never run.
/// </summary>
internal sealed class RqWorkerBurstRule() : SwitchedOnRule(
    "PSC0901",
    "An RQ worker in burst mode stops when its queues are empty",
    "'{0}' is true: rqworker exits 0 as soon as its queues are empty, and a clean exit is not restarted unless Restart is Always, so jobs queued later wait for a worker that is gone; remove it for a long-running worker.",
    "Burst mode is for one-off draining (a cron job, a test): the worker processes what is queued and exits with code 0. " +
    "As a supervised production process that ends the worker for good under the default restart policy (OnFailure), " +
    "and with Restart=Always it turns into a restart loop that polls Redis at the restart delay. Run a normal worker.",
    RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Production, "Burst", RuleBackends.RqWorker);
