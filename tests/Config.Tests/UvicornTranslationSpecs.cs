using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>What <c>python -m uvicorn</c> receives: its click spellings (see ../shared/reference/README.md) and the launch shape of both variants.</summary>
public sealed class UvicornTranslationSpecs
{
    private static string[] Translate(UvicornArgs args)
    {
        var argv = new List<string>();
        args.AppendArguments(argv);
        return [.. argv];
    }

    private static ProcessDefinition Web(ServerBackend backend, UvicornArgs args, string app = "mysite.asgi:application") =>
        new("web", backend) { App = app, Args = args };

    [Theory]
    [InlineData(true, "--ws-per-message-deflate=true")]
    [InlineData(false, "--ws-per-message-deflate=false")]
    public void Per_message_deflate_is_written_with_its_value_because_the_bare_flag_would_swallow_the_next_word(bool on, string expected)
    {
        Assert.Equal([expected], Translate(new() { WebSocketPerMessageDeflate = on }));
    }

    [Fact]
    public void Negatable_options_use_clicks_no_form_and_switches_are_written_only_when_on()
    {
        Assert.Equal(["--no-access-log", "--proxy-headers"], Translate(new() { AccessLog = false, ProxyHeaders = true }));
        Assert.Equal(["--factory"], Translate(new() { Factory = true }));
        Assert.Empty(Translate(new() { Factory = false, Reload = false }));
    }

    [Fact]
    public void The_asgi_variant_puts_the_app_first_and_leaves_the_interface_to_uvicorn()
    {
        var argv = ServerBackends.Uvicorn.BuildArguments(Web(ServerBackends.Uvicorn, new() { Host = "127.0.0.1", Port = 8000, Workers = 2 }));

        Assert.Equal(["mysite.asgi:application", "--host=127.0.0.1", "--port=8000", "--workers=2"], argv);
    }

    [Fact]
    public void The_wsgi_variant_writes_interface_wsgi_which_uvicorn_never_picks_on_its_own()
    {
        var argv = ServerBackends.UvicornWsgi.BuildArguments(Web(ServerBackends.UvicornWsgi, new() { Port = 8000 }, "mysite.wsgi:application"));

        Assert.Equal(["mysite.wsgi:application", "--interface=wsgi", "--port=8000"], argv);
    }

    [Fact]
    public void Uvicorn_runs_as_a_python_module_because_debian_has_no_uvicorn_script()
    {
        var process = Web(ServerBackends.Uvicorn, new() { Port = 8000 });
        process.Python = "/usr/bin/python3";

        var plan = LaunchPlanner.Plan(process, "/", requireExecutable: false, hostEnvironment: new Dictionary<string, string>());

        Assert.Equal(LaunchKind.PythonModule, ServerBackends.Uvicorn.LaunchKind);
        Assert.Equal("/usr/bin/python3", plan.Executable);
        Assert.Equal(["-m", "uvicorn", "mysite.asgi:application", "--port=8000"], plan.Arguments);
    }

    [Fact]
    public void Enum_options_use_uvicorns_spelling()
    {
        Assert.Equal(
            ["--loop=asyncio", "--http=h11", "--ws=websockets-sansio", "--lifespan=off", "--log-level=trace", "--ssl-cert-reqs=2"],
            Translate(new()
            {
                Loop = UvicornLoop.Asyncio, Http = UvicornHttp.H11, WebSockets = UvicornWebSockets.WebsocketsSansio,
                Lifespan = UvicornLifespan.Off, LogLevel = UvicornLogLevel.Trace, SslCertReqs = CertRequirements.Required,
            }));
    }

