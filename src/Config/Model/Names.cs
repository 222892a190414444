using System;
using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>
/// The one rule for the names a configuration gives (processes, release steps, environment variables), checked at
/// configuration level so that every writer downstream (systemd units, supervisord sections, compose services, Kubernetes
/// objects, Procfiles, dry-run comments, log categories) can rely on it instead of escaping each on its own.
/// </summary>
internal static partial class Names
{
    /// <summary>
    /// The longest process or release-step name: 63 is a DNS label, the limit of a Kubernetes object or container name and
    /// of a compose project/service, and leaves a systemd unit name (<c>app-NAME.service</c>, at most 255) plenty of room.
    /// </summary>
    public const int MaxLength = 63;

    /// <summary>Words the command line (and the process managers it exports to) use as commands, so no process may be called so.</summary>
    public static readonly string[] Reserved = ["export", "import", "status", "restart", "start", "stop", "tail", "signal", "reload", "help"];

    /// <summary>What is wrong with a process or release-step name, or <see langword="null"/> when it is acceptable.</summary>
    /// <param name="name">The name.</param>
    /// <param name="kind">What is named, for the message: "process name" or "release step name".</param>
    /// <returns>A sentence without the name in it, or <see langword="null"/>.</returns>
    public static string? NameProblem(string name, string kind = "process name")
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > MaxLength)
        {
            return $"the {kind} has {name.Length} characters, but must have at most {MaxLength} characters (Kubernetes and compose names, systemd unit names)";
        }

        if (!ProcessName().IsMatch(name))
        {
            return $"the {kind} must be letters, digits, '_', '-' or '.', starting with a letter or digit (it becomes a unit file, an ini section, a compose service and a command-line word)";
        }

        if (Array.Exists(Reserved, r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase)))
        {
            return $"the {kind} is reserved: {string.Join(", ", Reserved)} are command words";
        }

        return null;
    }

    /// <summary>Whether <paramref name="name"/> is an environment variable name a POSIX shell can set: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public static bool IsEnvironmentName(string name) => name is not null && EnvironmentName().IsMatch(name);

    // \z, not $: .NET's $ also matches before a final "\n".
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_.\-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ProcessName();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentName();
}
