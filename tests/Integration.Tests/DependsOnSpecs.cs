using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary><c>DependsOn</c> with real processes: a process starts only once the ones it depends on are ready.</summary>
public sealed class DependsOnSpecs
{
    [Fact]
    public async Task A_process_starts_only_after_the_process_it_depends_on_is_ready()
    {
        var port = Loopback.FreePort();
        var (host, logs) = SupervisedHost.Build(o =>
        {
            // Declared first, started second: "web" waits for "api", which answers /health with 503 for its first second.
            TestBackend.Declare(o, "web", TestBackend.Dummy, null, "serve").DependsOn("api");
            TestBackend.Declare(o, "api", TestBackend.Dummy, port, "http", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "1")
                .Readiness("/health", timeout: TimeSpan.FromSeconds(20));
        });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = host.RunProdServerAsync(["--all"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await TestHost.WaitForLogAsync(logs, "web#", TimeSpan.FromSeconds(30), run);
            var api = logs.StartedPid("api");
            var web = logs.StartedPid("web");
            var text = logs.Text;

            Assert.Contains("web: waiting for api to be ready (DependsOn)", text, StringComparison.Ordinal);
            Assert.True(
                text.IndexOf($"api#{api} is ready", StringComparison.Ordinal) < text.IndexOf($"web#{web} started", StringComparison.Ordinal),
                "web started before api was ready:\n" + text);
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_control_start_while_the_host_still_waits_for_a_dependency_starts_nothing_twice()
    {
        // The control start looked, saw web not started, and started it; so did the host once api was ready: two
        // supervisors of web, the first out of every command's reach.
        var port = Loopback.FreePort();
        var (host, logs) = SupervisedHost.Build(o =>
        {
            TestBackend.Declare(o, "web", TestBackend.Dummy, null, "serve").DependsOn("api");
            TestBackend.Declare(o, "api", TestBackend.Dummy, port, "http", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "2")
                .Readiness("/health", timeout: TimeSpan.FromSeconds(20));
        });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = host.RunProdServerAsync(["--all"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await TestHost.WaitForLogAsync(logs, "web: waiting for api to be ready (DependsOn)", TimeSpan.FromSeconds(30), run);
            var reply = await TestHost.ControlAsync(host, "start", "web");

            Assert.Contains(reply.Messages ?? [], m => m.StartsWith("web: already ", StringComparison.Ordinal));
            Assert.Single(logs.Lines, l => l.Contains("web#", StringComparison.Ordinal) && l.EndsWith(" started", StringComparison.Ordinal));
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_process_whose_dependency_never_gets_ready_is_not_started()
    {
        var (host, logs) = SupervisedHost.Build(o =>
        {
            TestBackend.Declare(o, "db", TestBackend.Dummy, null, "exit", "3").Restart(RestartPolicy.Never);
            TestBackend.Declare(o, "web", TestBackend.Dummy, null, "serve").DependsOn("db");
        });

        var code = await host.RunProdServerAsync(["--all"], TextWriter.Null, TextWriter.Null).WaitAsync(TimeSpan.FromSeconds(60));

        // db's end stops the host (OnGiveUp StopAll) while web still waits, so web never starts.
        Assert.Equal(3, code);
        Assert.Contains("web: waiting for db to be ready (DependsOn)", logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("web#", logs.Text, StringComparison.Ordinal);
    }
}
