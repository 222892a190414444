using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// What decides whether a reload restarts a process: its launch plan (command, arguments, directory, environment, env
/// file values, removed variables, stop signal) and its supervision settings, as a SHA-256 digest, so that the values
/// (secrets from env files among them) are compared without being kept.
/// </summary>
internal static class LaunchFingerprint
{
    public static string Of(ProcessDefinition definition, LaunchPlan plan)
    {
        var text = new StringBuilder();
        void Add(string? value) => text.Append(value?.Length ?? -1).Append(':').Append(value).Append('\0');
        Add(plan.Executable);
        foreach (var argument in plan.Arguments)
        {
            Add(argument);
        }

        Add(plan.WorkingDirectory);
        foreach (var (name, value) in plan.Environment.OrderBy(p => p.Key, StringComparer.Ordinal).Concat(plan.FileEnvironment.OrderBy(p => p.Key, StringComparer.Ordinal)))
        {
            Add(name);
            Add(value);
        }

        foreach (var name in plan.RemovedEnvironment.Order(StringComparer.Ordinal))
        {
            Add(name);
        }

        Add(FormattableString.Invariant($"{plan.StopSignal}|{plan.StopSignalRepeat}|{definition.Backend.Name}|{definition.Restart}|{definition.StartSeconds}|{definition.StartRetries}|{definition.RestartDelay}|{definition.RestartMaxDelay}|{definition.EffectiveStopTimeout}"));
        Add(FormattableString.Invariant($"{definition.Readiness.Path}|{definition.Readiness.Status}|{definition.Readiness.Timeout}|{string.Join(',', definition.DependsOn.Order(StringComparer.OrdinalIgnoreCase))}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
