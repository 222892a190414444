using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ProdServer.Config.Tests.Supervision;

/// <summary>
/// A process with nothing to probe is ready once it has stayed up for StartSeconds, judged by its own start and exit
/// times, not by whether its exit or the StartSeconds timer was seen first.
/// </summary>
public sealed class StartSecondsReadinessSpecs
{
    [Theory]
    [InlineData(1500, true)]  // it stayed up past StartSeconds, though its exit was seen before the timer fired
    [InlineData(500, false)]  // it exited within StartSeconds
    public async Task An_exit_seen_before_the_timer_counts_as_a_failed_start_only_if_it_came_within_StartSeconds(int ranMilliseconds, bool ready)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var worker = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "proj.celery:app", StartSeconds = TimeSpan.FromSeconds(1) };
        var child = new FakeChild(time, 42);

        var waiting = Readiness.WaitAsync(worker, child, time, CancellationToken.None);
        child.ExitAt(child.StartTime + TimeSpan.FromMilliseconds(ranMilliseconds), 0);

        Assert.Equal(ready ? ReadinessOutcome.Ready : ReadinessOutcome.Exited, await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task An_exit_stamped_within_StartSeconds_is_a_failed_start_even_when_the_timer_fires_before_its_task_completes()
    {
        // Seen once in ten early starts: the server had exited at 0.5 s, and was still called ready at 1 s.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var worker = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "proj.celery:app", StartSeconds = TimeSpan.FromSeconds(1) };
        var child = new FakeChild(time, 42);

        var waiting = Readiness.WaitAsync(worker, child, time, CancellationToken.None);
        child.StampExit(child.StartTime + TimeSpan.FromMilliseconds(500));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ReadinessOutcome.Exited, await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_worker_that_exits_within_StartSeconds_leaves_no_timer_running()
    {
        // The StartSeconds timer ran on after the exit was seen, to the end of StartSeconds.
        var fake = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var time = new Infrastructure.LiveTimers(fake);
        var worker = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "proj.celery:app", StartSeconds = TimeSpan.FromMinutes(5) };
        var child = new FakeChild(fake, 42);

        var waiting = Readiness.WaitAsync(worker, child, time, CancellationToken.None);
        child.ExitAt(child.StartTime + TimeSpan.FromMilliseconds(500), 1);

        Assert.Equal(ReadinessOutcome.Exited, await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, time.Live);
    }
}
