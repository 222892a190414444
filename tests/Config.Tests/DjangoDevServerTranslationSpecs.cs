using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>How a <see cref="DjangoDevServerArgs"/> process becomes <c>python manage.py runserver [options] [addrport]</c>.</summary>
public sealed class DjangoDevServerTranslationSpecs
{
    [Fact]
    public void The_address_is_the_app_and_comes_after_the_options()
    {
        var process = new ProcessDefinition("dev", ServerBackends.DjangoDevServer)
        {
            App = "127.0.0.1:8001",
            Args = new DjangoDevServerArgs { NoReload = true, NoThreading = true, Ipv6 = false, Insecure = true, Verbosity = DjangoVerbosity.Minimal },
        };

        Assert.Equal(["--nothreading", "--noreload", "--insecure", "--verbosity=0", "127.0.0.1:8001"], ServerBackends.DjangoDevServer.BuildArguments(process));
    }

    [Theory]
    [InlineData(null, "127.0.0.1", 8000)]
    [InlineData("8001", "127.0.0.1", 8001)]
    [InlineData("0.0.0.0:8002", "0.0.0.0", 8002)]
    [InlineData("[::1]:8003", "::1", 8003)]
    [InlineData("localhost:8004", "localhost", 8004)]
    public void The_address_runserver_listens_on_is_its_readiness_and_port_check(string? app, string host, int port)
    {
        // Before, none: the dev server was "ready" after a second whether or not it listened.
        var process = new ProcessDefinition("dev", ServerBackends.DjangoDevServer) { App = app };

        Assert.Equal([new ListenEndpoint(host, port)], ServerBackends.DjangoDevServer.GetListenEndpoints(process));
    }

    [Fact]
    public void Without_an_address_Django_picks_its_default()
    {
        var options = Options.Resolve(o =>
        {
            o.UseDjangoDevServer();
            o.Process("dev").UseDjangoDevServer(d => d with { NoReload = true });
        });

        var process = options.Find("dev")!;
        Assert.Null(process.App);
        Assert.Equal(["--noreload"], ServerBackends.DjangoDevServer.BuildArguments(process));
        Assert.Empty(ServerBackends.DjangoDevServer.BuildArguments(options.Find("web")!));
    }

    [Fact]
    public void The_dev_server_stops_with_SIGINT_like_Ctrl_C_and_scrubs_RUN_MAIN()
    {
        var plan = LaunchPlanner.Plan(new ProcessDefinition("dev", ServerBackends.DjangoDevServer), "/", "", requireExecutable: false,
            hostEnvironment: new Dictionary<string, string> { ["RUN_MAIN"] = "true" });

        Assert.Equal(2, plan.StopSignal);
        Assert.Equal(["RUN_MAIN"], plan.RemovedEnvironment);
    }

    [Theory]
    [InlineData("8000")]
    [InlineData("127.0.0.1:8000")]
    [InlineData("0.0.0.0:80")]
    [InlineData("[::1]:8000")]
    [InlineData("localhost:8000")]
    public void Each_address_form_runserver_accepts_passes(string addrport)
    {
        var options = Options.Resolve(o => o.UseDjangoDevServer(addrport));

        Assert.Equal(addrport, Assert.Single(options.Processes).App);
    }

    [Theory]
    [InlineData("mysite.wsgi:application")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("8000000")]
    public void Anything_but_an_address_is_refused_as_the_app(string app)
    {
        var failure = Options.SingleFailure(o => o.UseDjangoDevServer(app));

        Assert.StartsWith($"Process 'web': App '{app}' must be the address runserver listens on", failure, StringComparison.Ordinal);
        Assert.EndsWith("(ProdServer:Processes:web:App)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Insecure_with_no_static_is_refused()
    {
        var failure = Options.SingleFailure(o => o.UseDjangoDevServer("8000", d => d with { NoStatic = true, Insecure = true }));

        Assert.Contains("Insecure has no effect with NoStatic", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dev_server_is_configured_from_json()
    {
        var options = Options.FromJson("""
            { "ProdServer": { "Processes": { "dev": { "Backend": "DjangoDevServer", "App": "127.0.0.1:8000",
              "Args": { "noreload": "true", "nothreading": "true", "verbosity": "VeryVerbose" } } } } }
            """);

        Assert.Equal(new DjangoDevServerArgs { NoReload = true, NoThreading = true, Verbosity = DjangoVerbosity.VeryVerbose }, options.Find("dev")!.Args);
    }

    [Fact]
    public async Task The_dry_run_of_a_typical_development_server_is_stable()
    {
        var output = await DryRunOutput.OfAsync(o => o
            .UseDjangoDevServer("127.0.0.1:8000", d => d with { Insecure = true })
            .Python("/usr/bin/python3")
            .WorkingDirectory("src")
            .Environment("DJANGO_SETTINGS_MODULE", "mysite.settings.dev"), "web");

        Assert.Equal("""
            # web (DjangoDevServer) in {root}/src
            # env PYTHONUNBUFFERED=1
            # env DJANGO_SETTINGS_MODULE=mysite.settings.dev
            /usr/bin/python3 {root}/src/manage.py runserver --insecure 127.0.0.1:8000
            """, output);
    }
}
