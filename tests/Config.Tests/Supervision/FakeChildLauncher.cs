using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace ProdServer.Config.Tests.Supervision;

/// <summary>
/// Starts <see cref="FakeChild"/>ren instead of processes; the readiness wait is the engine's own, on the fake clock, so
/// start-seconds behaves as in production.
/// </summary>
internal sealed class FakeChildLauncher(ProcessDefinition definition, FakeTimeProvider time) : IChildLauncher
{
    private readonly ConcurrentQueue<FakeChild> _started = new();
    private int _nextPid = 1000;

    /// <summary>Every child started, in order.</summary>
    public IReadOnlyList<FakeChild> Started => [.. _started];

    /// <summary>The next checks refuse the start with this message, once each (a port in use, say).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public LaunchPlan Plan() => new(definition.Name, "/fake/server", [], "/", new Dictionary<string, string>());

    public ISupervisedChild? AdoptEarly(LaunchPlan plan) => null;

    public void Check(LaunchPlan plan, bool first)
    {
        if (Refusals.TryDequeue(out var message))
        {
            throw new ServerLaunchException(definition.Name, message);
        }
    }

    public ISupervisedChild Spawn(LaunchPlan plan)
    {
        var child = new FakeChild(time, Interlocked.Increment(ref _nextPid)) { LastError = "ImportError: no module named mysite" };
        _started.Enqueue(child);
        return child;
    }

    public Task<ReadinessOutcome> WaitReadyAsync(ISupervisedChild child, CancellationToken cancellationToken) =>
        Readiness.WaitAsync(definition, child, time, cancellationToken);
}
