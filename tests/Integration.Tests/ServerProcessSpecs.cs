using System;
using System.Linq;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The engine's stop and exit behaviour, on a purpose-built dummy server (apps/dummy.py).</summary>
public sealed class ServerProcessSpecs
{
    private static (ServerProcess Process, CapturingLoggerProvider Logs) StartDummy(params string[] args)
    {
        var logs = new CapturingLoggerProvider();
        var plan = new LaunchPlan("dummy", Python.Debian, ["dummy.py", .. args], Python.AppsDirectory,
            new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" });
        return (ServerProcess.Start(plan, logs.CreateLogger("ProdServer.Process.dummy")), logs);
    }

    internal static async Task WaitForLineAsync(CapturingLoggerProvider logs, string text, int count = 1)
    {
        var clock = Stopwatch.StartNew();
        while (logs.Text.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal)) < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"fewer than {count} lines with '{text}' appeared:\n{logs.Text}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_server_started_before_the_host_hands_its_first_lines_to_tail_when_it_is_adopted()
    {
        // Before, tail showed nothing of a single process's start: the lines came before the supervisor brought its ring.
        var logs = new CapturingLoggerProvider();
        var plan = new LaunchPlan("dummy", Python.Debian, ["dummy.py", "serve"], Python.AppsDirectory, new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" });
        var server = ServerProcess.StartBeforeHost(plan, logs.CreateLogger("ProdServer.Process.dummy"), stopSignalToGroup: true, logs: null);
        try
        {
            await WaitForLineAsync(logs, "ready");
            var ring = new OutputRing(100);

            server.Ring = ring;

            Assert.Contains(ring.Last(100).Lines, l => l.Contains("ready", StringComparison.Ordinal));
        }
        finally
        {
            await server.StopAsync(TimeSpan.FromSeconds(10)).WaitAsync(TimeSpan.FromSeconds(15));
        }
    }

    [Fact]
    public async Task I_can_stop_a_server_gracefully_with_SIGTERM()
    {
        var (server, logs) = StartDummy("serve");
        await WaitForLineAsync(logs, "ready");

        var code = await server.StopAsync(TimeSpan.FromSeconds(10)).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(0, code);
        Assert.Contains($"dummy#{server.Id} stopped gracefully", logs.Text);
        Assert.False(Loopback.IsRunning(server.Id));
    }

    [Fact]
    public async Task I_can_stop_a_server_that_ignores_SIGTERM_it_is_killed_after_the_stop_timeout()
    {
        var (server, logs) = StartDummy("ignore-sigterm");
        await WaitForLineAsync(logs, "ready");
        var clock = Stopwatch.StartNew();

        var code = await server.StopAsync(TimeSpan.FromMilliseconds(500)).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(137, code); // 128 + SIGKILL
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450), $"killed after {clock.Elapsed}, before the stop timeout");
        Assert.Contains("did not stop within", logs.Text);
        Assert.False(Loopback.IsRunning(server.Id));
    }

    [Fact]
    public async Task A_killed_server_is_all_gone_its_watchdog_included_once_AllGone_completes()
    {
        // The group's SIGKILL reaches the watchdog too, but it may still be dying when the server has been reaped: a
        // launch killed before the host's release steps was once still seen then (CI). Rounds, since that is a race.
        for (var round = 0; round < 10; round++)
        {
            var (server, logs) = StartDummy("serve");
            await WaitForLineAsync(logs, "ready");
            Assert.Contains(ProcessTree.Children(server.Id), ProcessTree.IsWatchdog); // the test needs a watchdog to wait for

            server.Kill();
            await Task.WhenAll(server.Exited, server.AllGone).WaitAsync(TimeSpan.FromSeconds(15));

            Assert.Empty(ProcessTree.InGroup(server.Id));
        }
    }

    [Fact]
    public async Task A_server_exit_code_is_reported_with_its_last_stderr_lines()
    {
        var (server, logs) = StartDummy("exit", "3");

        var code = await server.Exited.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(3, code);
        Assert.Contains("giving up on purpose", server.RecentErrorOutput);
        Assert.Contains(logs.Text.Split('\n'), l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("failed with exit code 3"));
        // The server's own "ERROR:" line keeps its level.
        Assert.Contains("Error ProdServer.Process.dummy: ERROR:dummy:giving up on purpose", logs.Text);
    }

    [Fact]
    public async Task Every_line_the_server_writes_reaches_the_logger_in_order()
    {
        var (server, logs) = StartDummy("lines", "2000");

        Assert.Equal(0, await server.Exited.WaitAsync(TimeSpan.FromSeconds(15)));

        var lines = logs.Text.Split('\n');
        var first = Array.IndexOf(lines, "Information ProdServer.Process.dummy: line 0");
        Assert.True(first >= 0, logs.Text);
        for (var i = 0; i < 2000; i++)
        {
            Assert.Equal($"Information ProdServer.Process.dummy: line {i}", lines[first + i]);
        }
    }

    [Fact]
    public async Task The_server_gets_env_file_variables_the_process_environment_wins_and_scrubbed_ones_are_gone()
    {
        Environment.SetEnvironmentVariable("PSC_TEST_SCRUBBED", "leak");
        try
        {
            var logs = new CapturingLoggerProvider();
            var plan = new LaunchPlan("dummy", Python.Debian, ["dummy.py", "env", "FROM_FILE", "BOTH", "PSC_TEST_SCRUBBED"], Python.AppsDirectory,
                new Dictionary<string, string> { ["BOTH"] = "explicit" })
            {
                FileEnvironment = new Dictionary<string, string> { ["FROM_FILE"] = "file value", ["BOTH"] = "file" },
                RemovedEnvironment = ["PSC_TEST_SCRUBBED"],
            };

            var server = ServerProcess.Start(plan, logs.CreateLogger("ProdServer.Process.dummy"));

            Assert.Equal(0, await server.Exited.WaitAsync(TimeSpan.FromSeconds(15)));
            Assert.Contains("dummy: FROM_FILE=file value", logs.Text);
            Assert.Contains("dummy: BOTH=explicit", logs.Text);
            Assert.Contains("dummy: PSC_TEST_SCRUBBED unset", logs.Text);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PSC_TEST_SCRUBBED", null);
        }
    }

    [Fact]
    public void A_program_that_cannot_be_started_fails_with_the_command_line_in_the_message()
    {
        var plan = new LaunchPlan("web", "/nonexistent/waitress-serve", ["--port=1"], Path.GetTempPath(), new Dictionary<string, string>());

        var error = Assert.Throws<ServerLaunchException>(() => ServerProcess.Start(plan, new CapturingLoggerProvider().CreateLogger("x")));

        Assert.Equal("web", error.ProcessName);
        Assert.Contains("Process 'web' could not be started", error.Message);
        Assert.Contains("/nonexistent/waitress-serve --port=1", error.Message);
    }
}
