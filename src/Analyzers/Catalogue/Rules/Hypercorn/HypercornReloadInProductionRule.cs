namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0701: hypercorn's <c>--reload</c> is switched on.</summary>
    public static readonly HypercornReloadInProductionRule HypercornReloadInProduction = Register(new HypercornReloadInProductionRule());
}

/// <summary>PSC0701: Hypercorn's <c>--reload</c> is switched on.</summary>
internal sealed class HypercornReloadInProductionRule() : ReloadInProductionRule("PSC0701", "Hypercorn", RuleBackends.Hypercorn, RuleBackends.HypercornWsgi);
