using System;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The supervisor's explicit state (starting, running, backoff, stopping, stopped, gave-up), on the dummy server.</summary>
public sealed class ProcessStateSpecs
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static ProcessDefinition Dummy(string name, params string[] words)
    {
        var definition = new ProcessDefinition(name, TestBackend.Dummy) { Args = new TestArgs { Words = words }, App = "test" };
        definition.WorkingDirectory = Python.AppsDirectory;
        definition.Python = Python.Debian;
        definition.StartSeconds = TimeSpan.FromMilliseconds(300);
        definition.RestartDelay = TimeSpan.FromMilliseconds(100);
        return definition;
    }

    [Fact]
    public async Task A_worker_goes_from_starting_to_running_and_a_kill_shows_backoff_then_a_new_pid_with_one_restart_and_exit_137()
    {
        var logs = new CapturingLoggerProvider();
        var supervisor = new ProcessSupervisor(Dummy("svc", "serve"), Python.AppsDirectory, logs.CreateLogger("ProdServer.Process.svc"));
        try
        {
            Assert.Equal(ProcessState.Stopped, supervisor.Status.State);
            supervisor.Start();
            Assert.Equal(ProcessState.Starting, supervisor.Status.State);
            Assert.Equal(supervisor.Current!.Id, supervisor.Status.Pid);

            var running = await supervisor.WaitForAsync(s => s.State == ProcessState.Running, Wait);
            Assert.True(running.State == ProcessState.Running, logs.Text);
            Assert.True(running.IsReady);
            Assert.Null(running.LastExitCode);
            // Running means it stayed up for StartSeconds, so the kill ends a good run, not a failed start.
            var first = running.Pid!.Value;

            Assert.Equal(0, ProcessTable.Signal(first, 9));
            var again = await supervisor.WaitForAsync(s => s.State == ProcessState.Running && s.Pid != first, Wait);

            Assert.True(again.State == ProcessState.Running, logs.Text);
            Assert.Equal(1, again.Restarts);
            Assert.Equal(137, again.LastExitCode);
            Assert.Equal(9, again.LastSignal);
            Assert.NotNull(again.LastExitAt);
            Assert.Contains("svc: running -> backoff", logs.Text);
            Assert.Contains($"svc: backoff -> starting (pid {again.Pid}", logs.Text);
        }
        finally
        {
            await supervisor.StopAsync().WaitAsync(Wait);
        }

        var stopped = supervisor.Status;
        Assert.Equal(ProcessState.Stopped, stopped.State);
        Assert.Null(stopped.Pid);
        Assert.Equal(0, stopped.LastExitCode); // the dummy exits 0 on SIGTERM
        Assert.Contains("svc: stopping -> stopped", logs.Text);
    }

    [Fact]
    public async Task A_restart_stops_and_starts_at_once_with_a_new_pid()
    {
        var logs = new CapturingLoggerProvider();
        var supervisor = new ProcessSupervisor(Dummy("svc", "serve"), Python.AppsDirectory, logs.CreateLogger("ProdServer.Process.svc"));
        try
        {
            supervisor.Start();
            var first = (await supervisor.WaitForAsync(s => s.IsReady, Wait)).Pid;

            Assert.True(await supervisor.RestartAsync().WaitAsync(Wait));
            var next = await supervisor.WaitForAsync(s => s.IsReady && s.Pid != first, Wait);

            Assert.True(next.IsReady, logs.Text);
            Assert.Equal(1, next.Restarts);
            Assert.Equal(0, next.LastExitCode);
            Assert.Contains("svc: running -> stopping", logs.Text);
            Assert.Contains("svc: stopping -> starting", logs.Text);
            Assert.DoesNotContain("-> stopped", logs.Text);
            Assert.DoesNotContain("backoff", logs.Text);
        }
        finally
        {
            await supervisor.StopAsync().WaitAsync(Wait);
        }
    }

    [Fact]
    public async Task A_crash_loop_ends_in_gave_up_with_the_last_exit_code()
    {
        var logs = new CapturingLoggerProvider();
        var definition = Dummy("svc", "exit", "3");
        definition.StartRetries = 1;
        var supervisor = new ProcessSupervisor(definition, Python.AppsDirectory, logs.CreateLogger("ProdServer.Process.svc"));
        supervisor.Start();

        var result = await supervisor.Completion.WaitAsync(Wait);

        Assert.True(result.GaveUp);
        var status = supervisor.Status;
        Assert.Equal(ProcessState.GaveUp, status.State);
        Assert.Equal(3, status.LastExitCode);
        Assert.Null(status.LastSignal);
        Assert.Equal(1, status.Restarts);
        Assert.Contains("svc: backoff -> starting", logs.Text);
        Assert.Contains("svc: starting -> gave-up", logs.Text);
    }
}
