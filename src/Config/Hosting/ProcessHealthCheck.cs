using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProdServer.Config;

/// <summary>
/// The readiness of one process as a health check: Healthy while its current child is ready (per its
/// <see cref="ReadinessProbe"/>), Unhealthy while it starts, restarts or after it ended.
/// </summary>
internal sealed class ProcessHealthCheck(string processName, ProdServerSupervisors supervisors) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (supervisors.Find(processName) is not { } supervisor)
        {
            // Declared, but not selected for this run (say a worker run by another host).
            return Task.FromResult(HealthCheckResult.Healthy($"{processName} is not run by this host."));
        }

        var current = supervisor.Current;
        var data = new Dictionary<string, object>
        {
            ["starts"] = supervisor.Starts,
            ["pid"] = current?.Id ?? 0,
        };
        var result = supervisor switch
        {
            { IsReady: true } => HealthCheckResult.Healthy($"{processName}#{current!.Id} is ready ({Readiness.Describe(supervisor.Definition)}).", data),
            { Completion.IsCompleted: true } => new HealthCheckResult(context.Registration.FailureStatus, $"{processName} has ended.", data: data),
            _ when current is null or { Exited.IsCompleted: true } => new HealthCheckResult(context.Registration.FailureStatus, $"{processName} is not running (restarting).", data: data),
            _ => new HealthCheckResult(context.Registration.FailureStatus, $"{processName}#{current.Id} is not ready yet ({Readiness.Describe(supervisor.Definition)}).", data: data),
        };
        return Task.FromResult(result);
    }
}
