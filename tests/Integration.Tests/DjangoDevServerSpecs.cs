using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The SDK runs Django 3.2's <c>manage.py runserver</c> on a free loopback port, serves a page, and stops it with SIGINT.</summary>
public sealed class DjangoDevServerSpecs
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task I_can_serve_a_django_page_through_the_dev_server_and_stop_it_without_leaving_a_process(bool noReload)
    {
        using var site = new DjangoSite();
        var port = Loopback.FreePort();
        var (host, logs) = TestHost.Build(o => o
            .UseDjangoDevServer($"127.0.0.1:{port}", d => d with { NoReload = noReload ? true : null, Insecure = true })
            .WorkingDirectory(site.Directory)
            .Python(Python.Debian)
            .Environment("PSC_DB", site.Database));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/", Budget, () => run.IsCompleted);

            Assert.True(response.IsSuccessStatusCode, logs.Text);
            Assert.Equal("hello from django runserver through psc\n", await response.Content.ReadAsStringAsync());
            Assert.Contains($"manage.py runserver {(noReload ? "--noreload " : "")}--insecure 127.0.0.1:{port}", logs.Text, StringComparison.Ordinal);

            // Django writes its request lines to stderr with no level: a 200 is information, a 404 a warning, as Django logs them.
            using var missing = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/no-such-page"));
            await TestHost.WaitForLogAsync(logs, "\"GET /no-such-page HTTP/1.1\" 404", Budget, run);
            Assert.Equal(LogLevel.Information, logs.LevelOf("\"GET / HTTP/1.1\" 200"));
            Assert.Equal(LogLevel.Warning, logs.LevelOf("\"GET /no-such-page HTTP/1.1\" 404"));
            Assert.Equal(LogLevel.Warning, logs.LevelOf("Not Found: /no-such-page")); // Django's request log (DEBUG), no level either
            if (!noReload)
            {
                Assert.Equal(LogLevel.Information, logs.LevelOf("Watching for file changes with ")); // the autoreloader's INFO
            }
        }
        finally
        {
            await stop.CancelAsync();
        }

        var exitCode = await run.WaitAsync(Budget);
        var pid = logs.StartedPid("web");
        // SIGINT is Ctrl+C: runserver (and, with the reloader, its serving child) exits 0.
        Assert.True(exitCode == 0, logs.Text);
        Assert.True(logs.Text.Contains($"web#{pid} stopped gracefully", StringComparison.Ordinal), logs.Text);
        Assert.False(Loopback.IsRunning(pid), $"runserver (pid {pid}) outlived the host:\n{logs.Text}");
        Assert.False(Loopback.IsListening(port), $"something still listens on {port}: the reloader's child outlived the stop.\n{logs.Text}");
    }

    [Fact]
    public async Task The_check_runs_django_system_checks_on_the_project_of_a_management_command()
    {
        using var site = new DjangoSite();
        var (host, _) = TestHost.Build(o => o
            .UseDjangoDevServer("127.0.0.1:1")
            .WorkingDirectory(site.Directory)
            .Python(Python.Debian)
            .Environment("PSC_DB", site.Database));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await host.RunProdServerAsync(["web", "--check"], output, error, CancellationToken.None).WaitAsync(Budget);

        Assert.True(exitCode == 0, error.ToString());
        Assert.Contains("web: valid, and ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("manage.py check", output.ToString(), StringComparison.Ordinal);
    }
}
