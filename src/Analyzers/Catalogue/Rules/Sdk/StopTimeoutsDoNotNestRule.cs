using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0105: the stop timeouts do not nest: the server's graceful timeout &lt; the process's StopTimeout &lt; the host's ShutdownTimeout.</summary>
    public static readonly StopTimeoutsDoNotNestRule StopTimeoutsDoNotNest = Register(new StopTimeoutsDoNotNestRule());
}

/// <summary>
/// PSC0105 for the servers with a graceful timeout of their own: it must be shorter than the process's StopTimeout, or
/// ProdServer's kill cuts the server's graceful stop short. The host's ShutdownTimeout, the next level, is only known at
/// start-up: <see cref="CheckHost"/>, which <c>ProductionRulesValidator</c> calls.
/// </summary>
internal sealed class StopTimeoutsDoNotNestRule() : SettingRule(
        "PSC0105",
        "Stop timeouts do not nest",
        "{0} is {1} s, but {2} is {3} s, so {4}; raise {2} or lower {0}",
        "A graceful stop only works when each waiting party gives the next one time: the server's own graceful timeout " +
        "(Gunicorn GracefulTimeout, Uvicorn TimeoutGracefulShutdown, Granian WorkersKillTimeout) must be shorter than the " +
        "process's StopTimeout, which must be shorter than the host's ShutdownTimeout (and the exported systemd, supervisord, " +
        "Compose and Kubernetes timeouts, which ProdServer derives longer still). Otherwise requests in flight are cut off by a kill.",
        RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Everywhere)
{
    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => [GracefulTimeoutOf(backend)];

    /// <summary>
    /// The last level, known only at start-up: a <c>StopTimeout</c> the user chose that is longer than the host's
    /// <c>ShutdownTimeout</c>, which caps the stop. (A server's default, Gunicorn's 30 s graceful + 5 s, is capped
    /// silently, as documented, so the caller passes only a chosen StopTimeout.)
    /// </summary>
    public void CheckHost(double stopSeconds, double hostSeconds, List<RuleFinding> findings)
    {
        if (stopSeconds > hostSeconds)
        {
            findings.Add(new(this, "StopTimeout", "StopTimeout", Seconds(stopSeconds), "the host's ShutdownTimeout", Seconds(hostSeconds),
                "the host ends the run (and ProdServer cuts the stop short) before the server's graceful stop can finish (builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = …))"));
        }
    }

    /// <summary>Seconds as the messages write them: <c>30</c>, <c>2.5</c>.</summary>
    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    // The server's own graceful timeout, by the backend's record.
    private static string GracefulTimeoutOf(RuleBackend backend) => backend.ArgsTypeName switch
    {
        "ProdServer.Config.GunicornArgs" => "GracefulTimeout",
        "ProdServer.Config.UvicornArgs" => "TimeoutGracefulShutdown",
        "ProdServer.Config.GranianArgs" => "WorkersKillTimeout",
        _ => throw new ArgumentException("PSC0105 does not judge " + backend.Name + ".", nameof(backend)),
    };

    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Gunicorn, RuleBackends.Uvicorn, RuleBackends.UvicornWsgi, RuleBackends.Granian, RuleBackends.GranianWsgi];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        var setting = GracefulTimeoutOf(backend);
        if (s.GetInteger(setting) is { } graceful && context.StopTimeoutSeconds is { } stop && graceful >= stop)
        {
            findings.Add(new(this, setting, setting, Seconds(graceful), "StopTimeout", Seconds(stop),
                "ProdServer kills the server before its own graceful stop ends (unset, StopTimeout is the graceful timeout plus 5 s)"));
        }
    }
}
