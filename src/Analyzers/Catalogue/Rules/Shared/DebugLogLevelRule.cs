using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// A server logging at debug level (<c>LogLevel</c>): one wording for every server that has it; each server keeps its
/// own ID by deriving its rule from this one, with its safe level and the level names that count as debug.
/// </summary>
internal abstract class DebugLogLevelRule(string id, string server, string safeLevel, RuleBackend[] backends, string[] verboseLevels) : SettingRule(
    id,
    server + " logs at debug level in production",
    "'{0}' is {1}: " + server.ToLowerInvariant() + " logs every detail, which floods the logs and can write request data to them; use " + safeLevel + " (or warning) in production.",
    "Debug logging is meant for chasing a problem on a developer machine. In production it multiplies log volume and " +
    "cost, slows the server down, and can write request headers, payloads or task arguments (cookies, tokens, personal " +
    "data) to the logs. Keep the default level and raise it only while investigating.",
    RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Production)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = backends;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["LogLevel"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (ServerLogLevels.Verbose(s, "LogLevel", verboseLevels) is { } level)
        {
            findings.Add(new(this, "LogLevel", "LogLevel", level));
        }
    }
}
