using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ProdServer.Config.Tests.Supervision;

/// <summary>
/// The supervisor's state machine on a fake clock with fake children: back-off, give-up, start-seconds, restart policies
/// and stops, each decided in milliseconds. What only real processes show stays in the integration tests (RestartSpecs).
/// </summary>
public sealed class SupervisorTimingSpecs
{
    // Long enough for a continuation on a loaded machine; a passing test never waits for it.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLogger _log = new();

    private static ProcessDefinition Worker(RestartPolicy restart = RestartPolicy.OnFailure) =>
        new("worker", ServerBackends.CeleryWorker)
        {
            App = "proj.celery:app",
            Restart = restart,
            StartSeconds = TimeSpan.FromSeconds(10),
            StartRetries = 2,
            RestartDelay = TimeSpan.FromSeconds(1),
            RestartMaxDelay = TimeSpan.FromSeconds(30),
        };

    private (ProcessSupervisor Supervisor, FakeChildLauncher Children) Supervise(ProcessDefinition definition)
    {
        var children = new FakeChildLauncher(definition, _time);
        var supervisor = new ProcessSupervisor(definition, "/", _log) { Time = _time, Launcher = children, Jitter = () => 0.5 };
        supervisor.Start();
        return (supervisor, children);
    }

    private static async Task<ProcessStatus> Reaches(ProcessSupervisor supervisor, Func<ProcessStatus, bool> condition)
    {
        var status = await supervisor.WaitForAsync(condition, Bound);
        Assert.True(condition(status), $"the supervisor stayed {status}");
        return status;
    }

    [Fact]
    public async Task A_worker_that_stays_up_for_StartSeconds_is_running_and_not_a_moment_before()
    {
        var (supervisor, _) = Supervise(Worker());

        _time.Advance(TimeSpan.FromSeconds(10) - Tick);
        Assert.Equal(ProcessState.Starting, supervisor.Status.State);

        _time.Advance(Tick);
        await Reaches(supervisor, s => s.State == ProcessState.Running);
        Assert.True(await supervisor.FirstReady);
    }

    [Fact]
    public async Task Failed_starts_back_off_exponentially_and_the_supervisor_gives_up_after_StartRetries()
    {
        var (supervisor, children) = Supervise(Worker());

        // Each start dies at once (within StartSeconds): failed starts 1 and 2 wait 1 s then 2 s; the third is one too many.
        foreach (var (start, wait) in new[] { (0, 1.0), (1, 2.0) })
        {
            children.Started[start].Exit(1);
            await Reaches(supervisor, s => s.State == ProcessState.Backoff && s.Restarts == start);
            _time.Advance(TimeSpan.FromSeconds(wait) - Tick);
            Assert.Equal(start + 1, children.Started.Count);
            _time.Advance(Tick);
            await Reaches(supervisor, s => s.State == ProcessState.Starting && s.Restarts == start + 1);
        }

        children.Started[2].Exit(1);
        var result = await supervisor.Completion.WaitAsync(Bound);

        Assert.True(result.GaveUp);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("gave up after 3 failed starts in a row (StartRetries=2)", result.Message, StringComparison.Ordinal);
        Assert.Contains("ImportError: no module named mysite", result.Message, StringComparison.Ordinal);
        Assert.Equal(ProcessState.GaveUp, supervisor.Status.State);
        Assert.Equal(3, children.Started.Count);
    }

    [Fact]
    public async Task A_crash_after_a_good_run_restarts_after_the_first_delay_because_the_failure_count_starts_again()
    {
        var (supervisor, children) = Supervise(Worker());
        _time.Advance(TimeSpan.FromSeconds(10));
        await Reaches(supervisor, s => s.State == ProcessState.Running);

        _time.Advance(TimeSpan.FromMinutes(5));
        children.Started[0].Exit(1);
        await Reaches(supervisor, s => s.State == ProcessState.Backoff && s.LastExitCode == 1);
        _time.Advance(TimeSpan.FromSeconds(1));

        var status = await Reaches(supervisor, s => s.State == ProcessState.Starting && s.Restarts == 1);
        Assert.Equal(_time.GetUtcNow(), status.StartedAt);
        Assert.Equal(2, children.Started.Count);
    }

