namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0301: uvicorn's <c>--reload</c> is switched on.</summary>
    public static readonly UvicornReloadInProductionRule UvicornReloadInProduction = Register(new UvicornReloadInProductionRule());
}

/// <summary>PSC0301: Uvicorn's <c>--reload</c> is switched on.</summary>
internal sealed class UvicornReloadInProductionRule() : ReloadInProductionRule("PSC0301", "Uvicorn", RuleBackends.Uvicorn, RuleBackends.UvicornWsgi);
