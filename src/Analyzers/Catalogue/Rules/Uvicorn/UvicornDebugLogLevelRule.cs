namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0302: uvicorn logs at <c>debug</c> or <c>trace</c>.</summary>
    public static readonly UvicornDebugLogLevelRule UvicornDebugLogLevel = Register(new UvicornDebugLogLevelRule());
}

// trace is more verbose still than debug: it logs every ASGI message.
/// <summary>PSC0302: Uvicorn logs at <c>debug</c> or <c>trace</c>.</summary>
internal sealed class UvicornDebugLogLevelRule() : DebugLogLevelRule("PSC0302", "Uvicorn", "info", [RuleBackends.Uvicorn, RuleBackends.UvicornWsgi], ["debug", "trace"]);
