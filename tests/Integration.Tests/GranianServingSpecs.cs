using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The SDK starts the <c>granian</c> found on PATH, when there is one (see <see cref="FactWhenGranianAttribute"/>).</summary>
public sealed class GranianServingSpecs : IDisposable
{
    public void Dispose() => Environment.ExitCode = 0;

    private static async Task ServeOnceAsync(Action<ProdServerBuilder> configure, int port, string expectedBody, string expectedArgument)
    {
        var (host, logs) = ServingHost.Build(configure);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/ping", ServingHost.StartBudget, () => run.IsCompleted);

            Assert.Equal(expectedBody, await response.Content.ReadAsStringAsync());
            Assert.Contains(expectedArgument, logs.Text, StringComparison.Ordinal);
            var pid = logs.StartedPid("web");
            await stop.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.False(Loopback.IsRunning(pid), $"granian (pid {pid}) still runs after the stop.\n{logs.Text}");
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    [FactWhenGranian]
    public async Task I_can_serve_an_asgi_app_through_granian()
    {
        var port = Loopback.FreePort();

        await ServeOnceAsync(
            o => o.UseGranian("hello_asgi:app", g => g with { Host = "127.0.0.1", Port = port, Workers = 1 }).WorkingDirectory("apps"),
            port, "hello from psc asgi GET /ping\n", "--interface=asgi");
    }

    [FactWhenGranian]
    public async Task I_can_serve_a_wsgi_app_through_granian()
    {
        var port = Loopback.FreePort();

        await ServeOnceAsync(
            o => o.UseGranianWsgi("hello:app", g => g with { Host = "127.0.0.1", Port = port, BlockingThreads = 2 }).WorkingDirectory("apps"),
            port, "hello from psc GET /ping\n", "--interface=wsgi");
    }
}
