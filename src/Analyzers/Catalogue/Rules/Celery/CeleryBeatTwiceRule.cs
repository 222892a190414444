namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0502: celery beat is declared twice for the same Celery app.</summary>
    public static readonly CeleryBeatTwiceRule CeleryBeatTwice = Register(new CeleryBeatTwiceRule());
}

/// <summary>
/// PSC0502: Celery beat is declared twice for the same Celery app. Judged on code by <c>ProdServerBuilderAnalyzer</c>, on
/// appsettings*.json by <c>AppSettingsProcessesAnalyzer</c>.
/// </summary>
internal sealed class CeleryBeatTwiceRule() : RuleInfo(
        "PSC0502",
        "Celery beat runs more than once for one app",
        "Celery beat is already declared for app '{0}' in this configuration; remove the second one: with two beats every periodic task is sent twice.",
        "Beat is Celery's scheduler: each running beat sends every periodic task on its own schedule, so two beats for one app " +
        "run every task twice. Keep a single beat process (and a single replica of it when deploying).",
        RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Everywhere)
{
    /// <inheritdoc/>
    public override string? EnforcedAtStartBy => "CeleryBeatUniqueness";
}
