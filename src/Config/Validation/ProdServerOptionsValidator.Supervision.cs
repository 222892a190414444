using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>Checks the supervision settings of a process.</summary>
internal sealed partial class ProdServerOptionsValidator
{
    private static IEnumerable<SettingProblem> ValidateSupervision(ProcessDefinition process)
    {
        if (process.Restart is not (RestartPolicy.Never or RestartPolicy.OnFailure or RestartPolicy.Always)) // not Enum.IsDefined: generic code the JIT compiles on a first start
        {
            yield return new("Restart", $"Restart must be Never, OnFailure or Always, got {(int)process.Restart}.");
        }

        // Each limited setting by its key, with its bound value: the limits are SupervisionLimits.ForKey's, which the
        // analyzers apply to C# constants and appsettings values by the same keys.
        var readiness = process.Readiness;
        SettingProblem?[] limited =
        [
            Limited("StartSeconds", time: process.StartSeconds),
            Limited("StartRetries", number: process.StartRetries),
            Limited("RestartDelay", time: process.RestartDelay),
            Limited("RestartMaxDelay", time: process.RestartMaxDelay, restartDelay: process.RestartDelay),
            Limited("Replicas", number: process.Replicas),
            Limited("Resources:Cpu", text: process.Resources.Cpu),
            Limited("Resources:Memory", text: process.Resources.Memory),
            Limited("Readiness:Timeout", time: readiness.Timeout),
            Limited("Readiness:Status", number: readiness.Status),
            Limited("Readiness:Path", text: readiness.Path),
        ];
        foreach (var problem in limited)
        {
            if (problem is not null)
            {
                yield return problem;
            }
        }

        // Asked on the first TCP port, else on the first Unix socket (Readiness.WaitAsync); a worker has neither.
        if (readiness.Path is { } asked && SupervisionLimits.ReadinessPath(asked) is null
            && process.Backend.GetListenEndpoints(process).Count == 0 && process.Backend.GetUnixSockets(process).Count == 0)
        {
            yield return new("Readiness:Path", $"Readiness:Path needs a TCP port or a Unix socket to ask, but this {process.Backend.Name} process listens on neither (a worker).");
        }
    }

    private static SettingProblem? Limited(string key, TimeSpan? time = null, int? number = null, string? text = null, TimeSpan? restartDelay = null) =>
        SupervisionLimits.ForKey(key, time, number, text, restartDelay) is { } problem ? new(key, problem) : null;
}
