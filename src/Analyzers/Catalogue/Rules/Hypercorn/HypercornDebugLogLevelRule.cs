namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0702: hypercorn logs at <c>debug</c>.</summary>
    public static readonly HypercornDebugLogLevelRule HypercornDebugLogLevel = Register(new HypercornDebugLogLevelRule());
}

/// <summary>PSC0702: Hypercorn logs at <c>debug</c> (its <c>--log-level</c> takes Python's level names).</summary>
internal sealed class HypercornDebugLogLevelRule() : DebugLogLevelRule("PSC0702", "Hypercorn", "info", [RuleBackends.Hypercorn, RuleBackends.HypercornWsgi], ["debug", "notset"]);
