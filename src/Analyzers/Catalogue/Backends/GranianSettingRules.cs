using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The production advice for granian (PSC0401–PSC0499; see <c>../shared/reference/granian.tsv</c>). <c>Granian</c> and
/// <c>GranianWsgi</c> share <c>GranianArgs</c> and these checks; they differ in the interface their app must speak.
/// </summary>
internal sealed class GranianSettingRules(bool wsgi) : SettingRuleSet
{
    /// <inheritdoc/>
    public override string Backend => wsgi ? "GranianWsgi" : "Granian";

    /// <inheritdoc/>
    public override string ArgsTypeName => "ProdServer.Config.GranianArgs";

    /// <inheritdoc/>
    public override string? AppInterface => wsgi ? AppTargets.Wsgi : AppTargets.Asgi;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Settings { get; } = ["Reload", "LogLevel", "WorkersKillTimeout"];

    /// <inheritdoc/>
    public override IReadOnlyList<RuleInfo> Rules { get; } = [RuleMetadata.GranianReloadInProduction, RuleMetadata.GranianDebugLogLevel, RuleMetadata.StopTimeoutsDoNotNest];

    /// <inheritdoc/>
    protected override void Evaluate(SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        StopTimeoutNesting.Check("WorkersKillTimeout", s.GetInteger("WorkersKillTimeout"), context, findings);
        if (s.GetBoolean("Reload") == true)
        {
            findings.Add(new(RuleMetadata.GranianReloadInProduction, "Reload", "Reload"));
        }

        // notset passes every record through, debug's included.
        if (ServerLogLevels.Verbose(s, "LogLevel", "debug", "notset") is { } level)
        {
            findings.Add(new(RuleMetadata.GranianDebugLogLevel, "LogLevel", "LogLevel", level));
        }
    }
}
