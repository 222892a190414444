using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The SDK starts Debian's uvicorn 0.17.6 (<c>/usr/bin/python3 -m uvicorn</c>) for an ASGI app and for a WSGI app.</summary>
public sealed class UvicornServingSpecs : IDisposable
{
    public void Dispose() => Environment.ExitCode = 0;

    private static async Task<(string Body, string Log)> ServeOnceAsync(Action<ProdServerBuilder> configure, int port)
    {
        var (host, logs) = ServingHost.Build(configure);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/ping", ServingHost.StartBudget, () => run.IsCompleted);
            var body = await response.Content.ReadAsStringAsync();
            var pid = logs.StartedPid("web");

            await stop.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, exitCode);
            Assert.False(Loopback.IsRunning(pid), $"uvicorn (pid {pid}) still runs after the stop.\n{logs.Text}");
            Assert.False(Loopback.IsListening(port));
            return (body, logs.Text);
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task I_can_serve_an_asgi_app_through_uvicorn_with_per_message_deflate_set()
    {
        var port = Loopback.FreePort();

        var (body, log) = await ServeOnceAsync(o => o
            .UseUvicorn("hello_asgi:app", u => u with
            {
                Host = "127.0.0.1", Port = port, WebSocketPerMessageDeflate = true, Lifespan = UvicornLifespan.On, ProxyHeaders = false,
                TimeoutKeepAlive = 5, LogLevel = UvicornLogLevel.Debug,
            })
            .WorkingDirectory("apps")
            .Python(Python.Debian), port);

        Assert.Equal("hello from psc asgi GET /ping\n", body);
        Assert.Contains("-m uvicorn hello_asgi:app --host=127.0.0.1", log, StringComparison.Ordinal);
        Assert.Contains("--ws-per-message-deflate=true", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task I_can_serve_djangos_asgi_application_through_uvicorn()
    {
        var port = Loopback.FreePort();

        var (host, logs) = ServingHost.Build(o => o
            .UseUvicorn("djsite.asgi:application", u => u with { Host = "127.0.0.1", Port = port, Workers = 1 })
            .WorkingDirectory("apps")
            .Environment("DJANGO_SETTINGS_MODULE", "djsite.settings")
            .Python(Python.Debian));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/page", ServingHost.StartBudget, () => run.IsCompleted);

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Matches(new System.Text.RegularExpressions.Regex(@"^django 3\.2\.\d+ over asgi\n$"), await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await stop.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, $"uvicorn exited {exitCode}.\n{logs.Text}");
        }

        Assert.Contains("-m uvicorn djsite.asgi:application", logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task I_can_serve_a_wsgi_app_through_uvicorn_with_interface_wsgi()
    {
        var port = Loopback.FreePort();

        var (body, log) = await ServeOnceAsync(o => o
            .UseUvicornWsgi("hello:app", u => u with { Host = "127.0.0.1", Port = port, AccessLog = false })
            .WorkingDirectory("apps")
            .Python(Python.Debian), port);

        Assert.Equal("hello from psc GET /ping\n", body);
        Assert.Contains("-m uvicorn hello:app --interface=wsgi", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flag_uvicorn_0_17_lacks_is_reported_before_launch_with_the_release_it_needs()
    {
        var (host, _) = ServingHost.Build(o => o
            .UseUvicorn("hello_asgi:app", u => u with { Port = Loopback.FreePort(), TimeoutGracefulShutdown = 10 })
            .WorkingDirectory("apps")
            .Python(Python.Debian));
        using var error = new StringWriter();

        var exitCode = await host.RunProdServerAsync(["web"], TextWriter.Null, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "TimeoutGracefulShutdown (--timeout-graceful-shutdown) needs uvicorn 0.22.0 or newer, but the installed uvicorn is 0.17.6.",
            error.ToString(), StringComparison.Ordinal);
    }
}
