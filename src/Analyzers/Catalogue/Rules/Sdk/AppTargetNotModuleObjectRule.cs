namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0103: an app target the server cannot import.</summary>
    public static readonly AppTargetNotModuleObjectRule AppTargetNotModuleObject = Register(new AppTargetNotModuleObjectRule());
}

/// <summary>
/// PSC0103: An app target the server cannot import: not <c>module:object</c>, or not one of the other forms its server takes
/// (<see cref="AppTargetForm"/>). Judged on code by <c>ProdServerBuilderAnalyzer</c>, on <c>appsettings*.json</c> by the JSON checker.
/// </summary>
internal sealed class AppTargetNotModuleObjectRule() : RuleInfo(
        "PSC0103",
        "The app target is not one the server imports",
        "App '{0}' is not a target the server imports: use {1}.",
        "Servers import the app from a dotted module path and an attribute, separated by a colon (gunicorn also takes a module " +
        "alone or a factory call, granian a .py file). Anything else fails at start (waitress 2.1 does not accept module.object).",
        RuleCategories.Usage, RuleSeverity.Error, RuleScope.Everywhere)
{
    /// <inheritdoc/>
    public override string? EnforcedAtStartBy => "AppTargetSyntax";
}
