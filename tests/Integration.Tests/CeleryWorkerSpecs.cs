using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The SDK starts Debian's celery 5.2.6 worker against a redis-server of the test's own, and the worker does real work.</summary>
public sealed class CeleryWorkerSpecs
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task I_can_run_a_celery_worker_that_executes_a_task_sent_by_a_client_and_returns_its_result()
    {
        await using var redis = await RedisServer.StartAsync();
        var (host, logs) = TestHost.Build(o => o
            .UseCeleryWorker("psc_celery", w => w with
            {
                // Global options: the SDK must write them before the word "worker", or celery refuses them.
                Broker = redis.Url(0), ResultBackend = redis.Url(1), NoColor = true,
                Hostname = "psc-worker@%h", LogLevel = CeleryLogLevel.Info, Pool = CeleryPool.Solo,
                WithoutGossip = true, WithoutMingle = true, WithoutHeartbeat = true, Optimization = CeleryOptimization.Fair,
            })
            .WorkingDirectory("apps")
            .Python(Python.Debian));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = host.RunProdServerAsync(["worker"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await TestHost.WaitForLogAsync(logs, "psc-worker@", Budget, run);

            var (code, output) = await TestHost.RunScriptAsync(Python.AppsDirectory, null, Budget, "celery_send.py", redis.Url(0), redis.Url(1), "2", "3");

            Assert.True(code == 0, $"celery_send.py failed ({code}):\n{output}\nworker log:\n{logs.Text}");
            Assert.Contains("result 5", output, StringComparison.Ordinal);
            await TestHost.WaitForLogAsync(logs, "succeeded in", Budget, run);
            Assert.Contains("Task psc_celery.add[", logs.Text, StringComparison.Ordinal);
            // The launch shape reached the log as the engine started it.
            Assert.Contains($"-m celery --app=psc_celery --broker={redis.Url(0)} --result-backend={redis.Url(1)} --no-color worker", logs.Text, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var exitCode = await run.WaitAsync(Budget);
        var pid = logs.StartedPid("worker");
        // SIGTERM is celery's warm shutdown: it finishes and exits 0, well inside the stop timeout.
        Assert.Equal(0, exitCode);
        Assert.Contains($"worker#{pid} stopped gracefully", logs.Text, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Information, logs.LevelOf("worker: Warm shutdown (MainProcess)")); // its notice on stderr, no level
        Assert.False(Loopback.IsRunning(pid), $"the celery worker (pid {pid}) outlived the host:\n{logs.Text}");
    }

    [Fact]
    public async Task A_stop_lets_the_task_a_prefork_pool_process_is_running_finish_and_store_its_result()
    {
        // The prefork pool's processes share the worker's process group: a SIGTERM to the group ended them mid-task
        // (WorkerLostError ... signal 15), while the master alone, told to stop, waits for them (celery's warm shutdown).
        await using var redis = await RedisServer.StartAsync();
        var (host, logs) = TestHost.Build(o => o
            .UseCeleryWorker("psc_celery", w => w with
            {
                Broker = redis.Url(0), ResultBackend = redis.Url(1), NoColor = true, Hostname = "psc-prefork@%h",
                LogLevel = CeleryLogLevel.Info, Pool = CeleryPool.Prefork, Concurrency = 1,
                WithoutGossip = true, WithoutMingle = true, WithoutHeartbeat = true,
            })
            .WorkingDirectory("apps")
            .Python(Python.Debian));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = host.RunProdServerAsync(["worker"], TextWriter.Null, TextWriter.Null, stop.Token);
        Task<(int Code, string Output)> client;
        try
        {
            await TestHost.WaitForLogAsync(logs, "psc-prefork@", Budget, run);
            client = TestHost.RunScriptAsync(Python.AppsDirectory, null, Budget, "celery_send.py", redis.Url(0), redis.Url(1), "4", "5", "slow_add");
            await TestHost.WaitForLogAsync(logs, "slow_add(4, 5) running", Budget, run);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var exitCode = await run.WaitAsync(Budget);
        var (code, output) = await client;

        Assert.Equal(0, exitCode);
        Assert.True(code == 0, $"celery_send.py failed ({code}):\n{output}\nworker log:\n{logs.Text}");
        Assert.Contains("result 9", output, StringComparison.Ordinal);
        Assert.DoesNotContain("WorkerLostError", logs.Text, StringComparison.Ordinal);
        Assert.False(Loopback.IsRunning(logs.StartedPid("worker")));
    }

    [Fact]
    public async Task A_worker_setting_debians_celery_5_2_6_lacks_is_reported_before_launch_and_nothing_is_started()
    {
        // No broker is needed: the installed celery is read (importlib.metadata) before anything would connect to one.
        var (host, logs) = TestHost.Build(o => o
            .UseCeleryWorker("psc_celery", w => w with { SkipChecks = true, Pool = CeleryPool.Solo })
            .WorkingDirectory("apps")
            .Python(Python.Debian));
        using var error = new StringWriter();

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var exitCode = await host.RunProdServerAsync(["worker"], TextWriter.Null, error, stop.Token).WaitAsync(Budget);

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "Process 'worker': SkipChecks (--skip-checks) needs celery 5.3.0 or newer, but the installed celery is 5.2.6.",
            error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" started", logs.Text, StringComparison.Ordinal); // celery itself was never started
    }

    [Fact]
    public async Task A_worker_whose_app_cannot_be_imported_makes_the_host_exit_non_zero_with_celery_message_in_the_log()
    {
        // One failed start, then the host gives up: with the default three retries and their back-off, each a celery import,
        // this took about 12 s idle and more than two minutes on a loaded machine (CI ran out of the bound below).
        var (host, logs) = TestHost.Build(o => o.UseCeleryWorker("no_such_celery_module").WorkingDirectory("apps").Python(Python.Debian)
            .Restart(RestartPolicy.OnFailure, startRetries: 0));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var exitCode = await host.RunProdServerAsync(["worker"], TextWriter.Null, TextWriter.Null, stop.Token).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("no_such_celery_module", logs.Text, StringComparison.Ordinal);
    }
}
