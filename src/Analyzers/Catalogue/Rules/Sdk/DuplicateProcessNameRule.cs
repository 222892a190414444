namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0101: the same process name is declared twice.</summary>
    public static readonly DuplicateProcessNameRule DuplicateProcessName = Register(new DuplicateProcessNameRule());
}

/// <summary>PSC0101: The same process name is declared twice. Judged on code by <c>ProdServerBuilderAnalyzer</c>.</summary>
internal sealed class DuplicateProcessNameRule() : RuleInfo(
        "PSC0101",
        "A process name is declared twice",
        "Process '{0}' is already declared in this configuration; the second declaration replaces the first one's backend or app. Give each process its own name.",
        "Process names are case-insensitive and unique: declaring the same name again (o.UseWaitress(...) declares 'web') " +
        "silently reconfigures the earlier process instead of adding a second one.",
        RuleCategories.Usage, RuleSeverity.Warning, RuleScope.Everywhere);
