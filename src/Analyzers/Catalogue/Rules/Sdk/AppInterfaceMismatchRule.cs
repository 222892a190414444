namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0104: a WSGI server pointed at an ASGI module, or the other way round.</summary>
    public static readonly AppInterfaceMismatchRule AppInterfaceMismatch = Register(new AppInterfaceMismatchRule());
}

/// <summary>PSC0104: A WSGI server pointed at an ASGI module, or the other way round. Judged on code by <c>ProdServerBuilderAnalyzer</c>.</summary>
internal sealed class AppInterfaceMismatchRule() : RuleInfo(
        "PSC0104",
        "The app's interface does not match the server",
        "App '{0}' points at Django's {1} entry point, but {2} serves {3} apps; point it at the {3} module ({4}) or use a server for {1}.",
        "Django's asgi.py and wsgi.py expose different interfaces. A WSGI server such as waitress calls an ASGI app the " +
        "wrong way and every request fails with a server error.",
        RuleCategories.Usage, RuleSeverity.Warning, RuleScope.Everywhere);
