using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>Several processes in one host (<c>--all</c>), and what happens when one of them gives up.</summary>
public sealed class MultiProcessSpecs
{
    private static (IHost Host, CapturingLoggerProvider Logs) TwoProcesses(GiveUpPolicy policy) => SupervisedHost.Build(o =>
    {
        o.Options.OnGiveUp = policy;
        TestBackend.Declare(o, "web", TestBackend.Dummy, null, "serve");
        TestBackend.Declare(o, "worker", TestBackend.Dummy, null, "exit", "5")
            .Restart(RestartPolicy.OnFailure, startRetries: 1)
            .RestartDelay(TimeSpan.FromMilliseconds(50));
    });

    [Fact]
    public async Task With_all_and_StopAll_a_crash_looping_process_stops_the_others_and_the_host_exits_with_its_code()
    {
        var (host, logs) = TwoProcesses(GiveUpPolicy.StopAll);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var code = await host.RunProdServerAsync(["--all"], TextWriter.Null, TextWriter.Null, stop.Token).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(5, code);
        var web = logs.StartedPid("web");
        Assert.Contains("Process 'worker' gave up after 2 failed starts", logs.Text);
        Assert.Contains($"web#{web} stopped gracefully", logs.Text);
        Assert.False(ProcessTable.IsAlive(web));
    }

    [Fact]
    public async Task With_KeepOthers_the_other_processes_keep_running_after_one_gives_up()
    {
        var (host, logs) = TwoProcesses(GiveUpPolicy.KeepOthers);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = host.RunProdServerAsync(["--all"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            var clock = Stopwatch.StartNew();
            while (!logs.Text.Contains("Process 'worker' gave up", StringComparison.Ordinal))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), logs.Text);
                await Task.Delay(50);
            }

            await Task.Delay(500);
            Assert.False(run.IsCompleted, "the host stopped although OnGiveUp is KeepOthers:\n" + logs.Text);
            Assert.True(ProcessTable.IsAlive(logs.StartedPid("web")));
        }
        finally
        {
            await stop.CancelAsync();
        }

        // The host still reports the failure it lived through.
        Assert.Equal(5, await run.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task With_KeepOthers_a_process_started_again_that_gives_up_again_leaves_the_others_running()
    {
        // The host counted ends: the worker's second give-up made two ends for two processes, and it stopped web too.
        var (host, logs) = TwoProcesses(GiveUpPolicy.KeepOthers);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["--all"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await TestHost.WaitForLogAsync(logs, "Process 'worker' gave up", TimeSpan.FromSeconds(30), run);
            var reply = await TestHost.ControlAsync(host, "start", "worker");

            Assert.Contains("worker: started, but not ready: gave-up", reply.Errors ?? [], StringComparer.Ordinal);
            await Task.Delay(500); // what the host would do after the second give-up, it does at once
            Assert.False(run.IsCompleted, "the host stopped although OnGiveUp is KeepOthers and web runs:\n" + logs.Text);
            Assert.True(ProcessTable.IsAlive(logs.StartedPid("web")));
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(5, await run.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_reload_refused_for_a_malformed_env_file_says_its_problem_once()
    {
        // It was said twice: once as the env file was read, again as each process using it was planned.
        var envFile = Path.Combine(Path.GetTempPath(), "prodserver-reload-" + Guid.NewGuid().ToString("N") + ".env");
        await File.WriteAllTextAsync(envFile, "GREETING=hello\n");
        try
        {
            var (host, logs) = SupervisedHost.Build(o =>
            {
                TestBackend.Declare(o, "web", TestBackend.Dummy, null, "serve").EnvFile(envFile);
                TestBackend.Declare(o, "worker", TestBackend.Dummy, null, "serve");
            });
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var run = host.RunProdServerAsync(["--all"], TextWriter.Null, TextWriter.Null, stop.Token);
            try
            {
                await TestHost.WaitForLogAsync(logs, "worker#", TimeSpan.FromSeconds(30), run);
                await File.WriteAllTextAsync(envFile, "GREETING=\"unterminated\n");

                var reply = await TestHost.ControlAsync(host, "reload");

                Assert.False(reply.Ok);
                Assert.Single(reply.Errors ?? [], e => e.Contains("the quoted value has no closing", StringComparison.Ordinal));
            }
            finally
            {
                await stop.CancelAsync();
            }

            await run.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            File.Delete(envFile);
        }
    }

    [Fact]
    public async Task A_process_launched_alone_that_the_running_host_of_the_app_runs_is_refused_in_one_line_and_another_one_starts()
    {
        // `app beat` beside `app --all` started a second beat (every periodic task sent twice): a process with no port has
        // no port check to stop it, and one launched alone opens no control socket to find the other host by.
        var directory = Directory.CreateTempSubdirectory("prodserver-twice-").FullName; // 0700, as the socket's directory must be
        var socket = Path.Combine(directory, "c.sock");
        void Declare(ProdServerBuilder o)
        {
            o.Options.Control.Socket = socket;
            TestBackend.Declare(o, "web", TestBackend.Dummy, null, "serve");
            TestBackend.Declare(o, "worker", TestBackend.Dummy, null, "serve");
            TestBackend.Declare(o, "once", TestBackend.Dummy, null, "exit", "0").Restart(RestartPolicy.Never);
        }

        var (host, logs) = SupervisedHost.Build(o => { Declare(o); o.Options.Control.Enabled = true; });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = host.RunProdServerAsync(["web", "worker"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await TestHost.WaitForLogAsync(logs, "worker#", TimeSpan.FromSeconds(30), run);

            var (second, secondLogs) = SupervisedHost.Build(Declare);
            using var error = new StringWriter();
            var refused = await second.RunProdServerAsync(["worker"], TextWriter.Null, error, stop.Token).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1, refused);
            Assert.Matches(
                $"^Another host of '{host.Services.GetRequiredService<IHostEnvironment>().ApplicationName}' has 'worker' \\((starting|running|ready)\\) \\(its control socket {System.Text.RegularExpressions.Regex.Escape(socket)} answers\\); "
                + "a second would run it twice\\. Control it there \\(status, start, restart, stop\\), or stop that host first\\.$",
                error.ToString().Trim());
            Assert.DoesNotContain("worker#", secondLogs.Text, StringComparison.Ordinal); // nothing was started

            // Stopped there, it is still that host's: its `start` would bring it back beside a second one.
            Assert.True((await TestHost.ControlAsync(host, "stop", "worker")).Ok);
            var (fourth, _) = SupervisedHost.Build(Declare);
            using var fourthError = new StringWriter();
            Assert.Equal(1, await fourth.RunProdServerAsync(["worker"], TextWriter.Null, fourthError, stop.Token).WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains("has 'worker' (stopped)", fourthError.ToString(), StringComparison.Ordinal);

            var (third, thirdLogs) = SupervisedHost.Build(Declare);
            using var thirdError = new StringWriter();
            await third.RunProdServerAsync(["once"], TextWriter.Null, thirdError, stop.Token).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.DoesNotContain("Another host", thirdError.ToString(), StringComparison.Ordinal);
            Assert.Contains($"once#{thirdLogs.StartedPid("once")} exited with code 0", thirdLogs.Text, StringComparison.Ordinal); // a process that host does not run
        }
        finally
        {
            await stop.CancelAsync();
        }

        await run.WaitAsync(TimeSpan.FromSeconds(20));
        Directory.Delete(directory, recursive: true);
    }
}
