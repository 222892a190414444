using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// One Celery beat per Celery app among an app's launches: a lone <c>app beat</c> opens no control socket, so a host started
/// after it (or a second lone beat) could not find it and started a second beat, sending every periodic task twice.
/// </summary>
public sealed class BeatClaimSpecs
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_host_or_a_second_lone_beat_started_while_a_lone_beat_runs_is_refused_in_one_line_and_starts_nothing()
    {
        await using var redis = await RedisServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("prodserver-beat-").FullName; // 0700, as the socket's directory must be
        var schedule = Path.Combine(directory, "schedule");
        void Declare(ProdServerBuilder o)
        {
            o.Options.Control.Socket = Path.Combine(directory, "c.sock");
            TestBackend.Declare(o, "web", TestBackend.Dummy, null, "serve");
            o.UseCeleryBeat("psc_celery", b => b with { Broker = redis.Url(0), Schedule = schedule, MaxInterval = 1 })
                .WorkingDirectory("apps").Python(Python.Debian);
        }

        var (lone, loneLogs) = TestHost.Build(Declare);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = lone.RunProdServerAsync(["beat"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await TestHost.WaitForLogAsync(loneLogs, "beat#", Budget, run);
            var pid = Environment.ProcessId; // the lone launch is this test's own host

            var (all, allLogs) = TestHost.Build(Declare);
            using var allError = new StringWriter();
            Assert.Equal(1, await all.RunProdServerAsync(["--all"], TextWriter.Null, allError, stop.Token).WaitAsync(Budget));
            Assert.Matches(
                $"^Process 'beat' runs Celery beat for app 'psc_celery', which another launch of '[^']+' runs already \\(pid {pid}, process 'beat'\\); "
                + "a second beat would send every periodic task twice\\. Stop that one first, or run the beat in one place\\.$",
                allError.ToString().Trim());
            Assert.DoesNotContain("web#", allLogs.Text, StringComparison.Ordinal); // refused before anything started

            var (second, secondLogs) = TestHost.Build(Declare);
            using var secondError = new StringWriter();
            Assert.Equal(1, await second.RunProdServerAsync(["beat"], TextWriter.Null, secondError, stop.Token).WaitAsync(Budget));
            Assert.Contains("which another launch of", secondError.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("beat#", secondLogs.Text, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(0, await run.WaitAsync(Budget));

        // Once the lone beat has stopped, its lock is free: the host of every process runs the beat.
        var (after, afterLogs) = TestHost.Build(Declare);
        using var stopAfter = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var afterRun = after.RunProdServerAsync(["--all"], TextWriter.Null, TextWriter.Null, stopAfter.Token);
        try
        {
            await TestHost.WaitForLogAsync(afterLogs, "beat#", Budget, afterRun);
        }
        finally
        {
            await stopAfter.CancelAsync();
        }

        Assert.Equal(0, await afterRun.WaitAsync(Budget));
        Directory.Delete(directory, recursive: true);
    }
}
