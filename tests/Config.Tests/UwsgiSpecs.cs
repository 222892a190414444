using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>What <c>uwsgi</c> receives, how it is stopped, and what is refused before uwsgi could misread it (see ../shared/reference/README.md).</summary>
public sealed class UwsgiSpecs
{
    private static UwsgiArgs Serving => new() { Plugin = ["python3"], HttpSocket = ["127.0.0.1:8000"], Master = true };

    private static ProcessDefinition Web(UwsgiArgs args, string? app = "mysite.wsgi:application") =>
        new("web", ServerBackends.Uwsgi) { App = app, Args = args };

    private static IReadOnlyList<string> Problems(ProcessDefinition process) =>
        ServerBackends.Uwsgi.Validate(process).Select(p => $"{p.Key}: {p.Message}").ToList();

    [Fact]
    public void The_plugins_come_first_then_the_options_then_the_graceful_stop_hook_and_the_app_as_module()
    {
        var argv = ServerBackends.Uwsgi.BuildArguments(Web(Serving with { Processes = 2, Umask = "027", WsgiEnvBehaviour = UwsgiWsgiEnvBehaviour.Holy, Vacuum = true, Lazy = false }));

        Assert.Equal(LaunchKind.ConsoleScript, ServerBackends.Uwsgi.LaunchKind);
        Assert.Equal(
            ["--plugin=python3", "--http-socket=127.0.0.1:8000", "--umask=027", "--master", "--processes=2", "--wsgi-env-behaviour=holy", "--vacuum",
             "--hook-master-start=unix_signal:15 gracefully_kill_them_all", "--module=mysite.wsgi:application"],
            argv);
    }

