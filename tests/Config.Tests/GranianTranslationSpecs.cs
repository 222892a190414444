using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>What <c>granian</c> receives (granian is not packaged for Debian, so this is checked against granian.tsv).</summary>
public sealed class GranianTranslationSpecs
{
    private static string[] Translate(GranianArgs args)
    {
        var argv = new List<string>();
        args.AppendArguments(argv);
        return [.. argv];
    }

    private static ProcessDefinition Web(ServerBackend backend, GranianArgs args, string app = "mysite.asgi:application") =>
        new("web", backend) { App = app, Args = args };

    [Fact]
    public void The_interface_is_always_written_first_because_granians_default_is_rsgi()
    {
        Assert.Equal(
            ["--interface=asgi", "--port=8000", "mysite.asgi:application"],
            ServerBackends.Granian.BuildArguments(Web(ServerBackends.Granian, new() { Port = 8000 })));
        Assert.Equal(
            ["--interface=wsgi", "--blocking-threads=4", "mysite.wsgi:application"],
            ServerBackends.GranianWsgi.BuildArguments(Web(ServerBackends.GranianWsgi, new() { BlockingThreads = 4 }, "mysite.wsgi:application")));
    }

    [Fact]
    public void Every_boolean_is_a_click_pair()
    {
        Assert.Equal(["--no-ws", "--no-access-log", "--respawn-failed-workers"], Translate(new() { WebSockets = false, RespawnFailedWorkers = true, AccessLog = false }));
    }

    [Theory]
    [InlineData("0660")]
    [InlineData("0o660")]
    public void Socket_permissions_are_passed_as_written_so_a_leading_zero_keeps_them_octal(string mode)
    {
        Assert.Equal(["--uds=/run/web.sock", "--uds-permissions=" + mode], Translate(new() { Uds = "/run/web.sock", UdsPermissions = mode }));
    }

    [Fact]
    public void Enum_options_use_granians_spelling()
    {
        Assert.Equal(
            ["--http=2", "--runtime-mode=st", "--loop=uvloop", "--task-impl=rust", "--log-level=warn", "--ssl-protocol-min=tls1.2"],
            Translate(new()
            {
                Http = GranianHttp.Http2, RuntimeMode = GranianRuntimeMode.SingleThreaded, Loop = GranianLoop.Uvloop,
                TaskImpl = GranianTaskImpl.Rust, LogLevel = GranianLogLevel.Warn, SslProtocolMin = GranianTlsVersion.Tls12,
            }));
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("1h30m", 5400)]
    [InlineData("45s", 45)]
    [InlineData("2m", 120)]
    public void Durations_are_read_as_granian_reads_them(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), GranianDuration.Parse(text));
    }

    [Fact]
    public void Granian_gets_its_worker_kill_timeout_plus_a_margin_when_one_is_set()
    {
        Assert.Equal(ProcessDefinition.DefaultStopTimeout, Web(ServerBackends.Granian, new()).EffectiveStopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(125), Web(ServerBackends.Granian, new() { WorkersKillTimeout = "2m" }).EffectiveStopTimeout);
    }

    [Fact]
    public void Variables_that_feed_granians_options_are_removed_unless_the_process_sets_them()
    {
        var inherited = new Dictionary<string, string> { ["GRANIAN_PORT"] = "9000", ["GRANIAN_INTERFACE"] = "rsgi", ["PATH"] = "/usr/bin" };

        var plan = LaunchPlanner.Plan(Web(ServerBackends.Granian, new()), "/", requireExecutable: false, hostEnvironment: inherited);

        Assert.Equal(["GRANIAN_INTERFACE", "GRANIAN_PORT"], plan.RemovedEnvironment);
    }

    [Fact]
    public void Version_limited_values_are_checked_as_well_as_version_limited_flags()
    {
        var requirements = ServerBackends.Granian.GetVersionRequirements(Web(ServerBackends.Granian, new()
        {
            Loop = GranianLoop.Winloop, WorkersLifetime = "1h", Metrics = true, StaticPathRoutes = ["/a", "/b"], StaticPathMounts = ["a", "b"],
        }));

        Assert.Contains(requirements, r => r.Key == "Args:Metrics" && r.Since == "2.7.0");
        Assert.Contains(requirements, r => r.Key == "Args:Loop" && r.Since == "2.6.0");
        Assert.Contains(requirements, r => r.Key == "Args:WorkersLifetime" && r.Since == "2.5.0");
        Assert.Contains(requirements, r => r.Key == "Args:StaticPathRoutes" && r.Since == "2.7.0");
    }
}

/// <summary><c>--dry-run</c> for both Granian variants, pinned.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class GranianDryRunSpecs
{
    [Fact]
    public async Task A_typical_production_granian_for_an_asgi_app_prints_this_command_line()
    {
        using var _ = DryRunner.WithoutVariables(ServerBackends.Granian.ScrubbedEnvironment);

        var output = await DryRunner.RunAsync(o => o
            .UseGranian("mysite.asgi:application", g => g with
            {
                Host = "127.0.0.1", Port = 8000, Workers = 4, RuntimeThreads = 2, Backlog = 2048, Http1KeepAlive = true,
                AccessLog = true, RespawnFailedWorkers = true, WorkersKillTimeout = "30",
            })
            .Python("/usr/bin/python3"));

        Assert.Equal(
            "# web (Granian) in <root>\n" +
            "# needs granian 2.0.0 or newer for RuntimeThreads (--runtime-threads) (checked at start)\n" +
            "# env PYTHONUNBUFFERED=1\n" +
            "/usr/bin/python3 -c 'import sys; sys.argv[0] = '\\''granian'\\''; from granian.cli import entrypoint; sys.exit(entrypoint())' " +
            "--interface=asgi --host=127.0.0.1 --port=8000 --workers=4 --runtime-threads=2 --backlog=2048 --http1-keep-alive " +
            "--access-log --respawn-failed-workers --workers-kill-timeout=30 mysite.asgi:application\n",
            output);
    }

    [Fact]
    public async Task A_typical_production_granian_for_a_wsgi_app_prints_this_command_line()
    {
        using var _ = DryRunner.WithVariables(ServerBackends.GranianWsgi.ScrubbedEnvironment,
            new Dictionary<string, string> { ["GRANIAN_INTERFACE"] = "rsgi" });

        var output = await DryRunner.RunAsync(o => o
            .UseGranianWsgi("mysite.wsgi:application", g => g with { Uds = "/run/mysite/web.sock", UdsPermissions = "0660", Workers = 2, BlockingThreads = 8 })
            .Python("/usr/bin/python3"));

        Assert.Equal(
            "# web (GranianWsgi) in <root>\n" +
            "# unset GRANIAN_INTERFACE (it would override the typed configuration)\n" +
            "# needs granian 2.5.0 or newer for Uds (--uds) (checked at start)\n" +
            "# needs granian 2.6.0 or newer for UdsPermissions (--uds-permissions) (checked at start)\n" +
            "# env PYTHONUNBUFFERED=1\n" +
            "/usr/bin/python3 -c 'import sys; sys.argv[0] = '\\''granian'\\''; from granian.cli import entrypoint; sys.exit(entrypoint())' " +
            "--interface=wsgi --uds=/run/mysite/web.sock --uds-permissions=0660 --workers=2 --blocking-threads=8 mysite.wsgi:application\n",
            output);
    }
}
