using System.Collections.Generic;
using System.Diagnostics;

namespace ProdServer.Config;

/// <summary>
/// How a short-lived helper of a launch (a version probe, Django's deployment checklist) is started: in the plan's
/// working directory, with the environment the server itself gets — the env files' variables, the plan's own on top,
/// and the variables the plan removes left out — and its output redirected for a bounded read.
/// </summary>
internal static class PlanStartInfo
{
    /// <summary>The start info for <paramref name="executable"/> with <paramref name="arguments"/>, beside <paramref name="plan"/>'s server.</summary>
    public static ProcessStartInfo For(LaunchPlan plan, string executable, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = plan.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in plan.FileEnvironment)
        {
            info.Environment[name] = value;
        }

        foreach (var (name, value) in plan.Environment)
        {
            info.Environment[name] = value;
        }

        foreach (var name in plan.RemovedEnvironment)
        {
            info.Environment.Remove(name);
        }

        return info;
    }
}
