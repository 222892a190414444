namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0505: celery Flower runs with tornado's <c>--debug</c>.</summary>
    public static readonly FlowerDebugRule FlowerDebug = Register(new FlowerDebugRule());
}

/// <summary>PSC0505: Celery Flower runs with tornado's <c>--debug</c>.</summary>
internal sealed class FlowerDebugRule() : SwitchedOnRule(
        "PSC0505",
        "Celery Flower runs in debug mode in production",
        "'{0}' is true: Flower runs tornado in debug mode, which reloads on code changes and sends Python tracebacks to the browser; remove it in production.",
        "Flower passes --debug to tornado, whose debug mode switches on autoreload (the process restarts when a source file " +
        "changes, dropping connections) and serve_traceback (an unhandled error's traceback, with paths and settings, goes to " +
        "whoever made the request). Both are development conveniences.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production, "Debug", RuleBackends.CeleryFlower);
