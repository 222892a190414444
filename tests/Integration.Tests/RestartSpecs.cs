using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace ProdServer.Config.Integration.Tests;

/// <summary>Restart policy, failed starts, back-off and giving up, on the dummy server.</summary>
public sealed class RestartSpecs(ITestOutputHelper output)
{
    private static async Task WaitUntilAsync(Func<bool> condition, string what, CapturingLoggerProvider logs, double seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), $"{what} did not happen:\n{logs.Text}");
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task A_server_killed_with_SIGKILL_is_restarted_after_the_back_off()
    {
        var logs = new CapturingLoggerProvider();
        var definition = new ProcessDefinition("svc", TestBackend.Dummy) { Args = new TestArgs { Words = ["serve"] }, App = "test" };
        definition.WorkingDirectory = Python.AppsDirectory;
        definition.Python = Python.Debian;
        definition.StartSeconds = TimeSpan.FromMilliseconds(300);
        definition.RestartDelay = TimeSpan.FromMilliseconds(400);
        var supervisor = new ProcessSupervisor(definition, Python.AppsDirectory, logs.CreateLogger("ProdServer.Process.svc"));
        try
        {
            supervisor.Start();
            Assert.True(await supervisor.FirstReady.WaitAsync(TimeSpan.FromSeconds(20)), logs.Text);
            // Past StartSeconds, so the kill below ends a successful start, not a failed one.
            await Task.Delay(400);
            var first = supervisor.Current!;

            var clock = Stopwatch.StartNew();
            Assert.Equal(0, ProcessTable.Signal(first.Id, 9));
            await WaitUntilAsync(() => supervisor.Current is { } c && c != first && c.Id != first.Id, "a restart", logs);
            var restartedAfter = clock.Elapsed;

            output.WriteLine($"restarted {restartedAfter.TotalMilliseconds:0} ms after the kill (RestartDelay 400 ms ±25 %)");
            Assert.Equal(137, await first.Exited);
            Assert.Equal(2, supervisor.Starts);
            Assert.True(restartedAfter >= TimeSpan.FromMilliseconds(300), $"restarted after {restartedAfter}, before the back-off");
            Assert.Contains("svc: restarting in", logs.Text);
            Assert.Contains("exited with code 137", logs.Text);
            Assert.False(supervisor.Completion.IsCompleted);
        }
        finally
        {
            await supervisor.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }

        var result = await supervisor.Completion;
        Assert.False(result.GaveUp);
    }

    [Fact]
    public async Task A_crash_loop_gives_up_after_StartRetries_and_the_host_exits_with_the_server_code()
    {
        var counter = Path.GetTempFileName();
        try
        {
            var (host, logs) = SupervisedHost.Build(o => TestBackend.Declare(o, "web", TestBackend.Dummy, null, "--count", counter, "exit", "3")
                .Restart(RestartPolicy.Always, startRetries: 2)
                .RestartDelay(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300)));
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

            var code = await host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(3, code);
            // The first start and two retries.
            Assert.Equal(3, File.ReadAllLines(counter).Length);
            var gaveUp = Assert.Single(logs.Text.Split('\n'), l => l.StartsWith("Critical ", StringComparison.Ordinal));
            Assert.Contains("Process 'web' gave up after 3 failed starts in a row (StartRetries=2)", gaveUp);
            Assert.Contains("exited with code 3", gaveUp);
            // The server's own last words are the reason.
            Assert.Contains("ERROR:dummy:giving up on purpose", gaveUp);
            Assert.Equal(2, logs.Text.Split('\n').Count(l => l.Contains("web: restarting in", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(counter);
        }
    }

    [Fact]
    public async Task A_clean_exit_is_not_restarted_with_OnFailure_but_is_with_Always()
    {
        var counter = Path.GetTempFileName();
        try
        {
            var (host, logs) = SupervisedHost.Build(o => TestBackend.Declare(o, "web", TestBackend.Dummy, null, "--count", counter, "crash-after", "0.4", "0")
                .StartSeconds(TimeSpan.FromMilliseconds(200)));

            var code = await host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, code);
            Assert.Single(File.ReadAllLines(counter));
            Assert.Contains("exited with code 0 and is not restarted (Restart=OnFailure)", logs.Text);

            File.WriteAllText(counter, string.Empty);
            var (always, alwaysLogs) = SupervisedHost.Build(o => TestBackend.Declare(o, "web", TestBackend.Dummy, null, "--count", counter, "crash-after", "0.4", "0")
                .StartSeconds(TimeSpan.FromMilliseconds(200))
                .Restart(RestartPolicy.Always)
                .RestartDelay(TimeSpan.FromMilliseconds(50)));
            using var stop = new CancellationTokenSource();
            var run = always.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
            await WaitUntilAsync(() => File.ReadAllLines(counter).Length >= 3, "three starts", alwaysLogs);
            await stop.CancelAsync();

            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        }
        finally
        {
            File.Delete(counter);
        }
    }

    [Fact]
    public async Task A_stop_never_waits_longer_than_the_host_ShutdownTimeout()
    {
        var (host, logs) = SupervisedHost.Build(
            o => TestBackend.Declare(o, "web", TestBackend.Dummy, null, "ignore-sigterm").StopTimeout(TimeSpan.FromSeconds(20)),
            services => services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(1)));
        using var stop = new CancellationTokenSource();
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        await WaitUntilAsync(() => logs.Text.Contains(" is ready (", StringComparison.Ordinal), "readiness", logs);
        var pid = logs.StartedPid("web");
        var clock = Stopwatch.StartNew();

        await stop.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30));

        output.WriteLine($"stopped in {clock.Elapsed.TotalMilliseconds:0} ms with StopTimeout 20 s and ShutdownTimeout 1 s");
        Assert.Equal(0, code); // stopped by the host: not a failure of the server
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Contains("waiting up to 00:00:01", logs.Text);
        Assert.False(ProcessTable.IsAlive(pid));
    }
}
