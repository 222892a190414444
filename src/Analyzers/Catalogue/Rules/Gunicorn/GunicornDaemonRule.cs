using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0202: gunicorn's <c>--daemon</c> is switched on under ProdServer's supervision.</summary>
    public static readonly GunicornDaemonRule GunicornDaemon = Register(new GunicornDaemonRule());
}

/// <summary>PSC0202: Gunicorn's <c>--daemon</c> is switched on under ProdServer's supervision.</summary>
internal sealed class GunicornDaemonRule() : SettingRule(
        "PSC0202",
        "Gunicorn is told to daemonize under a supervisor",
        "'{0}' is true: gunicorn would fork into the background and its parent would exit, so ProdServer sees the server stop and loses its child; remove it, ProdServer already keeps gunicorn running.",
        "With --daemon, gunicorn detaches from the process that started it. ProdServer supervises its child: it reads " +
        "the child's logs, stops it on shutdown and restarts it when it exits. A daemonized gunicorn escapes all of that and " +
        "keeps running unsupervised; ProdServer's start-up validation refuses it too.",
        RuleCategories.Reliability, RuleSeverity.Error, RuleScope.Everywhere)
{
    /// <inheritdoc/>
    public override string? EnforcedAtStartBy => "GunicornArgsRules";

    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Gunicorn];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["Daemon"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (Detaches(s))
        {
            findings.Add(new(this, "Daemon", "Daemon"));
        }
    }

    /// <summary>Whether gunicorn would daemonize, detaching from ProdServer (the condition, shared with <c>GunicornArgsRules</c>).</summary>
    public static bool Detaches(SettingsBag s) => s.GetBoolean("Daemon") == true;
}
