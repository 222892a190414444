using System;
using System.Collections.Generic;
using System.Linq;
using ProdServer.Config.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>How a <see cref="CeleryFlowerArgs"/> process becomes <c>python -m celery --app=APP [global options] flower [options]</c>, and what it refuses.</summary>
public sealed class CeleryFlowerSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private ProcessDefinition Flower(CeleryFlowerArgs args) =>
        new("flower", ServerBackends.CeleryFlower) { App = "proj", Args = args, Python = _root.CreateExecutable("py/python3") };

    [Fact]
    public void Flower_runs_as_python_dash_m_celery_with_global_options_before_the_word_flower_and_tornado_style_values()
    {
        var plan = LaunchPlanner.Plan(
            Flower(new CeleryFlowerArgs
            {
                Broker = "redis://127.0.0.1:6379/0", Address = "127.0.0.1", Port = 5566, BasicAuth = ["u1:p1", "u2:p2"],
                AutoRefresh = false, Persistent = true, Logging = FlowerLogging.Warning,
            }),
            _root.Path, _root.CreateDirectory("empty"), hostEnvironment: new Dictionary<string, string>());

        Assert.Equal(
            ["-m", "celery", "--app=proj", "--broker=redis://127.0.0.1:6379/0", "flower", "--address=127.0.0.1", "--port=5566",
             "--basic-auth=u1:p1,u2:p2", "--persistent=true", "--auto-refresh=false", "--logging=warning"],
            plan.Arguments);
    }

    [Fact]
    public void Each_option_lands_on_the_side_of_the_subcommand_celery_parses_it_on()
    {
        var globals = CeleryGlobalArgs.ServerFlags.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var flag in CeleryFlowerArgs.ServerFlags.Where(f => f.Name.Length > 0))
        {
            var argv = ServerBackends.CeleryFlower.BuildArguments(Flower(ArgsReflection.WithSample<CeleryFlowerArgs>(flag))).ToList();
            var subcommand = argv.IndexOf("flower");

            var index = Assert.Single(argv.Select((a, i) => (a, i)), x => x.a.StartsWith("--" + flag.Name + "=", StringComparison.Ordinal) || x.a == "--" + flag.Name).i;
            Assert.True(globals.Contains(flag.Name) ? index < subcommand : index > subcommand, $"--{flag.Name} at {index}, flower at {subcommand}: {string.Join(' ', argv)}");
        }
    }

    [Fact]
    public void Flower_scrubs_FLOWER_variables_and_celerys_own()
    {
        var inherited = new Dictionary<string, string> { ["FLOWER_PORT"] = "1", ["FLOWER_UNAUTHENTICATED_API"] = "true", ["APP"] = "x", ["HOME"] = "/root" };

        var plan = LaunchPlanner.Plan(Flower(new CeleryFlowerArgs { Address = "127.0.0.1" }), _root.Path, _root.CreateDirectory("empty"), hostEnvironment: inherited);

        Assert.Contains("FLOWER_PORT", plan.RemovedEnvironment);
        Assert.Contains("FLOWER_UNAUTHENTICATED_API", plan.RemovedEnvironment);
        Assert.Contains("APP", plan.RemovedEnvironment);
        Assert.DoesNotContain("HOME", plan.RemovedEnvironment);
    }

    [Fact]
    public void Readiness_waits_for_flowers_port()
    {
        Assert.Equal([new ListenEndpoint("127.0.0.1", 5566)], ServerBackends.CeleryFlower.GetListenEndpoints(Flower(new CeleryFlowerArgs { Address = "127.0.0.1", Port = 5566 })));
        Assert.Equal([new ListenEndpoint("0.0.0.0", 5555)], ServerBackends.CeleryFlower.GetListenEndpoints(Flower(new CeleryFlowerArgs { BasicAuth = ["u:p"] })));
        Assert.Empty(ServerBackends.CeleryFlower.GetListenEndpoints(Flower(new CeleryFlowerArgs { UnixSocket = "/run/flower.sock" })));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.5")]
    public void Flower_listening_beyond_loopback_without_authentication_is_refused(string? address)
    {
        var failure = Options.SingleFailure(o => o.UseCeleryFlower("proj", f => f with { Address = address }));

        Assert.Contains("without authentication", failure, StringComparison.Ordinal);
        Assert.Contains("BasicAuth", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", null, null)]
    [InlineData("::1", null, null)]
    [InlineData("0.0.0.0", "u:p", null)]
    [InlineData(null, null, ".*@example\\.com")]
    public void Flower_on_loopback_or_with_authentication_is_accepted(string? address, string? basicAuth, string? auth)
    {
        var options = Options.Resolve(o => o.UseCeleryFlower("proj", f => f with
        {
            Address = address, BasicAuth = basicAuth is null ? null : [basicAuth], Auth = auth,
        }));

        Assert.IsType<CeleryFlowerArgs>(options.Find("flower")!.Args);
    }

    [Fact]
    public void Flower_options_from_configuration_take_comma_lists_and_booleans()
    {
        var options = Options.Resolve(null, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:flower:BACKEND"] = "django_prodserver.backends.celery.CeleryFlower",
            ["ProdServer:Processes:flower:APP"] = "proj",
            ["ProdServer:Processes:flower:ARGS:basic_auth"] = "u1:p1,u2:p2",
            ["ProdServer:Processes:flower:ARGS:address"] = "127.0.0.1",
            ["ProdServer:Processes:flower:ARGS:auto_refresh"] = "False",
        });

        var args = Assert.IsType<CeleryFlowerArgs>(options.Find("flower")!.Args);
        Assert.Equal(["u1:p1", "u2:p2"], args.BasicAuth);
        Assert.False(args.AutoRefresh);
    }

    [Fact]
    public void A_python_only_format_task_and_a_bad_basic_auth_pair_are_refused()
    {
        var failures = Options.Failures(o => o.UseCeleryFlower("proj", f => f with { Address = "127.0.0.1", FormatTask = "x", BasicAuth = ["nopassword"] }));

        Assert.Contains(failures, f => f.Contains("FormatTask is a Python function", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("BasicAuth entries must be user:password", StringComparison.Ordinal));
    }
}
