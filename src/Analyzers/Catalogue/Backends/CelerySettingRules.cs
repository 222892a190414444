using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The production advice for Celery (PSC0501–PSC0599): the worker and beat records share <c>--loglevel</c> and these
/// checks. Celery runs no web app, so there is no app interface to match.
/// </summary>
internal sealed class CelerySettingRules(bool beat) : SettingRuleSet
{
    /// <inheritdoc/>
    public override string Backend => beat ? "CeleryBeat" : "CeleryWorker";

    /// <inheritdoc/>
    public override string ArgsTypeName => beat ? "ProdServer.Config.CeleryBeatArgs" : "ProdServer.Config.CeleryWorkerArgs";

    /// <inheritdoc/>
    public override string? AppInterface => null;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Settings { get; } = ["LogLevel"];

    /// <inheritdoc/>
    public override IReadOnlyList<RuleInfo> Rules { get; } = [RuleMetadata.CeleryDebugLogLevel];

    /// <inheritdoc/>
    protected override void Evaluate(SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (ServerLogLevels.Verbose(s, "LogLevel", "debug") is { } level)
        {
            findings.Add(new(RuleMetadata.CeleryDebugLogLevel, "LogLevel", "LogLevel", level));
        }
    }
}
