using System;

namespace ProdServer.Config;

/// <summary>
/// The one rule for the names a configuration gives (processes, release steps, environment variables), checked at
/// configuration level so that every writer downstream (systemd units, supervisord sections, compose services, Kubernetes
/// objects, Procfiles, dry-run comments, log categories) can rely on it instead of escaping each on its own. This part is
/// Roslyn-free and netstandard2.0-clean: the analyzers compile it too, so that the build refuses the names start-up refuses.
/// </summary>
internal static partial class Names
{
    /// <summary>
    /// The longest process or release-step name: 63 is a DNS label, the limit of a Kubernetes object or container name and
    /// of a compose project/service, and leaves a systemd unit name (<c>app-NAME.service</c>, at most 255) plenty of room.
    /// </summary>
    public const int MaxLength = 63;

    /// <summary>Words the command line (and the process managers it exports to) use as commands, so no process may be called so.</summary>
    public static readonly string[] Reserved = ["export", "import", "manage", "status", "restart", "start", "stop", "tail", "signal", "reload", "help"];

    /// <summary>What an environment variable name must be, as a message ends: <c>Environment name "A=B" {EnvironmentNameRule}.</c></summary>
    public const string EnvironmentNameRule =
        "must match [A-Za-z_][A-Za-z0-9_]* (a name the child's environment and a shell can hold; 'PATH=/x' as a name would replace PATH)";

    /// <summary>What is wrong with a process or release-step name, or <see langword="null"/> when it is acceptable.</summary>
    /// <param name="name">The name.</param>
    /// <param name="kind">What is named, for the message: "process name" or "release step name".</param>
    /// <returns>A sentence without the name in it, or <see langword="null"/>.</returns>
    public static string? NameProblem(string name, string kind = "process name")
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (name.Length > MaxLength)
        {
            return $"the {kind} has {name.Length} characters, but must have at most {MaxLength} characters (Kubernetes and compose names, systemd unit names)";
        }

        if (!IsProcessNameSyntax(name))
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
    public static bool IsEnvironmentName(string name)
    {
        if (name is not { Length: > 0 } || !(IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    // [A-Za-z0-9][A-Za-z0-9_.\-]*, in a loop rather than a regex: a first start checks names right after the fork, beside
    // Python's import, and a regex's first match is the regex engine's and SearchValues' first-time code (NamesSpecs
    // holds the regexes as the specification and compares).
    private static bool IsProcessNameSyntax(string name)
    {
        if (name.Length == 0 || !IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    // char.IsAsciiLetter and friends are .NET 7's; the analyzers' netstandard2.0 has none.
    private static bool IsAsciiLetter(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z');

    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || c is >= '0' and <= '9';
}
