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
    public override IReadOnlyList<string> Settings { get; } = ["LogLevel", "Broker", "ResultBackend"];

    /// <inheritdoc/>
    public override IReadOnlyList<RuleInfo> Rules { get; } = [RuleMetadata.CeleryDebugLogLevel, RuleMetadata.CeleryUrlPassword];

    /// <inheritdoc/>
    protected override void Evaluate(SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (ServerLogLevels.Verbose(s, "LogLevel", "debug") is { } level)
        {
            findings.Add(new(RuleMetadata.CeleryDebugLogLevel, "LogLevel", "LogLevel", level));
        }

        // The setting's name only: the message must never carry the password it warns about.
        foreach (var setting in new[] { "Broker", "ResultBackend" })
        {
            if (HasPassword(s.GetString(setting)))
            {
                findings.Add(new(RuleMetadata.CeleryUrlPassword, setting, setting));
            }
        }
    }

    // scheme://user:password@host… with a non-empty password (the runtime's UrlCredentials masks the same shape).
    private static bool HasPassword(string? url)
    {
        var scheme = url?.IndexOf("://", System.StringComparison.Ordinal) ?? -1;
        if (scheme <= 0)
        {
            return false;
        }

        var rest = url!.Substring(scheme + 3);
        var end = rest.IndexOfAny(['/', '?', '#', ';']);
        var authority = end < 0 ? rest : rest.Substring(0, end);
        var at = authority.LastIndexOf('@');
        var colon = at < 0 ? -1 : authority.IndexOf(':');
        return colon >= 0 && colon < at - 1;
    }
}