    [Fact]
    public void Sigterm_goes_to_the_master_alone_and_the_stop_waits_for_the_worker_mercy_plus_a_margin()
    {
        Assert.Equal(15, ServerBackends.Uwsgi.StopSignal);
        Assert.False(ServerBackends.Uwsgi.StopSignalToGroup);
        Assert.Equal(TimeSpan.FromSeconds(25), Web(Serving).EffectiveStopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), Web(Serving with { WorkerReloadMercy = 10 }).EffectiveStopTimeout);
        Assert.Contains("UWSGI_*", ServerBackends.Uwsgi.ScrubbedEnvironment);
    }

    [Fact]
    public void Readiness_probes_the_tcp_sockets_and_reads_a_bare_port_as_every_interface()
    {
        var endpoints = ServerBackends.Uwsgi.GetListenEndpoints(Web(Serving with
        {
            HttpSocket = ["127.0.0.1:8000", "/run/app.sock"], Socket = [":3031"], HttpsSocket = ["0.0.0.0:8443,cert.pem,key.pem"],
        }));

        Assert.Equal([new ListenEndpoint("127.0.0.1", 8000), new ListenEndpoint("0.0.0.0", 3031), new ListenEndpoint("0.0.0.0", 8443)], endpoints);
    }

    [Fact]
    public void Settings_uwsgi_would_misread_or_ignore_are_refused_before_launch()
    {
        var problems = Problems(Web(new()
        {
            Processes = 0, ChmodSocket = "0660", Umask = "22", BufferSize = 70000, Log5xx = true, StatsHttp = true, MaxRequestsDelta = 5,
            HttpSocket = ["127.0.0.1:99999"], Env = ["NOEQUALS"], HttpTimeout = 30,
        }));

        Assert.Contains(problems, p => p.StartsWith("Args:Master: Master must be true", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Processes must be at least 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ChmodSocket must be exactly three octal digits", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("uwsgi turns '22' into umask 000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("BufferSize must be between 1 and 65535", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Log5xx needs DisableLogging", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("StatsHttp needs Stats", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MaxRequestsDelta needs MaxRequests", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("HttpSocket entry '127.0.0.1:99999'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Env entry 'NOEQUALS' must be KEY=VALUE", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("HttpTimeout needs Http", StringComparison.Ordinal));
        Assert.Empty(Problems(Web(Serving with { ChmodSocket = "660", Umask = "0027", DisableLogging = true, Log5xx = true, Socket = ["/run/app.sock"] })));
    }

    [Fact]
    public void Uwsgi_needs_a_socket_and_exactly_one_app_source_and_no_python_interpreter_of_its_own()
    {
        Assert.Contains(Problems(Web(new() { Master = true })), p => p.Contains("uwsgi needs somewhere to listen", StringComparison.Ordinal));
        Assert.Contains(Problems(Web(Serving with { Module = "other.wsgi" })), p => p.StartsWith("App: App and Args:Module both name the app", StringComparison.Ordinal));
        Assert.Contains(Problems(Web(Serving, app: null)), p => p.StartsWith("App: App is required", StringComparison.Ordinal));
        Assert.Empty(Problems(Web(Serving with { WsgiFile = "mysite/wsgi.py" }, app: null)));
        Assert.Contains(Problems(new ProcessDefinition("web", ServerBackends.Uwsgi) { App = "mysite.wsgi:application", Args = Serving, Python = "/usr/bin/python3" }),
            p => p.StartsWith("Python: Python is not used by the Uwsgi backend", StringComparison.Ordinal));
        Assert.Contains(Problems(Web(Serving, app: "mysite.wsgi.application")), p => p.Contains("must be 'module:object'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_flags_newer_than_debians_uwsgi_name_their_release_and_daemonize_is_refused_in_extra_args()
    {
        var requirements = ServerBackends.Uwsgi.GetVersionRequirements(Web(Serving with { MaxRequests = 1000, MaxRequestsDelta = 10, Harakiri = 30, HarakiriGracefulTimeout = 5 }));

        Assert.Contains(requirements, r => r.Key == "Args:MaxRequestsDelta" && r.Since == "2.0.29");
        Assert.Contains(requirements, r => r.Key == "Args:HarakiriGracefulTimeout" && r.Since == "2.0.22");
        Assert.Contains(Problems(Web(Serving with { ExtraArgs = ["--daemonize=/tmp/u.log"] })), p => p.Contains("would detach uwsgi", StringComparison.Ordinal));
        Assert.Equal(DjangoApplicationSetting.Wsgi, DjangoApplicationSetting.For(ServerBackends.Uwsgi));
    }

    [Fact]
    public void An_appsettings_process_binds_uwsgis_own_spellings_and_starts_with_the_plugin()
    {
        var options = Options.Resolve(null, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Backend"] = "Uwsgi",
            ["ProdServer:Processes:web:App"] = "mysite.wsgi:application",
            ["ProdServer:Processes:web:Args:plugin:0"] = "python3",
            ["ProdServer:Processes:web:Args:http-socket:0"] = "127.0.0.1:8000",
            ["ProdServer:Processes:web:Args:master"] = "true",
            ["ProdServer:Processes:web:Args:harakiri"] = "30",
        });
        var web = options.Find("web")!;

        Assert.Equal(
            ["--plugin=python3", "--http-socket=127.0.0.1:8000", "--master", "--harakiri=30", "--hook-master-start=" + UwsgiBackend.GracefulStopHook, "--module=mysite.wsgi:application"],
            web.Backend.BuildArguments(web));
    }
}

/// <summary><c>--dry-run</c> for the documented uWSGI process, pinned (docs/backends/uwsgi.md).</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class UwsgiDryRunSpecs
{
    [Fact]
    public async Task The_documented_uwsgi_process_prints_this_command_line()
    {
        using var _ = DryRunner.WithoutVariables(ServerBackends.Uwsgi.ScrubbedEnvironment);

        var output = await DryRunner.RunAsync(o => o.Process("web").UseUwsgi("mysite.wsgi:application", u => u with
        {
            Plugin = ["python3"], HttpSocket = ["127.0.0.1:8004"], Master = true, Processes = 4, NeedApp = true,
            Harakiri = 30, MaxRequests = 1000, MinWorkerLifetime = 1, Vacuum = true,
        }));

        Assert.Equal(
            "# web (Uwsgi) in <root>\n" +
            "# env PYTHONUNBUFFERED=1\n" +
            "/usr/bin/uwsgi --plugin=python3 --http-socket=127.0.0.1:8004 --master --processes=4 --need-app --vacuum --harakiri=30 " +
            "--max-requests=1000 --min-worker-lifetime=1 '--hook-master-start=unix_signal:15 gracefully_kill_them_all' " +
            "--module=mysite.wsgi:application\n",
            output);
    }
}
