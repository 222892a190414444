using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0010: a setting waitress deprecates (<c>--send-bytes</c>).</summary>
    public static readonly DeprecatedSettingRule DeprecatedSetting = Register(new DeprecatedSettingRule());
}

/// <summary>PSC0010: A setting waitress deprecates (<c>--send-bytes</c>).</summary>
internal sealed class DeprecatedSettingRule() : SettingRule(
        "PSC0010",
        "Deprecated waitress setting",
        "'{0}' is deprecated by waitress and will be removed in a future release; remove it ({1}).",
        "waitress warns when a deprecated option is given, and a future waitress will refuse it at start.",
        RuleCategories.Usage, RuleSeverity.Warning, RuleScope.Everywhere)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Waitress];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["SendBytes"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (s.IsSet("SendBytes"))
        {
            findings.Add(new(this, "SendBytes", "SendBytes", "waitress 2.0 and later flush output as soon as it is written"));
        }
    }
}
