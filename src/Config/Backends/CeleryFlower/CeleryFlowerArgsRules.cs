using System;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// The constraints flower enforces (most of its bad values end in a traceback, some are silently dropped), checked before
/// launch, and one safety rule: flower's UI can shut workers down and revoke tasks, and has no authentication by default, so
/// listening beyond loopback (its default is every interface) needs BasicAuth or Auth.
/// </summary>
internal static class CeleryFlowerArgsRules
{
    private static readonly string[] RotateUnits = ["S", "M", "H", "D", "midnight", "W0", "W1", "W2", "W3", "W4", "W5", "W6"];

    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(CeleryFlowerArgs a, ArgsProblems found)
    {
        CeleryCommonRules.CheckGlobal(a, found);

        found.If(a.InspectTimeout is { } timeout && !(timeout > 0), nameof(a.InspectTimeout),
            $"InspectTimeout must be more than 0 milliseconds, got {ServerArgsRules.Shown(a.InspectTimeout)}.");
        found.Each(a.BasicAuth, nameof(a.BasicAuth), p => p is not null && p.IndexOf(':', StringComparison.Ordinal) > 0 && !p.Contains(',', StringComparison.Ordinal),
            _ => "BasicAuth entries must be user:password (one pair per entry; a comma would split it), got one without.");
        found.If(a.LogRotateWhen is not null && Array.IndexOf(RotateUnits, a.LogRotateWhen) < 0, nameof(a.LogRotateWhen),
            $"LogRotateWhen must be one of {string.Join(", ", RotateUnits)}, got {Quoted.Value(a.LogRotateWhen)}.");
        found.If(a.FormatTask is not null, nameof(a.FormatTask),
            "FormatTask is a Python function: flower takes it only from a --conf file (on the command line it ends in a TypeError); set it in Conf's file.");
        // The condition is PSC0504's (FlowerWithoutAuthenticationRule), so build time and start-up cannot disagree; refused here, once.
        if (FlowerWithoutAuthenticationRule.ServesEveryoneUnauthenticated(found.Settings) is not null)
        {
            found.Add(nameof(a.Address),
                $"Flower would listen on {(string.IsNullOrEmpty(a.Address) ? "every interface (its default)" : a.Address)} without authentication, and its UI can shut workers down: set BasicAuth (user:password) or Auth with AuthProvider, or Address 127.0.0.1 behind an authenticating proxy.");
        }

        found.Each(a.ExtraArgs, nameof(a.ExtraArgs), e => ServerArgument.ExtraArgumentProblem(e) is null,
            e => $"ExtraArgs entry {Quoted.Value(e)} {ServerArgument.ExtraArgumentProblem(e)}.");
    }
}
