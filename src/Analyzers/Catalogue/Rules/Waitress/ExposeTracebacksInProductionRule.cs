using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0001: waitress's <c>--expose-tracebacks</c> is switched on.</summary>
    public static readonly ExposeTracebacksInProductionRule ExposeTracebacksInProduction = Register(new ExposeTracebacksInProductionRule());
}

/// <summary>PSC0001: Waitress's <c>--expose-tracebacks</c> is switched on.</summary>
internal sealed class ExposeTracebacksInProductionRule() : SettingRule(
        "PSC0001",
        "Tracebacks are exposed to clients",
        "Process option '{0}' is set to true: waitress will show Python tracebacks to every client. Never enable it in production.",
        "With --expose-tracebacks, waitress sends the traceback of every unhandled exception in the response body. " +
        "Tracebacks reveal source paths, settings and data to anyone who can make the app fail. Use it only on a developer machine.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Waitress];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["ExposeTracebacks"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (s.GetBoolean("ExposeTracebacks") == true)
        {
            findings.Add(new(this, "ExposeTracebacks", "ExposeTracebacks"));
        }
    }
}
