using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The SDK starts the real waitress-serve (Debian's python3-waitress) on a free loopback port.</summary>
public sealed class WaitressServingSpecs
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(30);

    private static (IHost Host, CapturingLoggerProvider Logs) BuildHost(Action<ProdServerBuilder> configure, params string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddProdServer(configure);
        return (builder.Build(), logs);
    }

    [Fact]
    public async Task I_can_serve_a_wsgi_app_through_waitress_and_stop_it_without_leaving_a_process()
    {
        var port = Loopback.FreePort();
        var (host, logs) = BuildHost(o => o
            .UseWaitress("hello:app", w => w with { Host = "127.0.0.1", Port = port, Threads = 2, Ident = "psc-test", ChannelTimeout = 30 })
            .WorkingDirectory("apps")
            .Python(Python.Debian));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/ping", StartBudget, () => run.IsCompleted);
        var body = await response.Content.ReadAsStringAsync();
        var pid = logs.StartedPid("web");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello from psc GET /ping\n", body);
        // --ident=psc-test reached waitress: it names itself in the Server header.
        Assert.Equal("psc-test", response.Headers.Server.ToString());
        Assert.Contains("--threads=2", logs.Text);

        await stop.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, exitCode);
        Assert.False(Loopback.IsRunning(pid), $"waitress-serve (pid {pid}) is still running after the host stopped.\n{logs.Text}");
        Assert.False(Loopback.IsListening(port));
        Assert.Contains($"web#{pid} stopped gracefully", logs.Text);
    }

    [Fact]
    public async Task I_can_run_waitress_serve_found_on_PATH_without_naming_an_interpreter()
    {
        var port = Loopback.FreePort();
        var (host, logs) = BuildHost(o => o
            .UseWaitress("hello:app", w => w with { Listen = [$"127.0.0.1:{port}"], Ident = "psc-path" })
            .WorkingDirectory("apps"));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = host.RunProdServerAsync([], TextWriter.Null, TextWriter.Null, stop.Token);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/", StartBudget, () => run.IsCompleted);

        Assert.Equal("psc-path", response.Headers.Server.ToString());
        Assert.Contains("waitress-serve --listen=127.0.0.1:", logs.Text);
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_server_that_cannot_import_the_app_makes_the_host_exit_non_zero_with_waitress_error_in_the_log()
    {
        var port = Loopback.FreePort();
        var (host, logs) = BuildHost(o => o
            .UseWaitress("no_such_module:app", w => w with { Host = "127.0.0.1", Port = port })
            .WorkingDirectory("apps")
            .Python(Python.Debian));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exitCode = await host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token)
            .WaitAsync(TimeSpan.FromSeconds(45));

        Assert.Equal(1, exitCode);
        Assert.Contains("Bad module 'no_such_module'", logs.Text);
        Assert.Contains(logs.Text.Split('\n'), l => l.StartsWith("Error ProdServer.Process.web", StringComparison.Ordinal) && l.Contains("failed with exit code 1"));
    }

    [Fact]
    public async Task Every_generated_flag_set_at_once_is_accepted_by_the_real_waitress()
    {
        // One record with every option that can be combined with Host/Port: waitress parses them all and serves.
        var port = Loopback.FreePort();
        var args = new WaitressArgs
        {
            Call = false, Host = "127.0.0.1", Port = port, Ipv4 = true, Ipv6 = false, Threads = 3,
            TrustedProxy = "127.0.0.1", TrustedProxyCount = 1,
            TrustedProxyHeaders = [TrustedProxyHeader.XForwardedFor, TrustedProxyHeader.XForwardedProto],
            LogUntrustedProxyHeaders = true, ClearUntrustedProxyHeaders = true, UrlScheme = "http", UrlPrefix = "/prefix",
            Backlog = 512, RecvBytes = 8192, OutbufOverflow = 1048576, OutbufHighWatermark = 16777216,
            InbufOverflow = 524288, ConnectionLimit = 50, CleanupInterval = 10, ChannelTimeout = 20, LogSocketErrors = false,
            MaxRequestHeaderSize = 65536, MaxRequestBodySize = 1048576, ExposeTracebacks = false, Ident = "psc-all",
            AsyncoreLoopTimeout = 1, AsyncoreUsePoll = true, ChannelRequestLookahead = 1, ServerName = "psc.test",
        };
        var (host, logs) = BuildHost(o => o.UseWaitress("hello:app", _ => args).WorkingDirectory("apps").Python(Python.Debian));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = host.RunProdServerAsync([], TextWriter.Null, TextWriter.Null, stop.Token);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/prefix/x", StartBudget, () => run.IsCompleted);

        Assert.True(response.IsSuccessStatusCode, logs.Text);
        Assert.Equal("psc-all", response.Headers.Server.ToString());
        // --url-prefix=/prefix took effect: waitress moved it from PATH_INFO to SCRIPT_NAME.
        Assert.Equal("hello from psc GET /x\n", await response.Content.ReadAsStringAsync());
        Assert.Contains("--no-ipv6", logs.Text);
        Assert.Contains("--asyncore-use-poll", logs.Text);
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_missing_working_directory_fails_the_start_with_a_message_naming_the_process()
    {
        var (host, _) = BuildHost(o => o.UseWaitress("hello:app").WorkingDirectory("does-not-exist").Python(Python.Debian));
        var error = new StringWriter();

        var exitCode = await host.RunProdServerAsync([], TextWriter.Null, error).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        Assert.Contains("Process 'web': WorkingDirectory", error.ToString());
        Assert.Contains("does-not-exist", error.ToString());
    }

    [Fact]
    public async Task Two_processes_run_side_by_side_when_both_are_named()
    {
        var (webPort, adminPort) = (Loopback.FreePort(), Loopback.FreePort());
        var (host, logs) = BuildHost(o =>
        {
            o.UseWaitress("hello:app", w => w with { Host = "127.0.0.1", Port = webPort, Ident = "web" }).WorkingDirectory("apps").Python(Python.Debian);
            o.Process("admin").UseWaitress("hello:app", w => w with { Host = "127.0.0.1", Port = adminPort, Ident = "admin" }).WorkingDirectory("apps").Python(Python.Debian);
        });

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = host.RunProdServerAsync(["web", "admin"], TextWriter.Null, TextWriter.Null, stop.Token);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        using var web = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{webPort}/", StartBudget, () => run.IsCompleted);
        using var admin = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{adminPort}/", StartBudget, () => run.IsCompleted);

        Assert.Equal("web", web.Headers.Server.ToString());
        Assert.Equal("admin", admin.Headers.Server.ToString());
        var pids = new[] { logs.StartedPid("web"), logs.StartedPid("admin") };
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.DoesNotContain(pids, Loopback.IsRunning);
    }
}
