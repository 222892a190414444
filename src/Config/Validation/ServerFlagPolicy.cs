using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// What an untyped server flag (an <c>ExtraArgs</c> entry, or a flag after <c>--</c> on the command line) may not do: name a
/// flag the typed record knows (its key is checked; the flag would bypass that), or detach the server, replace its
/// configuration, or make it print something and exit, which would leave the supervisor with an orphan or a server that
/// "exits at once". The refused flags per server come from <c>../shared/reference/*.tsv</c> (checked by the tests).
/// </summary>
internal static class ServerFlagPolicy
{
    // Any backend: the detaching spellings of gunicorn, celery and uwsgi, and the print-and-exit ones.
    private static readonly string[] Everywhere =
        ["daemon", "daemonize", "daemonize2", "detach", "help", "usage", "version", "print-config", "check-config"];

    // Replaces the typed configuration with a file or module the SDK never sees.
    private static readonly Dictionary<string, string[]> ByCommand = new(StringComparer.Ordinal)
    {
        ["gunicorn"] = ["config"],
        ["celery worker"] = ["config"],
        ["celery beat"] = ["config"],
    };

    // The print-and-exit flags no args record types, so that no generated flag table lists them: --help everywhere, and
    // --version where the server's catalogue (../shared/reference/*.tsv) has it; a test keeps the two the same.
    private static readonly string[] WithoutVersion = ["waitress-serve", "daphne", "hypercorn"];

    /// <summary>The untyped print-and-exit flags <paramref name="command"/> has (<c>help</c>, and <c>version</c> where it has one).</summary>
    internal static string[] UntypedPrintAndExit(string command) =>
        Array.IndexOf(WithoutVersion, command) >= 0 ? ["help"] : ["help", "version"];

    /// <summary>Why <paramref name="flag"/> (<c>--name</c>, <c>--name=value</c> or <c>--no-name</c>) may not be passed untyped to <paramref name="args"/>' server, or <see langword="null"/>.</summary>
    /// <param name="args">The typed record of the server.</param>
    /// <param name="flag">The flag as written.</param>
    /// <param name="typedFlagsAllowed">Whether a typed flag is acceptable here (after <c>--</c> it is bound to its typed key, so it is).</param>
    /// <returns>The reason, written to follow the flag ("'--daemon' would detach gunicorn …"), or <see langword="null"/>.</returns>
    public static string? Problem(IServerArgs args, string flag, bool typedFlagsAllowed)
    {
        var name = Name(flag);
        if (name.Length == 0)
        {
            return null;
        }

        var refused = Everywhere.Concat(ByCommand.GetValueOrDefault(args.Command, [])).ToArray();
        if (Array.Find(refused, r => r == name) is { } exact)
        {
            return WhatItDoes(exact, args.Command);
        }

        // argparse and getopt servers take a unique prefix as the flag (gunicorn's --check is --check-config), but only
        // of their own flags: waitress has no --check-config, so "--check" is no abbreviation of it there.
        if (name.Length >= 3 && Array.Find(refused, r => r.StartsWith(name, StringComparison.Ordinal) && Has(args, r)) is { } abbreviated)
        {
            return $"is short for --{abbreviated}, which {WhatItDoes(abbreviated, args.Command)}";
        }

        if (typedFlagsAllowed)
        {
            return null;
        }

        var typed = args.Flags.Where(f => f.Kind != FlagKind.Extra && f.Name.Length > 0).ToList();
        var negated = name.StartsWith("no-", StringComparison.Ordinal) ? name[3..] : null;
        var match = typed.Find(f => f.Name == name || f.Name == negated)
            // argparse and getopt servers take a unique prefix as the flag (--bin=… is --bind=…).
            ?? (typed.Count(f => f.Name.StartsWith(name, StringComparison.Ordinal)) == 1 ? typed.Find(f => f.Name.StartsWith(name, StringComparison.Ordinal)) : null);
        return match is null
            ? null
            : $"sets --{match.Name}, which {args.GetType().Name} has as {match.Property}; set Args:{match.Property} instead, so that it is validated";
    }

    // What the refused flag would do to the server, and what to use instead where the launcher has it.
    private static string WhatItDoes(string refused, string command) => refused switch
    {
        "help" or "usage" => $"would make {command} print its usage and exit at once; it is refused",
        "version" => $"would make {command} print its version and exit at once; it is refused",
        "check-config" => $"would make {command} check its configuration and exit at once; use the launcher's --check instead",
        "print-config" => $"would make {command} print its configuration and exit at once; use the launcher's --dry-run instead",
        "config" => $"would replace {command}'s configuration with a file this app never sees; set its values in configuration instead",
        _ => $"would detach {command} from its supervisor, which would see it exit at once; it is refused",
    };

    // Whether the server has the flag: its generated flag table, or the print-and-exit flags no record types.
    private static bool Has(IServerArgs args, string name) =>
        args.Flags.Any(f => f.Name == name) || Array.IndexOf(UntypedPrintAndExit(args.Command), name) >= 0;

    // "--bind=x" → "bind"; "--bind" → "bind".
    private static string Name(string flag) => ServerArgument.FlagName(flag) ?? string.Empty;
}
