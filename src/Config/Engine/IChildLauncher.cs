using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// The supervisor's seam to the operating system, for one process: plan, check, spawn, and wait for readiness. The real
/// one is <see cref="ChildLauncher"/>; tests pass fake children, so the supervisor's state machine runs without processes.
/// </summary>
internal interface IChildLauncher
{
    /// <summary>Exactly what the next start runs.</summary>
    /// <returns>The plan.</returns>
    LaunchPlan Plan();

    /// <summary>The child of <paramref name="plan"/> started before the host was built, if there is one (first start only).</summary>
    /// <param name="plan">The planned start.</param>
    /// <returns>The adopted child, or <see langword="null"/> to spawn one.</returns>
    ISupervisedChild? AdoptEarly(LaunchPlan plan);

    /// <summary>What must hold before a spawn: on the first start the installed version; on every start a free port.</summary>
    /// <param name="plan">The planned start.</param>
    /// <param name="first">Whether this is the process's first start.</param>
    /// <exception cref="ServerLaunchException">It cannot be started.</exception>
    void Check(LaunchPlan plan, bool first);

    /// <summary>Starts the child.</summary>
    /// <param name="plan">The planned start.</param>
    /// <returns>The running child.</returns>
    /// <exception cref="ServerLaunchException">The program could not be started.</exception>
    ISupervisedChild Spawn(LaunchPlan plan);

    /// <summary>Waits until <paramref name="child"/> is ready per the process's readiness probe, or exits, or times out.</summary>
    /// <param name="child">The started child.</param>
    /// <param name="cancellationToken">Fires when the process is being stopped.</param>
    /// <returns>What became of the start.</returns>
    Task<ReadinessOutcome> WaitReadyAsync(ISupervisedChild child, CancellationToken cancellationToken);
}
