using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0007: <c>ConnectionLimit</c> above the listen backlog.</summary>
    public static readonly ConnectionLimitAboveBacklogRule ConnectionLimitAboveBacklog = Register(new ConnectionLimitAboveBacklogRule());
}

/// <summary>PSC0007: <c>ConnectionLimit</c> above the listen backlog.</summary>
internal sealed class ConnectionLimitAboveBacklogRule() : SettingRule(
        "PSC0007",
        "ConnectionLimit is above Backlog",
        "'{0}' is {1} but Backlog is {2}: raise Backlog to at least {1} together with the connection limit, or the listen queue overflows first.",
        "The backlog is the queue of connections waiting to be accepted. Raising the connection limit without the backlog " +
        "means bursts are refused by the kernel before waitress's own limit is ever reached; the waitress guide raises both together.",
        RuleCategories.Performance, RuleSeverity.Warning, RuleScope.Production)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Waitress];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["ConnectionLimit", "Backlog"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (s.GetInteger("ConnectionLimit") is { } limit && WaitressSettings.Effective(s, "Backlog", WaitressSettings.DefaultBacklog) is { } backlog && limit > backlog)
        {
            findings.Add(new(this, "ConnectionLimit", "ConnectionLimit", limit, backlog));
        }
    }
}
