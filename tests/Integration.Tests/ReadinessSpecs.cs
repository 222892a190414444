using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>Readiness: the probe, the health check per process, systemd's READY=1, and the readiness timeout.</summary>
public sealed class ReadinessSpecs
{
    /// <summary>Records what the systemd lifetime would send to NOTIFY_SOCKET, and what the log said at that moment.</summary>
    private sealed class RecordingNotifier(CapturingLoggerProvider logs) : ISystemdNotifier
    {
        public ConcurrentQueue<(string State, bool ReadyLogged)> Sent { get; } = new();

        public bool IsEnabled => true;

        public void Notify(ServiceState state) => Sent.Enqueue((state.ToString(), logs.Text.Contains("web#", StringComparison.Ordinal) && logs.Text.Contains(" is ready (GET http://127.0.0.1:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_health_check_goes_from_Unhealthy_to_Healthy_when_the_readiness_path_answers_200_and_systemd_hears_READY_then()
    {
        var port = Loopback.FreePort();
        RecordingNotifier? notifier = null;
        var (host, logs) = SupervisedHost.Build(
            o => TestBackend.Declare(o, "web", TestBackend.Dummy, port, "http", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "2")
                .Readiness("/health", 200, TimeSpan.FromSeconds(30)),
            services =>
            {
                services.AddHealthChecks().AddProdServerChecks();
                services.AddSingleton<ISystemdNotifier>(sp => notifier = new RecordingNotifier(sp.GetServices<ILoggerProvider>().OfType<CapturingLoggerProvider>().Single()));
                services.AddSingleton<IHostLifetime, SystemdLifetime>();
            });
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await RunThenStopAsync(host, async run =>
        {
            var seen = new System.Collections.Generic.List<HealthStatus>();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(30) && !run.IsCompleted)
            {
                var report = await health.CheckHealthAsync();
                var status = report.Entries["prodserver:web"].Status;
                if (seen.Count == 0 || seen[^1] != status)
                {
                    seen.Add(status);
                }

                if (status == HealthStatus.Healthy)
                {
                    break;
                }

                await Task.Delay(100);
            }

            Assert.Equal([HealthStatus.Unhealthy, HealthStatus.Healthy], seen);
            Assert.Contains("web#", logs.Text);
            Assert.Contains("is ready (GET http://127.0.0.1:" + port + "/health answers 200-399)", logs.Text);
            Assert.NotNull(notifier);
            await WaitUntilAsync(() => notifier!.Sent.Any(s => s.State.StartsWith("READY", StringComparison.Ordinal)));
            Assert.True(notifier!.Sent.First(s => s.State.StartsWith("READY", StringComparison.Ordinal)).ReadyLogged,
                "READY=1 was sent before the process was ready");
        });
    }

    [Fact]
    public async Task A_start_that_is_not_ready_within_the_readiness_timeout_is_a_failed_start()
    {
        var port = Loopback.FreePort();
        var (host, logs) = SupervisedHost.Build(o => TestBackend.Declare(o, "web", TestBackend.Dummy, port, "http", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "600")
            .Readiness("/health", 200, TimeSpan.FromSeconds(1))
            .Restart(RestartPolicy.OnFailure, startRetries: 0));

        var code = await host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null).WaitAsync(TimeSpan.FromSeconds(40));

        Assert.NotEqual(0, code);
        Assert.Contains("was not ready within 00:00:01", logs.Text);
        Assert.Contains("gave up after 1 failed starts in a row (StartRetries=0): not ready within 00:00:01", logs.Text);
    }

    [Fact]
    public async Task A_readiness_path_that_redirects_makes_a_real_waitress_ready_without_the_redirect_being_followed()
    {
        var port = Loopback.FreePort();
        // statuses:app redirects /status/302 to an https URL that does not exist: following it could never succeed.
        var (host, logs) = SupervisedHost.Build(o => o
            .UseWaitress("statuses:app", w => w with { Host = "127.0.0.1", Port = port })
            .WorkingDirectory(Python.AppsDirectory)
            .Python(Python.Debian)
            .Readiness("/status/302", timeout: TimeSpan.FromSeconds(30)));
        await RunThenStopAsync(host, async run =>
        {
            await WaitUntilAsync(() => run.IsCompleted || logs.Text.Contains(" is ready (", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

            Assert.Contains("is ready (GET http://127.0.0.1:" + port + "/status/302 answers 200-399)", logs.Text);
        });
    }

    // Runs the host's "web" process, lets the test watch it while it runs, then stops it and expects a clean exit (0).
    private static async Task RunThenStopAsync(IHost host, Func<Task<int>, Task> whileRunning)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await whileRunning(run);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        }
    }

    [Fact]
    public async Task A_readiness_path_that_answers_500_from_a_real_waitress_is_a_failed_start()
    {
        var port = Loopback.FreePort();
        var (host, logs) = SupervisedHost.Build(o => o
            .UseWaitress("statuses:app", w => w with { Host = "127.0.0.1", Port = port })
            .WorkingDirectory(Python.AppsDirectory)
            .Python(Python.Debian)
            .Readiness("/status/500", timeout: TimeSpan.FromSeconds(3))
            .Restart(RestartPolicy.OnFailure, startRetries: 0));

        var code = await host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null).WaitAsync(TimeSpan.FromSeconds(40));

        Assert.NotEqual(0, code);
        Assert.Contains("was not ready within 00:00:03", logs.Text);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(10)))
        {
            await Task.Delay(20);
        }
    }
}
