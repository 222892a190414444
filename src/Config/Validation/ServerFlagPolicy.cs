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

    /// <summary>Why <paramref name="flag"/> (<c>--name</c>, <c>--name=value</c> or <c>--no-name</c>) may not be passed untyped to <paramref name="args"/>' server, or <see langword="null"/>.</summary>
    /// <param name="args">The typed record of the server.</param>
    /// <param name="flag">The flag as written.</param>
    /// <param name="typedFlagsAllowed">Whether a typed flag is acceptable here (after <c>--</c> it is bound to its typed key, so it is).</param>
    public static string? Problem(IServerArgs args, string flag, bool typedFlagsAllowed)
    {
        var name = Name(flag);
        if (name.Length == 0)
        {
            return null;
        }

        var refused = Everywhere.Concat(ByCommand.GetValueOrDefault(args.Command, [])).ToArray();
        if (Array.Find(refused, r => r == name || (name.Length >= 3 && r.StartsWith(name, StringComparison.Ordinal))) is { } detaching)
        {
            return $"--{detaching} would detach {args.Command} from its supervisor, replace its configuration or make it exit at once; "
                + (detaching is "check-config" or "print-config" ? "use the launcher's --check or --dry-run instead" : "it is refused");
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

    // "--bind=x" → "bind"; "--bind" → "bind".
    private static string Name(string flag) => ServerArgument.FlagName(flag) ?? string.Empty;
}
