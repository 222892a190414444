namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0501: a Celery worker or beat logs at <c>DEBUG</c>.</summary>
    public static readonly CeleryDebugLogLevelRule CeleryDebugLogLevel = Register(new CeleryDebugLogLevelRule());
}

/// <summary>PSC0501: A Celery worker or beat logs at <c>DEBUG</c>.</summary>
internal sealed class CeleryDebugLogLevelRule() : DebugLogLevelRule("PSC0501", "Celery", "INFO", [RuleBackends.CeleryWorker, RuleBackends.CeleryBeat], ["debug"]);
