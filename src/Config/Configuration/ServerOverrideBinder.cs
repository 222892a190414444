using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>
/// Applies server flags given after <c>--</c> (<c>--threads=8 --expose-tracebacks --no-ipv6 --ident psc</c>) to one process's
/// typed args through the same generated binder as configuration, so they are checked like every other value and an
/// unknown flag is an error rather than a surprise for the server. Its mistakes were typed on the command line: they are
/// usage errors (exit 2), returned apart from the configuration's so that the entry point can say them as such.
/// </summary>
internal static class ServerOverrideBinder
{
    /// <summary>Applies <paramref name="flags"/> to the process; its mistakes fail the validation like the configuration's.</summary>
    /// <returns>The mistakes in <paramref name="flags"/>, one line each (also added to the options' binding errors).</returns>
    public static IReadOnlyList<string> Apply(ProdServerOptions options, string? processName, IReadOnlyList<string> flags)
    {
        var process = processName is null ? options.ResolveDefault() : options.Find(processName);
        if (process is null)
        {
            return []; // The unknown name is reported by process selection.
        }

        var errors = new List<string>();
        Bind(process, flags, errors);
        options.SectionBindingErrors.AddRange(errors);
        return errors;
    }

    private static void Bind(ProcessDefinition process, IReadOnlyList<string> flags, List<string> errors)
    {
        var values = new List<KeyValuePair<string, string?>>();
        var typed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // key bound → flag as given (no-such-flag)
        for (var i = 0; i < flags.Count; i++)
        {
            var flag = flags[i];
            if (LauncherHelp.Contains(flag, StringComparer.Ordinal))
            {
                // The servers have --help (and most --version) too, but no one wants a server that prints and exits.
                errors.Add($"Process '{process.Name}': '{flag}' after -- is this app's own option, not a server flag: give it before -- ({process.Name} {flag}).");
                continue;
            }

            if (ServerArgument.SplitLongFlag(flag) is not { Name.Length: > 0 } split)
            {
                errors.Add($"Process '{process.Name}': '{Names.Printable(flag)}' after -- is not a long server flag; write flags as --name=value (short flags and positional words are not accepted).");
                if (flag.Length > 1 && flag[0] == '-' && i + 1 < flags.Count && !flags[i + 1].StartsWith('-'))
                {
                    i++; // "-t 4" is one mistake: its value is not a positional word of its own
                }

                continue;
            }

            if (ServerFlagPolicy.Problem(process.Args, flag, typedFlagsAllowed: true) is { } refused)
            {
                errors.Add($"Process '{process.Name}': '{Names.Printable(flag)}' after -- {refused}.");
                continue;
            }

            var (name, value) = split;
            if (value is not null)
            {
                values.Add(new(name, value));
            }
            else if (i + 1 < flags.Count && !flags[i + 1].StartsWith('-'))
            {
                values.Add(new(name, flags[++i]));
            }
            else if (name.StartsWith("no-", StringComparison.Ordinal))
            {
                values.Add(new(name[3..], "false"));
                typed[name[3..]] = name;
            }
            else
            {
                values.Add(new(name, "true"));
            }
        }

        const string Root = "command line after --";
        var keyed = Keyed(process, values, errors).ToList();
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(keyed.Select(v => new KeyValuePair<string, string?>(Root + ":" + v.Key, v.Value)))
            .Build()
            .GetSection(Root);
        foreach (var (key, _) in keyed)
        {
            var name = key.Split(':')[0];
            if (process.Args.Flags.FirstOrDefault(f => Spellings(f).Contains(name, StringComparer.OrdinalIgnoreCase)) is { } given)
            {
                process.CommandLineFlags[given.Property] = name;
            }
        }

        // The reader names a value by its configuration path, "command line after --:threads"; the user typed a flag.
        var reader = new ArgsConfigurationReader(section) { PathDisplay = path => AsGiven(path, Root) };
        process.Args = process.Args.Bind(reader);
        errors.AddRange(reader.Errors.Select(e => $"Process '{process.Name}': {e}"));
        errors.AddRange(reader.UnknownKeys.Select(k => k[(Root.Length + 1)..].Split(':')[0])
            .Select(k => UnknownFlag(process, "--" + typed.GetValueOrDefault(k, k), Root)));
    }

    // "command line after --:threads" (or a list's item below it, ":threads:0") is "--threads (command line after --)".
    private static string AsGiven(string path, string root) =>
        path.StartsWith(root + ":", StringComparison.Ordinal)
            ? $"--{Names.Printable(path[(root.Length + 1)..].Split(':')[0])} ({root})"
            : path;

    /// <summary>
    /// The run's own options (its --help lists them; a test keeps the two the same), named where one is given after --:
    /// every word there goes to the server, so "app -- --threads=8 --dry-run" started nothing and did not say why.
    /// </summary>
    internal static readonly string[] LauncherOptions = ["--all", "--list", "--dry-run", "--json", "--check", "--env-file", "--skip-release", "--release-only"];

    /// <summary>The run's help and version options, the servers' spellings too: after --, said as the launcher's.</summary>
    internal static readonly string[] LauncherHelp = ["--help", "-h", "--version"];

    private static string UnknownFlag(ProcessDefinition process, string flag, string where)
    {
        var name = flag.Split(':')[0];
        var own = LauncherOptions.Contains(name, StringComparer.Ordinal)
            ? $"; it is this app's own option: give it before -- ({process.Name} {name} -- …)"
            : string.Empty;
        return $"Process '{process.Name}': {flag} ({where}) is not an option of {process.Backend.Command}{own}.";
    }

    // The spellings a flag is given by after --, as the binder reads them: its flag, the same with '_', its property.
    private static string[] Spellings(FlagInfo flag) => [flag.Name, flag.Name.Replace('-', '_'), flag.Property];

    // A list flag given several times (--listen=a --listen=b, as the servers take it) becomes list items listen:0, listen:1;
    // any other flag given twice is an error rather than a duplicate key.
    private static IEnumerable<KeyValuePair<string, string?>> Keyed(ProcessDefinition process, List<KeyValuePair<string, string?>> values, List<string> errors)
    {
        foreach (var group in values.GroupBy(v => v.Key, StringComparer.OrdinalIgnoreCase))
        {
            var items = group.ToList();
            if (items.Count == 1)
            {
                yield return items[0];
                continue;
            }

            var flag = process.Args.Flags.FirstOrDefault(f => string.Equals(f.Name, group.Key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(f.Property, group.Key, StringComparison.OrdinalIgnoreCase));
            if (flag?.Kind != FlagKind.List)
            {
                errors.Add($"Process '{process.Name}': --{Names.Printable(group.Key)} is given {items.Count} times after --; only list flags repeat, give it once.");
                continue;
            }

            for (var i = 0; i < items.Count; i++)
            {
                yield return new(group.Key + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), items[i].Value);
            }
        }
    }
}
