using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// A rule over one backend's settings: which backends it is about, which settings it reads, and one evaluation over
/// the shared settings view. The C# analyzer, the <c>appsettings*.json</c> analyzer and the start-up check all run it
/// through <c>RuleRegistry.Run</c>, so code, JSON and the bound options get the same findings.
/// </summary>
internal abstract class SettingRule : RuleInfo
{
    protected SettingRule(string id, string title, string messageFormat, string description, string category, RuleSeverity severity, RuleScope scope)
        : base(id, title, messageFormat, description, category, severity, scope)
    {
    }

    /// <summary>The backends whose settings this rule judges (one of <see cref="RuleBackends"/> each).</summary>
    public abstract IReadOnlyList<RuleBackend> Backends { get; }

    /// <summary>
    /// Every property the rule reads on <paramref name="backend"/>'s args record; a test checks each against the real
    /// record, so a rename cannot silently disable a rule.
    /// </summary>
    public abstract IReadOnlyList<string> Reads(RuleBackend backend);

    /// <summary>Adds a finding to <paramref name="findings"/> for each problem in <paramref name="settings"/>.</summary>
    /// <param name="backend">The backend the settings are for (one of <see cref="Backends"/>).</param>
    /// <param name="settings">The settings, from code, a settings file or the bound record.</param>
    /// <param name="context">Where the settings will run.</param>
    /// <param name="findings">Where findings go; production advice is filtered out later in development.</param>
    public abstract void Evaluate(RuleBackend backend, SettingsBag settings, RuleContext context, List<RuleFinding> findings);
}
