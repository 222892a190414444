using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Tells host configuration (<c>--ProdServer:Processes:web:Args:Threads=8</c>, <c>--environment Production</c>), which the
/// host's command-line configuration provider reads, apart from the entry point's own words. A configuration key has a
/// section separator (<c>:</c> or <c>__</c>) or is one of the host's own settings; anything else that looks like an option
/// is ours, so a typo such as <c>--dry-rn</c> is a usage error instead of a silently ignored setting.
/// </summary>
internal static class HostArguments
{
    private static readonly string[] HostKeys = ["environment", "contentRoot", "applicationName"];

    /// <summary>
    /// Splits <paramref name="args"/> (before any <c>--</c>, and before manage.py's own words after <c>manage</c>) into
    /// host configuration and the rest, keeping order.
    /// </summary>
    public static (List<string> Host, List<string> Own) Split(IReadOnlyList<string> args)
    {
        var host = new List<string>();
        var own = new List<string>();
        var end = ManageArgumentsIndex(args) is var manage and >= 0 ? manage : args.Count;
        for (var i = 0; i < end; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break; // server flags follow: neither ours nor the host's
            }

            if (Array.IndexOf(ProdServerCommandLine.OptionsWithValue, arg) >= 0 && i + 1 < args.Count)
            {
                // Our own option's value is never host configuration, even a path that starts with '/'.
                own.Add(arg);
                own.Add(args[++i]);
                continue;
            }

            if (!IsConfigurationKey(arg))
            {
                own.Add(arg);
                continue;
            }

            host.Add(arg);
            // "--key value", as the configuration provider reads it: the next word is the value.
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
            {
                host.Add(args[++i]);
            }
        }

        return (host, own);
    }

    /// <summary>The (key, value) pairs of the host configuration in <paramref name="args"/>, as the provider reads them.</summary>
    public static IEnumerable<(string Key, string Value)> Read(IReadOnlyList<string> args)
    {
        var (host, _) = Split(args);
        for (var i = 0; i < host.Count; i++)
        {
            var key = host[i].TrimStart('-', '/');
            var equals = key.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                yield return (key[..equals], key[(equals + 1)..]);
            }
            else if (i + 1 < host.Count)
            {
                yield return (key, host[++i]);
            }
        }
    }

    /// <summary>
    /// The arguments to give the host's builder: only its configuration, each as one <c>--key=value</c> word. Given the
    /// whole command line, the host's provider reads each of our switches as a key taking the next word as its value, so
    /// <c>web --dry-run --environment Development</c> ran in Production (<c>dry-run</c> = <c>--environment</c>).
    /// </summary>
    public static string[] ForHost(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        foreach (var (key, value) in Read(args))
        {
            words.Add("--" + key + "=" + value);
        }

        return [.. words];
    }

    /// <summary>The last value <paramref name="args"/> give the host setting <paramref name="key"/> (<c>environment</c>), or <see langword="null"/>.</summary>
    public static string? Setting(IReadOnlyList<string> args, string key)
    {
        string? found = null;
        foreach (var (name, value) in Read(args))
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                found = value;
            }
        }

        return found;
    }

    /// <summary>
    /// Where manage.py's own words begin in <c>app manage [OPTIONS] COMMAND [ARGS…]</c>: the first word after
    /// <c>manage</c> that is neither one of its options (with its value) nor host configuration, or just after a
    /// <c>--</c>, or <c>--version</c> (Django's); <paramref name="args"/>' length when there is none; -1 when this is no <c>manage</c> command (only host
    /// configuration may come before the word). From there on every word is manage.py's, as written: <c>--help</c>,
    /// <c>--settings=…</c> and <c>--</c> included.
    /// </summary>
    public static int ManageArgumentsIndex(IReadOnlyList<string> args)
    {
        var i = 0;
        while (i < args.Count && IsConfigurationKey(args[i]))
        {
            i += args[i].Contains('=', StringComparison.Ordinal) ? 1 : 2;
        }

        if (i >= args.Count || args[i] != ProdServerCommandLine.ManageWord)
        {
            return -1;
        }

        for (i++; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return i + 1;
            }

            // "manage.py --version" is Django's (it prints Django's version); manage has none of its own to shadow it.
            // "manage --help" stays manage's own help, which says how to reach manage.py's (manage help, manage CMD --help).
            if (arg == "--version")
            {
                return i;
            }

            if (Array.IndexOf(ProdServerCommandLine.ManageOptionsWithValue, arg) >= 0 || (IsConfigurationKey(arg) && !arg.Contains('=', StringComparison.Ordinal)))
            {
                i++; // and its value
            }
            else if (arg.Length < 2 || arg[0] != '-')
            {
                return i;
            }
        }

        return args.Count;
    }

    private static bool IsConfigurationKey(string arg)
    {
        if (arg == "--" || arg.Length < 2 || !(arg[0] == '-' || arg[0] == '/'))
        {
            return false;
        }

        var key = arg.TrimStart('-', '/');
        var equals = key.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            key = key[..equals];
        }

        return key.Contains(':', StringComparison.Ordinal) || key.Contains("__", StringComparison.Ordinal)
            || Array.Exists(HostKeys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
    }
}
