using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0801: uwsgi's <c>--py-autoreload</c> is switched on.</summary>
    public static readonly UwsgiPyAutoreloadInProductionRule UwsgiPyAutoreloadInProduction = Register(new UwsgiPyAutoreloadInProductionRule());
}

/// <summary>
/// PSC0801: uWSGI's <c>--py-autoreload N</c> (N &gt; 0 seconds) scans every loaded module and reloads all workers when
/// one changes; a development convenience, so it is advice for production (the catalogue's trap), not an error.
/// </summary>
internal sealed class UwsgiPyAutoreloadInProductionRule() : SettingRule(
    "PSC0801",
    "uWSGI reloads on code changes in production",
    "'{0}' is {1}: uwsgi scans every loaded Python module each {1} s and reloads all workers when one changes, which costs CPU and drops requests in flight; remove it in production and restart the process on deploy instead.",
    "py-autoreload is meant for development: the master polls the modification time of every loaded module and, when " +
    "one changes, reloads every worker. In production it wastes CPU, restarts workers in the middle of requests when " +
    "files are replaced during a deploy, and can run half-deployed code. Deploy, then restart the process.",
    RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Production)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Uwsgi];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["PyAutoreload"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        // 0 switches it off, as uwsgi reads it.
        if (s.GetInteger("PyAutoreload") is { } seconds && seconds > 0)
        {
            findings.Add(new(this, "PyAutoreload", "PyAutoreload", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
