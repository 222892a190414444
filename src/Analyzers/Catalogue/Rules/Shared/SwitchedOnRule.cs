using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// A rule that fires when one boolean setting is switched on (<c>Reload</c>, <c>Burst</c>, <c>Debug</c>): it reads that
/// setting alone and reports it, once. A value only known at run time does not count. Subclasses give only their words.
/// </summary>
internal abstract class SwitchedOnRule(
    string id, string title, string messageFormat, string description, string category, RuleSeverity severity, RuleScope scope,
    string setting, params RuleBackend[] backends)
    : SettingRule(id, title, messageFormat, description, category, severity, scope)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = backends;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => [setting];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (s.GetBoolean(setting) == true)
        {
            findings.Add(new(this, setting, setting));
        }
    }
}
