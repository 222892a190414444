namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0203: gunicorn logs at <c>debug</c>.</summary>
    public static readonly GunicornDebugLogLevelRule GunicornDebugLogLevel = Register(new GunicornDebugLogLevelRule());
}

/// <summary>PSC0203: Gunicorn logs at <c>debug</c>.</summary>
internal sealed class GunicornDebugLogLevelRule() : DebugLogLevelRule("PSC0203", "Gunicorn", "info", [RuleBackends.Gunicorn], ["debug"]);
