using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>Checks the supervision settings of a process.</summary>
internal sealed partial class ProdServerOptionsValidator
{
    // Task.Delay's limit, and far beyond any sensible wait.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private static IEnumerable<SettingProblem> ValidateSupervision(ProcessDefinition process)
    {
        if (process.Restart is not (RestartPolicy.Never or RestartPolicy.OnFailure or RestartPolicy.Always)) // not Enum.IsDefined: generic code the JIT compiles on a first start
        {
            yield return new("Restart", $"Restart must be Never, OnFailure or Always, got {(int)process.Restart}.");
        }

        if (process.StartSeconds < TimeSpan.Zero || process.StartSeconds > LongestWait)
        {
            yield return new("StartSeconds", $"StartSeconds must be between 0 and 1 day, got {process.StartSeconds}.");
        }

        if (process.StartRetries is < 0 or > 1000)
        {
            yield return new("StartRetries", $"StartRetries must be between 0 and 1000, got {process.StartRetries}.");
        }

        if (process.RestartDelay < TimeSpan.Zero || process.RestartDelay > LongestWait)
        {
            yield return new("RestartDelay", $"RestartDelay must be between 0 and 1 day, got {process.RestartDelay}.");
        }

        if (process.RestartMaxDelay < process.RestartDelay || process.RestartMaxDelay > LongestWait)
        {
            yield return new("RestartMaxDelay", $"RestartMaxDelay must be at least RestartDelay ({process.RestartDelay}) and at most 1 day, got {process.RestartMaxDelay}.");
        }

        if (process.Replicas is < 1 or > 1000)
        {
            yield return new("Replicas", $"Replicas must be between 1 and 1000, got {process.Replicas}.");
        }

        if (process.Resources.Cpu is { } cpu && !Quantity().IsMatch(cpu))
        {
            yield return new("Resources:Cpu", $"Resources:Cpu must be a Kubernetes quantity such as 250m or 2, got '{cpu}'.");
        }

        if (process.Resources.Memory is { } memory && !Quantity().IsMatch(memory))
        {
            yield return new("Resources:Memory", $"Resources:Memory must be a Kubernetes quantity such as 256Mi or 1Gi, got '{memory}'.");
        }

        var readiness = process.Readiness;
        if (readiness.Timeout <= TimeSpan.Zero || readiness.Timeout > LongestWait)
        {
            yield return new("Readiness:Timeout", $"Readiness:Timeout must be positive and at most 1 day, got {readiness.Timeout}.");
        }

        if (readiness.Status is < 100 or > 599)
        {
            yield return new("Readiness:Status", $"Readiness:Status must be an HTTP status code (100-599), got {readiness.Status}.");
        }

        if (readiness.Path is { } path)
        {
            if (!path.StartsWith('/') || path.Contains("//", StringComparison.Ordinal) || HasControlOrSpace(path))
            {
                yield return new("Readiness:Path", $"Readiness:Path must be an absolute URL path such as /health, without spaces or line breaks, got '{path}'.");
            }
            else if (process.Backend.GetListenEndpoints(process).Count == 0)
            {
                yield return new("Readiness:Path", $"Readiness:Path needs a TCP port to ask, but this {process.Backend.Name} process listens on none (a Unix socket or a worker).");
            }
        }
    }

    // Kubernetes' quantity syntax without signs or exponents, which no request needs: a positive number and a suffix.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?=.*[1-9])[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Quantity();

    private static bool HasControlOrSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
