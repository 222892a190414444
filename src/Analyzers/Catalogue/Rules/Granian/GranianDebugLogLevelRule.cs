namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0402: granian logs at <c>debug</c> or <c>notset</c>.</summary>
    public static readonly GranianDebugLogLevelRule GranianDebugLogLevel = Register(new GranianDebugLogLevelRule());
}

// notset passes every record through, debug's included.
/// <summary>PSC0402: Granian logs at <c>debug</c> or <c>notset</c>.</summary>
internal sealed class GranianDebugLogLevelRule() : DebugLogLevelRule("PSC0402", "Granian", "info", [RuleBackends.Granian, RuleBackends.GranianWsgi], ["debug", "notset"]);
