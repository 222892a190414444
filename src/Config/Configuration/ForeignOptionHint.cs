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
    public static string? Describe(string key, ServerBackend backend) => Describe(key, backend, out _);

    /// <summary>As <see cref="Describe(string, ServerBackend)"/>, saying whether the key is another server's option (not one this server spells otherwise).</summary>
    /// <param name="key">The configuration key (the last segment of the path).</param>
    /// <param name="backend">The process's backend.</param>
    /// <param name="anotherServers">Whether the key is an option of another server.</param>
    /// <returns>The clause, or <see langword="null"/>.</returns>
    public static string? Describe(string key, ServerBackend backend, out bool anotherServers)
    {
        anotherServers = false;
        if (SameMeaning(key, backend) is { } local)
        {
            return local;
        }

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

        anotherServers = owners.Count > 0;
        return owners.Count == 0
            ? null
            : $"it is {Article(owners[0])} {Join(owners)} option (--{flag}) that {backend.Name} does not have: each server takes only its own options";
    }

    // Keys django-prodserver users bring from another server or from its docs, whose meaning this server spells otherwise:
    // the right key here says more than "it belongs to Celery".
    private static string? SameMeaning(string key, ServerBackend backend)
    {
        var normal = key.Replace('_', '-').ToLowerInvariant();
        return (backend.Name, normal) switch
        {
            ("DjangoDevServer", "addrport" or "addr-port") =>
                "runserver's address is the process's App, not an Args key: \"App\": \"127.0.0.1:8000\" (or a port alone)",
            ("DjangoTasks", "queues" or "queue" or "q") =>
                "db_worker's key for this is queue-name (comma-separated, * for all): \"queue-name\": \"default,emails\"",
            ("DjangoQ", "cluster-name" or "cluster") =>
                "qcluster's key for the cluster name is Name (the --name flag, django-q2 1.5.0 and newer): \"Name\": \"worker-1\"",
            ("Granian" or "GranianWsgi", "http1-settings" or "http2-settings") =>
                $"it is a Python object of Granian's API; write its fields as the {normal[..5]}-* keys instead (\"{normal[..5]}-keep-alive\": true)",
            ("Granian" or "GranianWsgi", "log-dictconfig") =>
                "it is a Python dict of Granian's API; write it to a JSON file and give that file as log-config",
            ("Granian" or "GranianWsgi", "reload-filter") =>
                "it is a Python class of Granian's API, which the command line cannot take; use reload-ignore-patterns or reload-ignore-paths",
            ("Granian" or "GranianWsgi", "target") => "the app is the process's App, not an Args key",
            ("Gunicorn", "logconfig-dict" or "secure-scheme-headers" or "wsgi-app" or "on-starting" or "on-reload" or "when-ready"
                or "pre-fork" or "post-fork" or "post-worker-init" or "worker-int" or "worker-abort" or "pre-exec" or "pre-request"
                or "post-request" or "child-exit" or "worker-exit" or "nworkers-changed" or "on-exit" or "ssl-context") =>
                "it is a gunicorn setting that only a gunicorn.conf.py can hold (no command-line flag); put it in a config file and give that file as config",
            _ => null,
        };
    }

    private static bool Matches(string key, FlagInfo flag) =>
        string.Equals(key, flag.Property, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, flag.Name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, flag.Name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase);

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static string Article(string word) => "AEIOU".Contains(char.ToUpperInvariant(word[0]), StringComparison.Ordinal) ? "an" : "a";
}
