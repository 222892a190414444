using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The production advice for <c>gunicorn</c> (PSC0201–PSC0299; see <c>../shared/reference/gunicorn.tsv</c>): checks over
/// the settings, never the record, so code, JSON and the runtime share them.
/// </summary>
internal sealed class GunicornSettingRules : SettingRuleSet
{
    /// <inheritdoc/>
    public override string Backend => "Gunicorn";

    /// <inheritdoc/>
    public override string ArgsTypeName => "ProdServer.Config.GunicornArgs";

    /// <inheritdoc/>
    public override string? AppInterface => AppTargets.Wsgi;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Settings { get; } = ["Reload", "Daemon", "LogLevel", "GracefulTimeout"];

    /// <inheritdoc/>
    public override IReadOnlyList<RuleInfo> Rules { get; } =
        [RuleMetadata.GunicornReloadInProduction, RuleMetadata.GunicornDaemon, RuleMetadata.GunicornDebugLogLevel, RuleMetadata.StopTimeoutsDoNotNest];

    /// <inheritdoc/>
    protected override void Evaluate(SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        StopTimeoutNesting.Check("GracefulTimeout", s.GetInteger("GracefulTimeout"), context, findings);
        if (s.GetBoolean("Reload") == true)
        {
            findings.Add(new(RuleMetadata.GunicornReloadInProduction, "Reload", "Reload"));
        }

        if (s.GetBoolean("Daemon") == true)
        {
            findings.Add(new(RuleMetadata.GunicornDaemon, "Daemon", "Daemon"));
        }

        if (ServerLogLevels.Verbose(s, "LogLevel", "debug") is { } level)
        {
            findings.Add(new(RuleMetadata.GunicornDebugLogLevel, "LogLevel", "LogLevel", level));
        }
    }
}
