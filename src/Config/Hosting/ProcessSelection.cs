using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>Turns the names given on the command line into process definitions.</summary>
internal static class ProcessSelection
{
    /// <summary>The named processes, or the default process when none is named.</summary>
    /// <exception cref="UnknownProcessException">A name is not declared, or nothing is declared.</exception>
    public static IReadOnlyList<ProcessDefinition> Resolve(ProdServerOptions options, IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return options.ResolveDefault() is { } single
                ? [single]
                : throw new UnknownProcessException("No process is declared: add one with AddProdServer(o => o.UseWaitress(...)) or under ProdServer:Processes.");
        }

        var unknown = names.Where(n => options.Find(n) is null).ToList();
        if (unknown.Count > 0)
        {
            var declared = string.Join(", ", options.Processes.Select(p => p.Name));
            throw new UnknownProcessException(
                $"Unknown process {string.Join(", ", unknown.Select(n => $"'{Names.Printable(n)}'"))}{OptionMeant(unknown[0]) ?? Suggestions.DidYouMean(unknown[0], options.Processes.Select(p => p.Name))}. Declared processes: {declared}.");
        }

        return names.Distinct().Select(n => options.Find(n)!).ToList();
    }

    // "app version", "app list": the launcher's option without its dashes. Still an unknown process, as no such word is
    // reserved (a process may be called "version"; only "help" is taken, as a command), but the option is named.
    private static string? OptionMeant(string name)
    {
        foreach (var option in (string[])["--version", .. ServerOverrideBinder.LauncherOptions])
        {
            if (string.Equals(option[2..], name, System.StringComparison.OrdinalIgnoreCase))
            {
                return $" (did you mean {option}?)";
            }
        }

        return null;
    }
}

/// <summary>A process name on the command line that is not declared.</summary>
internal sealed class UnknownProcessException(string message) : System.Exception(message);
