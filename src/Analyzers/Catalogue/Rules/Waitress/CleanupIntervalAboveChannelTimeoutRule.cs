using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0008: idle connections are swept less often than they time out.</summary>
    public static readonly CleanupIntervalAboveChannelTimeoutRule CleanupIntervalAboveChannelTimeout = Register(new CleanupIntervalAboveChannelTimeoutRule());
}

/// <summary>PSC0008: Idle connections are swept less often than they time out.</summary>
internal sealed class CleanupIntervalAboveChannelTimeoutRule() : SettingRule(
        "PSC0008",
        "CleanupInterval is longer than ChannelTimeout",
        "'{0}' is {1} s but ChannelTimeout is {2} s: idle connections outlive their timeout by up to {1} s; set CleanupInterval to at most the channel timeout.",
        "waitress only closes idle connections when its cleanup sweep runs. A sweep interval longer than the timeout " +
        "keeps dead connections (and their slots under ConnectionLimit) open far longer than intended.",
        RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Production)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Waitress];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["CleanupInterval", "ChannelTimeout"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if ((s.IsSet("CleanupInterval") || s.IsSet("ChannelTimeout"))
            && WaitressSettings.Effective(s, "CleanupInterval", WaitressSettings.DefaultCleanupInterval) is { } cleanup
            && WaitressSettings.Effective(s, "ChannelTimeout", WaitressSettings.DefaultChannelTimeout) is { } timeout
            && cleanup > timeout)
        {
            var at = s.IsSet("CleanupInterval") ? "CleanupInterval" : "ChannelTimeout";
            findings.Add(new(this, at, "CleanupInterval", cleanup, timeout));
        }
    }
}
