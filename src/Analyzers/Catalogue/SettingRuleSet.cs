using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The rules about one backend's args record. A new backend adds one subclass (in <c>Catalogue/Backends/</c>) and one
/// line in <see cref="SettingRuleSets"/>; the analyzer, the JSON checker and the runtime pick it up from there.
/// </summary>
internal abstract class SettingRuleSet
{
    /// <summary>The backend's name in configuration (<c>"Backend": "Waitress"</c>).</summary>
    public abstract string Backend { get; }

    /// <summary>The args record's metadata name (<c>ProdServer.Config.WaitressArgs</c>), which the analyzer resolves.</summary>
    public abstract string ArgsTypeName { get; }

    /// <summary>What the app target must be: <c>WSGI</c>, <c>ASGI</c>, or <see langword="null"/> for servers that run no web app.</summary>
    public abstract string? AppInterface { get; }

    /// <summary>Every property the rules read; a test checks each against the real args record, so a rename cannot silently disable a rule.</summary>
    public abstract IReadOnlyList<string> Settings { get; }

    /// <summary>The rules <see cref="Evaluate"/> can report, for the analyzer's list of supported diagnostics.</summary>
    public abstract IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>Evaluates every rule; development-only settings are filtered by the caller through <see cref="Run"/>.</summary>
    protected abstract void Evaluate(SettingsBag settings, RuleContext context, List<RuleFinding> findings);

    /// <summary>The findings for <paramref name="settings"/>, without production advice when <see cref="RuleContext.IsDevelopment"/>.</summary>
    public List<RuleFinding> Run(SettingsBag settings, RuleContext context)
    {
        var findings = new List<RuleFinding>();
        Evaluate(settings, context, findings);
        if (context.IsDevelopment)
        {
            findings.RemoveAll(f => f.Rule.Scope == RuleScope.Production);
        }

        return findings;
    }
}
