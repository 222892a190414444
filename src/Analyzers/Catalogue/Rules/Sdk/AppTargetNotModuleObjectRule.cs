namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0103: an app target that is not <c>module:object</c>.</summary>
    public static readonly AppTargetNotModuleObjectRule AppTargetNotModuleObject = Register(new AppTargetNotModuleObjectRule());
}

/// <summary>PSC0103: An app target that is not <c>module:object</c>. Judged on code by <c>ProdServerBuilderAnalyzer</c>.</summary>
internal sealed class AppTargetNotModuleObjectRule() : RuleInfo(
        "PSC0103",
        "The app target is not module:object",
        "App '{0}' is not 'module:object': use a dotted module, a colon and the object's name, for example mysite.wsgi:application.",
        "Servers import the app from a dotted module path and an attribute, separated by a colon. Anything else fails at start " +
        "(waitress 2.1 does not accept module.object).",
        RuleCategories.Usage, RuleSeverity.Error, RuleScope.Everywhere);
