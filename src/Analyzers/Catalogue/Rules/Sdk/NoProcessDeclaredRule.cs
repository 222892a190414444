namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0102: <c>AddProdServer</c>'s lambda declares no process.</summary>
    public static readonly NoProcessDeclaredRule NoProcessDeclared = Register(new NoProcessDeclaredRule());
}

/// <summary>PSC0102: <c>AddProdServer</c>'s lambda declares no process. Judged on code by <c>ProdServerBuilderAnalyzer</c>.</summary>
internal sealed class NoProcessDeclaredRule() : RuleInfo(
        "PSC0102",
        "AddProdServer declares no process",
        "This AddProdServer lambda declares no process; declare one (o.UseWaitress(\"mysite.wsgi:application\")), or call AddProdServer() without a lambda when every process comes from configuration.",
        "A configuration lambda that declares nothing is usually a process that was forgotten; the start then fails unless " +
        "configuration happens to declare one.",
        RuleCategories.Usage, RuleSeverity.Warning, RuleScope.Everywhere);
