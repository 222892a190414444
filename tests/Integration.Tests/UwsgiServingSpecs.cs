using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The SDK starts Debian's uwsgi 2.0.21 with its python3 plugin for Django's WSGI application, and stops it with SIGTERM,
/// which uWSGI 2.0 alone would take as a brutal reload: the backend's master-start hook makes it a graceful stop.
/// </summary>
public sealed class UwsgiServingSpecs : IDisposable
{
    public void Dispose() => Environment.ExitCode = 0;

    private static (IHost Host, CapturingLoggerProvider Logs) Build(int port, string app, bool needApp = false) =>
        ServingHost.Build(o => o
            .UseUwsgi(app, u => u with { Plugin = ["python3"], HttpSocket = [$"127.0.0.1:{port}"], Master = true, Processes = 2, NeedApp = needApp ? true : null })
            .WorkingDirectory("apps")
            .Environment("DJANGO_SETTINGS_MODULE", "djsite.settings")
            .Restart(RestartPolicy.Never));

    [Fact]
    public async Task I_can_serve_djangos_wsgi_page_through_uwsgi_and_a_stop_answers_the_request_in_flight_leaving_nothing()
    {
        var port = Loopback.FreePort();
        var (host, logs) = Build(port, "djsite.wsgi:application");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        int master;
        System.Collections.Generic.IReadOnlyList<int> workers;
        HttpResponseMessage slow;
        try
        {
            using var page = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/page", ServingHost.StartBudget, () => run.IsCompleted);
            master = logs.StartedPid("web");
            workers = ProcessTree.Workers(master);

            Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
            Assert.Matches(new Regex(@"^django 3\.2\.\d+ over wsgi\n$"), await page.Content.ReadAsStringAsync());
            Assert.Equal(2, workers.Count);
            // uWSGI writes its request lines to stderr with no level: a 200 is information, not a warning.
            await TestHost.WaitForLogAsync(logs, "GET /page => generated", TimeSpan.FromSeconds(30), run);
            Assert.Equal(LogLevel.Information, logs.LevelOf("GET /page => generated"));
            Assert.Equal(LogLevel.Information, logs.LevelOf("spawned uWSGI master process")); // its banner too, all on stderr
            Assert.Equal(LogLevel.Information, logs.LevelOf("*** Starting uWSGI "));

            // A 2 s request, then the stop while it runs: uWSGI 2.0's plain SIGTERM (or --die-on-term) would cut it.
            // On a connection of its own: uWSGI's http-socket answers HTTP/1.1 without "Connection: close" and then closes the
            // connection, so a client reusing the page's connection may send into a reset one (curl then retries).
            using var slowRequest = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/slow?s=2") { Headers = { ConnectionClose = true } };
            using var fresh = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            var inFlight = fresh.SendAsync(slowRequest);
            // Bounded by the client's 15 s timeout too: a request that fails or ends first says how, instead of a missing line.
            await Task.WhenAny(TestHost.WaitForLogAsync(logs, "slow request started", TimeSpan.FromSeconds(30), run), inFlight).Unwrap();
            Assert.False(inFlight.IsCompleted, $"the slow request ended before the view said it started: {Outcome(inFlight)}\n{logs.Text}");
            await stop.CancelAsync();
            slow = await inFlight;
        }
        finally
        {
            await stop.CancelAsync();
        }

        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"uwsgi exited {exitCode}.\n{logs.Text}");
        Assert.Equal(System.Net.HttpStatusCode.OK, slow.StatusCode);
        Assert.Equal("slept 2.0\n", await slow.Content.ReadAsStringAsync());
        Assert.Contains("graceful shutdown triggered", logs.Text, StringComparison.Ordinal);
        Assert.Contains($"web#{master} stopped gracefully", logs.Text, StringComparison.Ordinal);
        Assert.Contains("running \"unix_signal:15 gracefully_kill_them_all\" (master-start)", logs.Text, StringComparison.Ordinal);
        Assert.Contains("--module=djsite.wsgi:application", logs.Text, StringComparison.Ordinal);
        Assert.False(Loopback.IsRunning(master), $"the uwsgi master (pid {master}) still runs.\n{logs.Text}");
        Assert.All(workers, w => Assert.False(Loopback.IsRunning(w), $"uwsgi worker {w} still runs after the stop.\n{logs.Text}"));
        Assert.False(Loopback.IsListening(port));
    }

    private static string Outcome(Task<HttpResponseMessage> request) =>
        request.IsCompletedSuccessfully ? $"HTTP {(int)request.Result.StatusCode}" : request.Exception?.GetBaseException().ToString() ?? "cancelled";

    [Fact]
    public async Task An_app_that_fails_to_import_is_a_failed_start_with_need_app_instead_of_a_server_answering_500()
    {
        var port = Loopback.FreePort();
        var (host, logs) = Build(port, "psc_no_such_module:application", needApp: true);

        var exitCode = await host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode != 0, $"the run passed as a clean exit.\n{logs.Text}");
        Assert.Contains("psc_no_such_module", logs.Text, StringComparison.Ordinal);
        Assert.False(Loopback.IsListening(port));
    }
}
