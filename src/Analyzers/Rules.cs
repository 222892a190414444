using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The descriptor of every rule, built from <see cref="RuleRegistry"/>. Descriptors are created here and nowhere else,
/// so that analyzers, code fixes and tests share one instance per rule.
/// </summary>
internal static class Rules
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById =
        RuleRegistry.All.ToDictionary(r => r.Id, Create);

    /// <summary>PSC0001: waitress's <c>ExposeTracebacks</c> is set to <see langword="true"/>.</summary>
    public static DiagnosticDescriptor ExposeTracebacksInProduction => For(RuleRegistry.ExposeTracebacksInProduction);

    /// <summary>The descriptor of a rule.</summary>
    public static DiagnosticDescriptor For(RuleInfo rule) => ById[rule.Id];

    /// <summary>The descriptors of several rules.</summary>
    public static IEnumerable<DiagnosticDescriptor> For(IEnumerable<RuleInfo> rules) => rules.Select(For);

    private static DiagnosticDescriptor Create(RuleInfo rule) => new(
        id: rule.Id,
        title: rule.Title,
        messageFormat: rule.MessageFormat,
        category: rule.Category,
        defaultSeverity: rule.DefaultSeverity switch
        {
            RuleSeverity.Error => DiagnosticSeverity.Error,
            RuleSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        },
        isEnabledByDefault: true,
        description: rule.Description,
        helpLinkUri: rule.HelpLink);
}
