using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The SDK runs <c>manage.py rqworker</c> of Debian's django-rq 2.7.0 (rq 1.13.0) against a Redis server the test starts,
/// the worker runs a job a client queued with django_rq, and a stop is RQ's warm shutdown: exit 0, nothing left.
/// </summary>
public sealed class RqWorkerSpecs
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task I_can_run_an_rq_worker_that_runs_a_job_queued_with_django_rq_and_stop_it_leaving_nothing()
    {
        await using var redis = await RedisServer.StartAsync();
        using var site = new DjangoSite();
        var environment = new Dictionary<string, string>(site.Environment) { ["PSC_REDIS_URL"] = redis.Url(0) };
        var (host, logs) = TestHost.Build(o => o
            .UseRqWorker(r => r with { Queues = ["emails", "default"], Settings = "djsite.rq_settings", Verbosity = DjangoVerbosity.Normal })
            .WorkingDirectory(site.Directory)
            .Python(Python.Debian)
            .Environment("PSC_DB", site.Database)
            .Environment("PSC_REDIS_URL", redis.Url(0)));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = host.RunProdServerAsync(["worker"], TextWriter.Null, TextWriter.Null, stop.Token);
        int pid;
        try
        {
            await TestHost.WaitForLogAsync(logs, "Listening on emails, default", Budget, run);
            pid = logs.StartedPid("worker");

            var (code, output) = await TestHost.RunScriptAsync(site.Directory, environment, Budget, "rq_enqueue.py", "emails", "6", "7");

            Assert.True(code == 0, $"rq_enqueue.py failed ({code}):\n{output}\nworker log:\n{logs.Text}");
            Assert.Contains("status finished result 42", output, StringComparison.Ordinal);
            await TestHost.WaitForLogAsync(logs, "emails: Job OK", Budget, run);
            Assert.Contains("manage.py rqworker --verbosity=1 --settings=djsite.rq_settings emails default", logs.Text, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var exitCode = await run.WaitAsync(Budget);

        Assert.Equal(0, exitCode);
        Assert.Contains("Warm shut down requested", logs.Text, StringComparison.Ordinal);
        Assert.Contains($"worker#{pid} stopped gracefully", logs.Text, StringComparison.Ordinal);
        Assert.False(Loopback.IsRunning(pid), $"rqworker (pid {pid}) outlived the host:\n{logs.Text}");
        Assert.Empty(ProcessTree.Children(pid));
    }

    [Fact]
    public async Task An_rq_worker_listens_on_the_queues_appsettings_json_names()
    {
        await using var redis = await RedisServer.StartAsync();
        using var site = new DjangoSite();
        var (host, logs) = TestHost.Build(
            o => o.Process("worker").UseRqWorker(r => r with { Queues = ["default"] })
                .WorkingDirectory(site.Directory)
                .Python(Python.Debian)
                .Environment("PSC_REDIS_URL", redis.Url(0)),
            """{ "ProdServer": { "Processes": { "worker": { "Args": { "Queues": ["emails", "default"], "settings": "djsite.rq_settings" } } } } }""");

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = host.RunProdServerAsync(["worker"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            // rqworker's own line: the queues reached the real worker in the order written, replacing the code's.
            await TestHost.WaitForLogAsync(logs, "Listening on emails, default", Budget, run);
            Assert.Contains("manage.py rqworker --settings=djsite.rq_settings emails default", logs.Text, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(0, await run.WaitAsync(Budget));
    }

    [Fact]
    public async Task A_stop_while_a_job_runs_lets_the_job_finish_before_the_worker_exits()
    {
        await using var redis = await RedisServer.StartAsync();
        using var site = new DjangoSite();
        var environment = new Dictionary<string, string>(site.Environment) { ["PSC_REDIS_URL"] = redis.Url(0) };
        var (host, logs) = TestHost.Build(o => o
            .UseRqWorker(r => r with { Settings = "djsite.rq_settings" })
            .WorkingDirectory(site.Directory)
            .Python(Python.Debian)
            .Environment("PSC_REDIS_URL", redis.Url(0)));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = host.RunProdServerAsync(["worker"], TextWriter.Null, TextWriter.Null, stop.Token);
        Task<(int Code, string Output)> client;
        try
        {
            await TestHost.WaitForLogAsync(logs, "Listening on default", Budget, run);
            client = TestHost.RunScriptAsync(site.Directory, environment, Budget, "rq_enqueue.py", "default", "6", "7", "slow_multiply");
            // The job itself says it runs: RQ logs the dequeue before its work horse starts it, and a stop that lands in
            // between leaves the job queued (seen once under a full CI run's load).
            await TestHost.WaitForLogAsync(logs, "slow_multiply(6, 7) running", Budget, run);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var exitCode = await run.WaitAsync(Budget);
        var (code, output) = await client;

        Assert.Equal(0, exitCode);
        Assert.True(code == 0, $"rq_enqueue.py failed ({code}):\n{output}\nworker log:\n{logs.Text}");
        Assert.Contains("status finished result 42", output, StringComparison.Ordinal);
        Assert.Contains("default: Job OK", logs.Text, StringComparison.Ordinal);
        Assert.False(Loopback.IsRunning(logs.StartedPid("worker")));
    }

    [Fact]
    public async Task A_flag_debians_django_rq_lacks_is_reported_before_launch_and_nothing_is_started()
    {
        using var site = new DjangoSite();
        var (host, logs) = TestHost.Build(o => o
            .UseRqWorker(r => r with { MaxIdleTime = 60, Settings = "djsite.rq_settings" })
            .WorkingDirectory(site.Directory)
            .Python(Python.Debian));
        using var error = new StringWriter();

        var exitCode = await host.RunProdServerAsync(["worker"], TextWriter.Null, error, CancellationToken.None).WaitAsync(Budget);

        Assert.Equal(1, exitCode);
        Assert.Contains("Process 'worker': MaxIdleTime (--max-idle-time) needs django-rq 3.0.1 or newer, but the installed django-rq is 2.7.0.", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" started", logs.Text, StringComparison.Ordinal);
    }
}
