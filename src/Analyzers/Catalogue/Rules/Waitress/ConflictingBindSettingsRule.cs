using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0004: <c>Listen</c> or <c>UnixSocket</c> is combined with <c>Host</c>/<c>Port</c> (or each other).</summary>
    public static readonly ConflictingBindSettingsRule ConflictingBindSettings = Register(new ConflictingBindSettingsRule());
}

/// <summary>PSC0004: <c>Listen</c> or <c>UnixSocket</c> is combined with <c>Host</c>/<c>Port</c> (or each other).</summary>
internal sealed class ConflictingBindSettingsRule() : SettingRule(
        "PSC0004",
        "Listen or UnixSocket combined with Host or Port",
        "'{0}' cannot be combined with {1}: waitress refuses to start. Use Listen alone (Listen = [\"host:port\"]), Host and Port alone, or UnixSocket alone.",
        "waitress raises an error at start when --listen is given together with --host or --port, or --unix-socket " +
        "together with any of them. Choose one way to say where the server listens.",
        RuleCategories.Usage, RuleSeverity.Error, RuleScope.Everywhere)
{
    /// <inheritdoc/>
    public override string? EnforcedAtStartBy => "WaitressArgsRules";

    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Waitress];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["UnixSocket", "Host", "Port", "Listen"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        // One finding: the Unix socket's conflict names Listen too.
        if (UnixSocketConflicts(s) is { Length: > 0 } others)
        {
            findings.Add(new(this, "UnixSocket", "UnixSocket", others));
        }
        else if (ListenConflicts(s) is { Length: > 0 } hostPort)
        {
            findings.Add(new(this, "Listen", "Listen", hostPort));
        }
    }

    /// <summary>What <c>UnixSocket</c> is combined with (<c>Host and Listen</c>), or empty; shared with <c>WaitressArgsRules</c>.</summary>
    public static string UnixSocketConflicts(SettingsBag s) => s.IsSet("UnixSocket") ? WaitressSettings.JoinSet(s, "Host", "Port", "Listen") : string.Empty;

    /// <summary>What <c>Listen</c> is combined with (<c>Host and Port</c>), or empty; shared with <c>WaitressArgsRules</c>.</summary>
    public static string ListenConflicts(SettingsBag s) => s.IsSet("Listen") ? WaitressSettings.JoinSet(s, "Host", "Port") : string.Empty;
}
