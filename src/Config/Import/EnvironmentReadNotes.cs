using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// What the import says of the environment variables a settings module read: django-prodserver evaluated the settings at
/// every start, so <c>"bind": f"0.0.0.0:{os.environ['PORT']}"</c> followed the platform's <c>PORT</c>; the import evaluates
/// them once and writes the values this shell gave. Each imported value that holds a variable's value is named, with the
/// way to set it per machine here (a <c>ProdServer__…</c> variable in the service's environment); one read from a variable
/// named like a secret is said to be written in clear, without the value.
/// </summary>
internal static class EnvironmentReadNotes
{
    // Words of a variable name that mark a secret (API_KEY, DATABASE_PASSWORD, SENTRY_DSN, …).
    // The most variable names listed in the note about those no imported value holds.
    private const int MostListed = 20;

    /// <summary>Adds the notes for <paramref name="reads"/> (name → the value the settings got, or <see langword="null"/> when unset) against <paramref name="keys"/>.</summary>
    /// <param name="reads">The variables the settings read, in order.</param>
    /// <param name="keys">The imported configuration keys (<c>ProdServer:Processes:web:Args:bind</c>) and values.</param>
    /// <param name="notes">The import's notes.</param>
    public static void Add(IReadOnlyList<KeyValuePair<string, string?>> reads, IReadOnlyDictionary<string, string?> keys, List<string> notes)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in keys)
        {
            if (value is not { Length: > 0 } || Setting(key) is not var (process, setting))
            {
                continue;
            }

            foreach (var (name, read) in reads)
            {
                // The whole value, or a part of it long enough not to be a coincidence (a port in a bind, a host in a URL).
                if (read is not { Length: > 0 } || !(value == read || (read.Length >= 3 && value.Contains(read, StringComparison.Ordinal))))
                {
                    continue;
                }

                held.Add(name);
                var variable = $"ProdServer__Processes__{process}__{setting.Replace(":", "__", StringComparison.Ordinal)}";
                notes.Add(SecretNames.Looks(name)
                    ? $"Process '{process}': {setting} holds the value of ${Names.Printable(name)}, a secret the settings read from the environment: it is written into the file in clear. "
                      + $"Remove it from the file and set {Names.Printable(variable)} in the service's environment instead."
                    : $"Process '{process}': {setting} '{Names.Printable(value, 200)}' holds the value of ${Names.Printable(name)} as this shell had it when the settings were read; "
                      + $"it is not read again at each start, as django-prodserver read it: to set it per machine, set {Names.Printable(variable)} in the service's environment.");
            }
        }

        var others = reads.Select(r => r.Key).Where(name => !held.Contains(name)).ToList();
        if (others.Count > 0)
        {
            var listed = string.Join(", ", others.Take(MostListed).Select(name => "$" + Names.Printable(name)))
                + (others.Count > MostListed ? $" and {others.Count - MostListed} more" : string.Empty);
            notes.Add($"The settings read {listed} from the environment: a value they computed from one is written as it was in this shell, not read again at each start as django-prodserver did.");
        }
    }

    // ProdServer:Processes:web:Args:bind → ("web", "Args:bind").
    private static (string Process, string Setting)? Setting(string key)
    {
        var prefix = ProdServerOptions.SectionName + ":Processes:";
        if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = key[prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (rest[..colon], rest[(colon + 1)..]) : null;
    }

}
