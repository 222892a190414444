namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0201: gunicorn's <c>--reload</c> is switched on.</summary>
    public static readonly GunicornReloadInProductionRule GunicornReloadInProduction = Register(new GunicornReloadInProductionRule());
}

/// <summary>PSC0201: Gunicorn's <c>--reload</c> is switched on.</summary>
internal sealed class GunicornReloadInProductionRule() : ReloadInProductionRule("PSC0201", "Gunicorn", RuleBackends.Gunicorn);
