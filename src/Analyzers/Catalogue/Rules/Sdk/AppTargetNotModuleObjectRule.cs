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
        RuleCategories.Usage, RuleSeverity.Error, RuleScope.Everywhere)
{
    /// <inheritdoc/>
    public override string? EnforcedAtStartBy => "AppTargetSyntax";

    /// <summary>
    /// Whether <paramref name="app"/> is <c>dotted.module:dotted.object</c> with Python identifiers on both sides: the
    /// condition, shared with the runtime's <c>AppTargetSyntax</c>, which refuses it at start-up.
    /// </summary>
    public static bool IsModuleObject(string app)
    {
        var colon = app.IndexOf(':');
        return colon > 0 && colon == app.LastIndexOf(':') && IsDottedName(app.Substring(0, colon)) && IsDottedName(app.Substring(colon + 1));
    }

    private static bool IsDottedName(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var part in text.Split('.'))
        {
            if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_'))
            {
                return false;
            }

            foreach (var c in part)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
