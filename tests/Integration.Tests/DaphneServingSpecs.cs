using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The SDK starts Debian's daphne 4.0.0 (<c>/usr/bin/python3 -m daphne</c>) for Django's ASGI application and stops it cleanly.</summary>
public sealed class DaphneServingSpecs : IDisposable
{
    public void Dispose() => Environment.ExitCode = 0;

    [Fact]
    public async Task I_can_serve_djangos_asgi_application_through_daphne_and_stop_it_leaving_nothing()
    {
        var port = Loopback.FreePort();
        var (host, logs) = ServingHost.Build(o => o
            .UseDaphne("djsite.asgi:application", d => d with { Bind = "127.0.0.1", Port = port, Verbosity = 1, ServerName = "psc-daphne" })
            .WorkingDirectory("apps")
            .Environment("DJANGO_SETTINGS_MODULE", "djsite.settings")
            .Python(Python.Debian));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        int pid;
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/page", ServingHost.StartBudget, () => run.IsCompleted);
            pid = logs.StartedPid("web");

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Matches(new System.Text.RegularExpressions.Regex(@"^django 3\.2\.\d+ over asgi\n$"), await response.Content.ReadAsStringAsync());
            Assert.Contains("psc-daphne", string.Join(" ", response.Headers.Server), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, $"daphne exited {exitCode}.\n{logs.Text}");
        }

        Assert.False(Loopback.IsRunning(pid), $"daphne (pid {pid}) still runs after the stop.\n{logs.Text}");
        Assert.False(Loopback.IsListening(port));
        Assert.Contains("-m daphne --bind=127.0.0.1 --port=" + port, logs.Text, StringComparison.Ordinal);
    }
}
