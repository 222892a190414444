using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0011: a trusted proxy with no explicit list of trusted headers.</summary>
    public static readonly TrustedProxyWithoutHeadersRule TrustedProxyWithoutHeaders = Register(new TrustedProxyWithoutHeadersRule());
}

/// <summary>PSC0011: A trusted proxy with no explicit list of trusted headers.</summary>
internal sealed class TrustedProxyWithoutHeadersRule() : SettingRule(
        "PSC0011",
        "A trusted proxy without trusted headers",
        "'{0}' is set without TrustedProxyHeaders: waitress trusts only X-Forwarded-Proto by an implicit, deprecated default; list the headers your proxy sets (TrustedProxyHeaders = [XForwardedFor, XForwardedProto]).",
        "Without an explicit list, waitress falls back to trusting X-Forwarded-Proto alone and warns that this default " +
        "will be removed; client addresses from X-Forwarded-For are then ignored, and a future waitress trusts nothing.",
        RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Production)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Waitress];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["TrustedProxy", "TrustedProxyHeaders"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (s.IsSet("TrustedProxy") && !s.IsSet("TrustedProxyHeaders"))
        {
            findings.Add(new(this, "TrustedProxy", "TrustedProxy"));
        }
    }
}
