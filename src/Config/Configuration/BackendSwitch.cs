using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Configuration that changes a process's backend replaces the args code gave it (the old server's flags mean nothing
/// to the new one). That is allowed — appsettings.Production.json may well switch Waitress for Gunicorn — but never
/// silent: the settings dropped are named.
/// </summary>
internal static class BackendSwitch
{
    /// <summary>
    /// What to say about switching <paramref name="process"/> to <paramref name="backend"/>, or <see langword="null"/>
    /// when nothing set is lost: a warning, and the note that replaces it in the Development environment, where an
    /// environment's file switching to another server (Django's dev server) is the point, and the settings still apply to
    /// the other environments.
    /// </summary>
    /// <param name="process">The process as code (or an earlier file) declared it.</param>
    /// <param name="backend">The backend configuration names.</param>
    /// <param name="key">The configuration key that switched it.</param>
    /// <returns>One line each naming the process's key and every dropped setting, or <see langword="null"/>.</returns>
    public static (string Warning, string InDevelopment)? Said(ProcessDefinition process, ServerBackend backend, string key)
    {
        if (ReferenceEquals(process.Backend, backend))
        {
            return null;
        }

        var dropped = SetProperties(process.Args, process.Backend.CreateDefaultArgs());
        if (dropped.Count == 0)
        {
            return null;
        }

        var replaced = process.Backend.Name;
        return (
            $"Backend {backend.Name} ({key}) replaces {replaced}, so the {replaced} settings given before are dropped: "
            + $"{string.Join(", ", dropped)}. Set them under {key[..key.LastIndexOf(':')]}:Args for {backend.Name}, or remove them.",
            $"in Development, Backend {backend.Name} ({key}) replaces {replaced}; the {replaced} settings "
            + $"({string.Join(", ", dropped)}) apply in the other environments.");
    }

    /// <summary>
    /// The properties of <paramref name="args"/> whose flags are not in <paramref name="baseline"/>'s command line: what
    /// was set beyond it, whatever its type (names only: values may be secrets). A word no typed flag writes came from
    /// ExtraArgs, or from the positional arguments.
    /// </summary>
    /// <param name="args">The args whose settings are named.</param>
    /// <param name="baseline">The same backend's args to compare with (its defaults, or what configuration alone sets).</param>
    /// <returns>The property names, in the order of the command line.</returns>
    internal static List<string> SetProperties(IServerArgs args, IServerArgs baseline)
    {
        var defaults = new HashSet<string>(Arguments(baseline), StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var word in Arguments(args).Where(w => !defaults.Contains(w)))
        {
            var flagName = word.StartsWith("--", StringComparison.Ordinal) ? word[2..].Split('=')[0] : null;
            var flag = args.Flags.FirstOrDefault(f => f.Kind != FlagKind.Extra && (f.Name == flagName || (f.Kind == FlagKind.Boolean && "no-" + f.Name == flagName)));
            // Flags and extra arguments start with "--"; the positional arguments (rqworker's queues) never start with "-".
            var name = flag?.Property ?? (word.StartsWith('-') ? "ExtraArgs" : args.PositionalProperty ?? "ExtraArgs");
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static List<string> Arguments(IServerArgs args)
    {
        var argv = new List<string>();
        try
        {
            args.AppendArguments(argv);
        }
        catch (ArgumentException)
        {
            argv.Add("\0malformed ExtraArgs"); // set, though the validator will refuse it
        }

        return argv;
    }
}