    [Fact]
    public async Task A_refused_start_counts_as_a_failed_start_and_is_retried_after_its_back_off()
    {
        var (supervisor, children) = Supervise(Worker());
        children.Refusals.Enqueue("Process 'worker' cannot start: 127.0.0.1:8000 is in use");
        children.Started[0].Exit(1);
        await Reaches(supervisor, s => s.State == ProcessState.Backoff);

        // The first retry is refused before a spawn (a second back-off, from now); the next one, 2 s later, starts a child.
        _time.Advance(TimeSpan.FromSeconds(1));
        var refusedAt = _time.GetUtcNow();
        await Reaches(supervisor, s => s.State == ProcessState.Backoff && s.Since == refusedAt);
        Assert.True(_log.Said("127.0.0.1:8000 is in use"));
        _time.Advance(TimeSpan.FromSeconds(2));

        await Reaches(supervisor, s => s.State == ProcessState.Starting);
        Assert.Equal(2, children.Started.Count);
    }

    [Fact]
    public async Task With_Restart_Never_a_crash_ends_the_process_as_failed_without_a_new_start()
    {
        var (supervisor, children) = Supervise(Worker(RestartPolicy.Never));
        _time.Advance(TimeSpan.FromSeconds(10));
        await Reaches(supervisor, s => s.State == ProcessState.Running);

        children.Started[0].Exit(3);
        var result = await supervisor.Completion.WaitAsync(Bound);

        Assert.True(result.GaveUp);
        Assert.Equal(3, result.ExitCode);
        Assert.Single(children.Started);
    }

    [Fact]
    public async Task With_Restart_OnFailure_a_clean_exit_ends_the_process_as_stopped()
    {
        var (supervisor, children) = Supervise(Worker(RestartPolicy.OnFailure));
        _time.Advance(TimeSpan.FromSeconds(10));
        await Reaches(supervisor, s => s.State == ProcessState.Running);

        children.Started[0].Exit(0);
        var result = await supervisor.Completion.WaitAsync(Bound);

        Assert.False(result.GaveUp);
        Assert.Equal(ProcessState.Stopped, supervisor.Status.State);
        Assert.Equal(0, supervisor.Status.LastExitCode);
    }

    [Fact]
    public async Task A_stop_during_the_back_off_ends_the_process_at_once_without_another_start()
    {
        var (supervisor, children) = Supervise(Worker());
        children.Started[0].Exit(1);
        await Reaches(supervisor, s => s.State == ProcessState.Backoff);

        await supervisor.StopAsync().WaitAsync(Bound);

        Assert.Equal(ProcessState.Stopped, supervisor.Status.State);
        Assert.Single(children.Started);
    }

    [Fact]
    public async Task A_restart_asked_for_stops_the_child_and_starts_the_next_without_back_off()
    {
        var (supervisor, children) = Supervise(Worker());
        _time.Advance(TimeSpan.FromSeconds(10));
        await Reaches(supervisor, s => s.State == ProcessState.Running);

        Assert.True(await supervisor.RestartAsync().WaitAsync(Bound));

        // No time passes on the fake clock: the new start does not wait out a back-off.
        await Reaches(supervisor, s => s.State == ProcessState.Starting && s.Restarts == 1);
        Assert.Equal(1, children.Started[0].Stops);
        Assert.Equal(2, children.Started.Count);
    }

    [Fact]
    public async Task A_process_started_again_after_a_stop_keeps_its_restarts_and_last_exit_and_counts_the_start()
    {
        var (first, _) = Supervise(Worker());
        _time.Advance(TimeSpan.FromSeconds(10));
        await Reaches(first, s => s.State == ProcessState.Running);
        Assert.True(await first.RestartAsync().WaitAsync(Bound));
        await Reaches(first, s => s.State == ProcessState.Starting && s.Restarts == 1);
        await first.StopAsync().WaitAsync(Bound);
        var stopped = first.Status;

        // As the control socket's "start" does: a new supervisor for the same definition, told how the last one ended.
        var again = new ProcessSupervisor(first.Definition, "/", _log) { Time = _time, Launcher = new FakeChildLauncher(first.Definition, _time), Earlier = stopped };
        Assert.Equal(stopped, again.Status);
        again.Start();

        var status = await Reaches(again, s => s.State == ProcessState.Starting);
        Assert.Equal(2, status.Restarts);
        Assert.Equal(stopped.LastExitCode, status.LastExitCode);
        Assert.Equal(stopped.LastExitAt, status.LastExitAt);
    }

    [Fact]
    public async Task A_first_supervisor_counts_no_restart_and_shows_no_exit()
    {
        var (supervisor, _) = Supervise(Worker());

        var status = await Reaches(supervisor, s => s.State == ProcessState.Starting);
        Assert.Equal(0, status.Restarts);
        Assert.Null(status.LastExitCode);
    }
}
