using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>Starts one process's children as real operating-system processes (<see cref="ServerProcess"/>).</summary>
/// <param name="definition">The process.</param>
/// <param name="contentRoot">The directory relative paths resolve against.</param>
/// <param name="logger">The process's logger.</param>
internal sealed class ChildLauncher(ProcessDefinition definition, string contentRoot, ILogger logger) : IChildLauncher
{
    // Where the last child started, for its Unix sockets' relative paths.
    private string? _workingDirectory;

    /// <summary>Servers started before the host was built; the first start adopts this process's one.</summary>
    public EarlyLaunch? Early { get; init; }

    /// <summary>The output buffer's size and overflow policy; <see langword="null"/> for the defaults.</summary>
    public ProdServerLogOptions? Logs { get; init; }

    /// <summary>Where the children's recent output is kept for <c>tail</c>.</summary>
    public OutputRing? Output { get; init; }

    /// <summary>Where the readiness wait reads time.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <inheritdoc/>
    public LaunchPlan Plan() => LaunchPlanner.Plan(definition, contentRoot);

    /// <inheritdoc/>
    public ISupervisedChild? AdoptEarly(LaunchPlan plan)
    {
        if (Early?.TryAdopt(plan, logger) is not { } adopted)
        {
            return null;
        }

        // Started while the host was being built; its port and installed version were checked then.
        _workingDirectory = plan.WorkingDirectory;
        adopted.Ring ??= Output;
        return adopted;
    }

    /// <inheritdoc/>
    public void Check(LaunchPlan plan, bool first)
    {
        if (first)
        {
            // The installed server's version only matters once: a restart runs the same binary.
            ServerVersionCheck.Ensure(definition, plan);
            foreach (var note in DryRun.Notes(plan))
            {
                Log.ConfigurationNote(logger, definition.Name, note);
            }
        }

        // Before each spawn, not in the plan: an adopted early server was checked before its fork, and the plan is also
        // made for other questions (which interpreter has a module).
        if ((PortCheck.FindConflict(definition) ?? UnixSockets.FindConflict(definition, plan.WorkingDirectory)
            ?? WrittenFileCheck.Problem(definition, plan.WorkingDirectory)) is { } conflict)
        {
            throw new ServerLaunchException(definition.Name, conflict);
        }
    }

    /// <inheritdoc/>
    public ISupervisedChild Spawn(LaunchPlan plan)
    {
        _workingDirectory = plan.WorkingDirectory;
        return ServerProcess.Start(plan, logger, definition.Backend.StopSignalToGroup, Logs, Output);
    }

    /// <inheritdoc/>
    public Task<ReadinessOutcome> WaitReadyAsync(ISupervisedChild child, CancellationToken cancellationToken) =>
        Readiness.WaitAsync(definition, child, Time, cancellationToken, _workingDirectory);
}
