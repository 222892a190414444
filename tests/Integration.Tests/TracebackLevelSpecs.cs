using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// A traceback is logged as the one record it is: with the line that logged it ("[ERROR] Exception in worker process",
/// "ERROR:waitress:Exception while serving …"), at that line's level, as one entry — not as a warning per line of stderr.
/// </summary>
public sealed class TracebackLevelSpecs
{
    [Fact]
    public async Task Gunicorns_traceback_of_an_app_that_fails_to_import_is_one_error_entry_with_the_record_that_logged_it()
    {
        var (host, logs) = ServingHost.Build(o => o
            .UseGunicorn("raises_at_import:app", g => g with { Bind = [$"127.0.0.1:{Loopback.FreePort()}"], Workers = 1 })
            .WorkingDirectory("apps")
            .Python(Python.Debian)
            .Restart(RestartPolicy.Never));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var code = await host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, code);
        var entry = Assert.Single(logs.Lines, l => l.Contains("Traceback (most recent call last):", StringComparison.Ordinal));
        Assert.StartsWith("Error ProdServer.Process.web: ", entry, StringComparison.Ordinal);
        Assert.Contains("[ERROR] Exception in worker process\nTraceback (most recent call last):\n  File ", entry, StringComparison.Ordinal);
        Assert.EndsWith("\nRuntimeError: boom at import", entry, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.EndsWith("RuntimeError: boom at import", StringComparison.Ordinal) && l != entry);
    }

    [Fact]
    public async Task Waitress_logs_a_request_that_raised_as_one_error_entry_with_its_traceback_and_goes_on_serving()
    {
        var port = Loopback.FreePort();
        var (host, logs) = ServingHost.Build(o => o
            .UseWaitress("statuses:app", w => w with { Listen = [$"127.0.0.1:{port}"] })
            .WorkingDirectory("apps")
            .Python(Python.Debian));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using (var ready = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/status/200", ServingHost.StartBudget, () => run.IsCompleted))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        }

        // statuses.py answers int("boom"): a ValueError in the app, which waitress logs and answers with a 500.
        using (var failed = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/status/boom")))
        {
            Assert.Equal(System.Net.HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        using (var after = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/status/204")))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, after.StatusCode);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        var entry = Assert.Single(logs.Lines, l => l.Contains("Exception while serving /status/boom", StringComparison.Ordinal));
        Assert.StartsWith("Error ProdServer.Process.web: ERROR:waitress:Exception while serving /status/boom\nTraceback (most recent call last):\n", entry, StringComparison.Ordinal);
        Assert.EndsWith("\nValueError: invalid literal for int() with base 10: 'boom'", entry, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("ValueError", StringComparison.Ordinal) && l != entry);
    }
}
