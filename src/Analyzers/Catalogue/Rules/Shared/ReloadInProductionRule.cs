namespace ProdServer.Config.Analyzers;

/// <summary>
/// Auto-reload switched on (<c>Reload = true</c>): one wording for every server that has it; each server keeps its own
/// ID (in its block of IDs) by deriving its rule from this one.
/// </summary>
internal abstract class ReloadInProductionRule(string id, string server, params RuleBackend[] backends) : SwitchedOnRule(
    id,
    server + " reloads on code changes in production",
    "'{0}' is true: " + server.ToLowerInvariant() + " watches the source files and restarts its workers when one changes, which costs CPU and drops requests in flight; remove it in production and restart the process on deploy instead.",
    "Auto-reload is a development convenience: the server polls or watches every source file and restarts when one " +
    "changes. In production it wastes CPU, restarts workers in the middle of requests when files are replaced during a " +
    "deploy, and can run half-deployed code. Deploy, then restart the process.",
    RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Production, "Reload", backends);
