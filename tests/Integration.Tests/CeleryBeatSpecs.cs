using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>Celery beat started through the SDK sends its scheduled task, and a worker started beside it runs it.</summary>
public sealed class CeleryBeatSpecs
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task I_can_run_celery_beat_beside_a_worker_and_the_scheduled_task_is_sent_and_executed()
    {
        await using var redis = await RedisServer.StartAsync();
        var schedule = Path.Combine(Path.GetTempPath(), "psc-beat-" + Guid.NewGuid().ToString("N"));
        var (host, logs) = TestHost.Build(o =>
        {
            o.UseCeleryWorker("psc_celery", w => w with
            {
                Broker = redis.Url(0), ResultBackend = redis.Url(1), LogLevel = CeleryLogLevel.Info, Pool = CeleryPool.Solo,
                WithoutGossip = true, WithoutMingle = true, WithoutHeartbeat = true,
            }).WorkingDirectory("apps").Python(Python.Debian);
            o.UseCeleryBeat("psc_celery", b => b with
            {
                Broker = redis.Url(0), Quiet = true, LogLevel = CeleryLogLevel.Info, Schedule = schedule, MaxInterval = 1,
            }).WorkingDirectory("apps").Python(Python.Debian);
        });

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = host.RunProdServerAsync(["worker", "beat"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            // Beat logs each send at INFO; the worker logs the run of the very task beat sent.
            await TestHost.WaitForLogAsync(logs, "Sending due task tick-every-second (psc_celery.tick)", Budget, run);
            await TestHost.WaitForLogAsync(logs, "Task psc_celery.tick[", Budget, run);
            await TestHost.WaitForLogAsync(logs, "succeeded in", Budget, run);
            // Celery logs to stderr; its INFO lines are information, not warnings.
            Assert.Equal(LogLevel.Information, logs.LevelOf("Sending due task tick-every-second"));
            Assert.Contains($"--quiet beat --schedule={schedule} --max-interval=1 --loglevel=INFO", logs.Text, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var exitCode = await run.WaitAsync(Budget);
        var (worker, beat) = (logs.StartedPid("worker"), logs.StartedPid("beat"));
        Assert.Equal(0, exitCode);
        Assert.False(Loopback.IsRunning(beat), $"celery beat (pid {beat}) outlived the host:\n{logs.Text}");
        Assert.False(Loopback.IsRunning(worker), $"the celery worker (pid {worker}) outlived the host:\n{logs.Text}");
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(schedule)!, Path.GetFileName(schedule) + "*"))
        {
            File.Delete(file);
        }
    }
}
