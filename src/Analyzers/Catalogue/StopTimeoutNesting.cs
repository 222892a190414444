using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// PSC0105 for the servers with a graceful timeout of their own: it must be shorter than the process's StopTimeout, or
/// ProdServer's kill cuts the server's graceful stop short. (The host's ShutdownTimeout, the next level, is only known
/// at start-up; <c>ProductionRulesValidator</c> checks that one.)
/// </summary>
internal static class StopTimeoutNesting
{
    /// <summary>Adds a finding when <paramref name="gracefulSeconds"/> (the setting <paramref name="setting"/>) is not below the StopTimeout.</summary>
    public static void Check(string setting, double? gracefulSeconds, RuleContext context, List<RuleFinding> findings)
    {
        if (gracefulSeconds is { } graceful && context.StopTimeoutSeconds is { } stop && graceful >= stop)
        {
            findings.Add(new(RuleMetadata.StopTimeoutsDoNotNest, setting, setting, Seconds(graceful), "StopTimeout", Seconds(stop),
                "ProdServer kills the server before its own graceful stop ends (unset, StopTimeout is the graceful timeout plus 5 s)"));
        }
    }

    /// <summary>Seconds as the messages write them: <c>30</c>, <c>2.5</c>.</summary>
    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
