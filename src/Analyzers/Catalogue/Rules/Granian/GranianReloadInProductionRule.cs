namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0401: granian's <c>--reload</c> is switched on.</summary>
    public static readonly GranianReloadInProductionRule GranianReloadInProduction = Register(new GranianReloadInProductionRule());
}

/// <summary>PSC0401: Granian's <c>--reload</c> is switched on.</summary>
internal sealed class GranianReloadInProductionRule() : ReloadInProductionRule("PSC0401", "Granian", RuleBackends.Granian, RuleBackends.GranianWsgi);
