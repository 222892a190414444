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

        // The limits themselves are SupervisionLimits', which the analyzers apply to constants and appsettings values.
        var readiness = process.Readiness;
        if (SupervisionLimits.StartSeconds(process.StartSeconds) is { } badStartSeconds)
        {
            yield return new("StartSeconds", badStartSeconds);
        }

        if (SupervisionLimits.StartRetries(process.StartRetries) is { } badStartRetries)
        {
            yield return new("StartRetries", badStartRetries);
        }

        if (SupervisionLimits.RestartDelay(process.RestartDelay) is { } badRestartDelay)
        {
            yield return new("RestartDelay", badRestartDelay);
        }

        if (SupervisionLimits.RestartMaxDelay(process.RestartMaxDelay, process.RestartDelay) is { } badRestartMaxDelay)
        {
            yield return new("RestartMaxDelay", badRestartMaxDelay);
        }

        if (SupervisionLimits.Replicas(process.Replicas) is { } badReplicas)
        {
            yield return new("Replicas", badReplicas);
        }

        if ((process.Resources.Cpu is { } cpu ? SupervisionLimits.Cpu(cpu) : null) is { } badResourcesCpu)
        {
            yield return new("Resources:Cpu", badResourcesCpu);
        }

        if ((process.Resources.Memory is { } memory ? SupervisionLimits.Memory(memory) : null) is { } badResourcesMemory)
        {
            yield return new("Resources:Memory", badResourcesMemory);
        }

        if (SupervisionLimits.ReadinessTimeout(readiness.Timeout) is { } badReadinessTimeout)
        {
            yield return new("Readiness:Timeout", badReadinessTimeout);
        }

        if (SupervisionLimits.ReadinessStatus(readiness.Status) is { } badReadinessStatus)
        {
            yield return new("Readiness:Status", badReadinessStatus);
        }

        if ((readiness.Path is { } path ? SupervisionLimits.ReadinessPath(path) : null) is { } badReadinessPath)
        {
            yield return new("Readiness:Path", badReadinessPath);
        }

        if (readiness.Path is { } asked && SupervisionLimits.ReadinessPath(asked) is null && process.Backend.GetListenEndpoints(process).Count == 0)
        {
            yield return new("Readiness:Path", $"Readiness:Path needs a TCP port to ask, but this {process.Backend.Name} process listens on none (a Unix socket or a worker).");
        }
    }
}
