using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// The validation's problems, one line each, and which of them are about values typed after <c>--</c>
/// (<c>--threads=0</c>): those are usage errors, not configuration ones (see <see cref="ProdServerRunState.OverrideErrors"/>).
/// </summary>
internal sealed class ValidationFailures : List<string>
{
    private readonly HashSet<string> _typed = new(StringComparer.Ordinal);

    /// <summary>Starts with <paramref name="lines"/> (problems found while binding).</summary>
    public ValidationFailures(IEnumerable<string> lines)
        : base(lines)
    {
    }

    /// <summary>Whether <paramref name="line"/> is about a value typed after <c>--</c>.</summary>
    public bool IsTyped(string line) => _typed.Contains(line);

    /// <summary>
    /// Adds <paramref name="problem"/> of <paramref name="process"/> as a line that names the process and where the value
    /// was set: "Args:Listen[1]" (a backend's rules) becomes "ProdServer:Processes:web:Args:Listen:1" (configuration), or
    /// the flag as it was typed after <c>--</c>; the configuration key would send the user to a file without it.
    /// </summary>
    public void Add(ProcessDefinition process, SettingProblem problem)
    {
        var key = problem.Key.Replace("[", ":", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal);
        var line = $"Process '{process.Name}': {problem.Message} ({process.WhereSet(key)})";
        Add(line);
        if (process.CommandLineFlag(key) is not null)
        {
            _typed.Add(line);
        }
    }
}
