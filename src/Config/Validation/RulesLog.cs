using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>The start-up check's log messages (category <c>ProdServer.Rules</c>); the rule ID is the event name.</summary>
internal static partial class RulesLog
{
    [LoggerMessage(100, LogLevel.Warning, "{RuleId}: {Message}")]
    public static partial void Warning(ILogger logger, string ruleId, string message);

    [LoggerMessage(101, LogLevel.Information, "{RuleId}: {Message}")]
    public static partial void Information(ILogger logger, string ruleId, string message);

    [LoggerMessage(102, LogLevel.Information, "Rule {RuleId} ({Title}) is switched off by {Key}.")]
    public static partial void SwitchedOff(ILogger logger, string ruleId, string title, string key);
}
