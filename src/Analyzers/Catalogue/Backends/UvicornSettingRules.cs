using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The production advice for uvicorn (PSC0301–PSC0399; see <c>../shared/reference/uvicorn.tsv</c>). <c>Uvicorn</c> and
/// <c>UvicornWsgi</c> share <c>UvicornArgs</c> and these checks; they differ in the interface their app must speak.
/// </summary>
internal sealed class UvicornSettingRules(bool wsgi) : SettingRuleSet
{
    /// <inheritdoc/>
    public override string Backend => wsgi ? "UvicornWsgi" : "Uvicorn";

    /// <inheritdoc/>
    public override string ArgsTypeName => "ProdServer.Config.UvicornArgs";

    /// <inheritdoc/>
    public override string? AppInterface => wsgi ? AppTargets.Wsgi : AppTargets.Asgi;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Settings { get; } = ["Reload", "LogLevel", "TimeoutGracefulShutdown"];

    /// <inheritdoc/>
    public override IReadOnlyList<RuleInfo> Rules { get; } = [RuleMetadata.UvicornReloadInProduction, RuleMetadata.UvicornDebugLogLevel, RuleMetadata.StopTimeoutsDoNotNest];

    /// <inheritdoc/>
    protected override void Evaluate(SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        StopTimeoutNesting.Check("TimeoutGracefulShutdown", s.GetInteger("TimeoutGracefulShutdown"), context, findings);
        if (s.GetBoolean("Reload") == true)
        {
            findings.Add(new(RuleMetadata.UvicornReloadInProduction, "Reload", "Reload"));
        }

        // trace is more verbose still than debug: it logs every ASGI message.
        if (ServerLogLevels.Verbose(s, "LogLevel", "debug", "trace") is { } level)
        {
            findings.Add(new(RuleMetadata.UvicornDebugLogLevel, "LogLevel", "LogLevel", level));
        }
    }
}