    [Fact]
    public void Uvicorn_gets_its_graceful_shutdown_timeout_plus_a_margin_when_one_is_set()
    {
        Assert.Equal(ProcessDefinition.DefaultStopTimeout, Web(ServerBackends.Uvicorn, new()).EffectiveStopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), Web(ServerBackends.Uvicorn, new() { TimeoutGracefulShutdown = 15 }).EffectiveStopTimeout);
    }

    [Fact]
    public void Variables_that_feed_uvicorns_options_are_removed_unless_the_process_sets_them()
    {
        var process = Web(ServerBackends.UvicornWsgi, new(), "mysite.wsgi:application");
        process.Environment["UVICORN_LOG_LEVEL"] = "debug";
        var inherited = new Dictionary<string, string>
        {
            ["UVICORN_PORT"] = "9000", ["UVICORN_APP"] = "other:app", ["UVICORN_LOG_LEVEL"] = "info", ["WEB_CONCURRENCY"] = "8",
            ["FORWARDED_ALLOW_IPS"] = "*", ["UVICORNISH"] = "kept",
        };

        var plan = LaunchPlanner.Plan(process, "/", requireExecutable: false, hostEnvironment: inherited);

        Assert.Equal(["FORWARDED_ALLOW_IPS", "UVICORN_APP", "UVICORN_PORT", "WEB_CONCURRENCY"], plan.RemovedEnvironment);
    }

    [Fact]
    public void Both_variants_are_known_by_name_in_configuration()
    {
        Assert.Same(ServerBackends.Uvicorn, ServerBackends.Find("uvicorn"));
        Assert.Same(ServerBackends.UvicornWsgi, ServerBackends.Find("UvicornWsgi"));
    }
}

/// <summary><c>--dry-run</c> for both Uvicorn variants, pinned.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class UvicornDryRunSpecs
{
    [Fact]
    public async Task A_typical_production_uvicorn_for_an_asgi_app_prints_this_command_line()
    {
        using var _ = DryRunner.WithoutVariables(ServerBackends.Uvicorn.ScrubbedEnvironment);

        var output = await DryRunner.RunAsync(o => o
            .UseUvicorn("mysite.asgi:application", u => u with
            {
                Host = "127.0.0.1", Port = 8000, Workers = 4, ProxyHeaders = true, ForwardedAllowIps = "127.0.0.1",
                AccessLog = false, TimeoutKeepAlive = 5, LimitConcurrency = 200, WebSocketPerMessageDeflate = true,
            })
            .Python("/usr/bin/python3"));

        Assert.Equal(
            "# web (Uvicorn) in <root>\n" +
            "# env PYTHONUNBUFFERED=1\n" +
            "/usr/bin/python3 -m uvicorn mysite.asgi:application --host=127.0.0.1 --port=8000 --workers=4 " +
            "--ws-per-message-deflate=true --no-access-log --proxy-headers --forwarded-allow-ips=127.0.0.1 " +
            "--limit-concurrency=200 --timeout-keep-alive=5\n",
            output);
    }

    [Fact]
    public async Task A_typical_production_uvicorn_for_a_wsgi_app_prints_this_command_line()
    {
        using var _ = DryRunner.WithVariables(ServerBackends.UvicornWsgi.ScrubbedEnvironment,
            new Dictionary<string, string> { ["UVICORN_PORT"] = "9000" });

        var output = await DryRunner.RunAsync(o => o
            .UseUvicornWsgi("mysite.wsgi:application", u => u with { Uds = "/run/mysite/web.sock", Workers = 2, TimeoutGracefulShutdown = 20 })
            .Python("/usr/bin/python3"));

        Assert.Equal(
            "# web (UvicornWsgi) in <root>\n" +
            "# unset UVICORN_PORT (it would override the typed configuration)\n" +
            "# needs uvicorn 0.22.0 or newer for TimeoutGracefulShutdown (--timeout-graceful-shutdown) (checked at start)\n" +
            "# env PYTHONUNBUFFERED=1\n" +
            "/usr/bin/python3 -m uvicorn mysite.wsgi:application --interface=wsgi --uds=/run/mysite/web.sock --workers=2 " +
            "--timeout-graceful-shutdown=20\n",
            output);
    }
}
