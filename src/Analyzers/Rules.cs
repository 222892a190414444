using Microsoft.CodeAnalysis;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The descriptor of every rule, built from <see cref="RuleMetadata"/>. Descriptors are created here and nowhere else,
/// so that analyzers, code fixes and tests share one instance per rule.
/// </summary>
internal static class Rules
{
    /// <summary>PSC0001: waitress's <c>ExposeTracebacks</c> is set to <see langword="true"/>.</summary>
    public static readonly DiagnosticDescriptor ExposeTracebacksInProduction = new(
        id: RuleMetadata.ExposeTracebacksInProduction.Id,
        title: RuleMetadata.ExposeTracebacksInProduction.Title,
        messageFormat: RuleMetadata.ExposeTracebacksInProduction.MessageFormat,
        category: RuleMetadata.ExposeTracebacksInProduction.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: RuleMetadata.ExposeTracebacksInProduction.Description,
        helpLinkUri: RuleMetadata.ExposeTracebacksInProduction.HelpLink);
}
