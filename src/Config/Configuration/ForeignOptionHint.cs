using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Explains an unknown <c>Args</c> key that belongs to another backend, which is what a user meets after moving a process from
/// one server to another (<c>"Backend": "Gunicorn"</c> → <c>"Waitress"</c>) with the old options still in place: the
/// message names the servers that have the option, so it is clear the setting does not carry over.
/// </summary>
internal static class ForeignOptionHint
{
    /// <summary>Describes <paramref name="key"/> for a process now served by <paramref name="backend"/>.</summary>
    /// <param name="key">The configuration key (the last segment of the path), for example <c>workers</c>.</param>
    /// <param name="backend">The process's backend.</param>
    /// <returns>A clause such as "it is a Gunicorn option (--workers) that Waitress does not have", or <see langword="null"/>.</returns>
    public static string? Describe(string key, ServerBackend backend)
    {
        var owners = new List<string>();
        string? flag = null;
        var seenArgs = new HashSet<Type> { backend.CreateDefaultArgs().GetType() };
        foreach (var name in ServerBackends.Names)
        {
            if (ServerBackends.Find(name) is not { } other || !seenArgs.Add(other.CreateDefaultArgs().GetType()))
            {
                continue; // the process's own record, or a second backend with the same record (UvicornWsgi)
            }

            if (other.CreateDefaultArgs().Flags.FirstOrDefault(f => f.Name.Length > 0 && Matches(key, f)) is { } match)
            {
                owners.Add(other.Name);
                flag ??= match.Name;
            }
        }

        return owners.Count == 0
            ? null
            : $"it is {Article(owners[0])} {Join(owners)} option (--{flag}) that {backend.Name} does not have: server options do not carry over when the Backend changes";
    }

    private static bool Matches(string key, FlagInfo flag) =>
        string.Equals(key, flag.Property, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, flag.Name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, flag.Name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase);

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static string Article(string word) => "AEIOU".Contains(char.ToUpperInvariant(word[0]), StringComparison.Ordinal) ? "an" : "a";
}
