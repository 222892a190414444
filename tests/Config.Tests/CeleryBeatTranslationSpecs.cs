using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>How a <see cref="CeleryBeatArgs"/> process becomes <c>python -m celery --app=APP [global options] beat [options]</c>.</summary>
public sealed class CeleryBeatTranslationSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private ProcessDefinition Beat(CeleryBeatArgs args) =>
        new("beat", ServerBackends.CeleryBeat) { App = "proj", Args = args, Python = _root.CreateExecutable("py/python3") };

    [Fact]
    public void Beat_runs_as_python_dash_m_celery_with_global_options_before_the_word_beat()
    {
        var plan = LaunchPlanner.Plan(
            Beat(new CeleryBeatArgs { Broker = "redis://127.0.0.1:6379/0", Quiet = true, Schedule = "/var/lib/app/schedule", MaxInterval = 10, LogLevel = CeleryLogLevel.Info }),
            _root.Path, _root.CreateDirectory("empty"), hostEnvironment: new Dictionary<string, string>());

        Assert.Equal(
            ["-m", "celery", "--app=proj", "--broker=redis://127.0.0.1:6379/0", "--quiet", "beat",
             "--schedule=/var/lib/app/schedule", "--max-interval=10", "--loglevel=INFO"],
            plan.Arguments);
    }

    [Fact]
    public void Each_option_lands_on_the_side_of_the_subcommand_celery_parses_it_on()
    {
        var globals = CeleryGlobalArgs.ServerFlags.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var flag in CeleryBeatArgs.ServerFlags.Where(f => f.Name.Length > 0))
        {
            var argv = ServerBackends.CeleryBeat.BuildArguments(Beat(ArgsReflection.WithSample<CeleryBeatArgs>(flag))).ToList();
            var subcommand = argv.IndexOf("beat");

            var index = Assert.Single(argv.Select((a, i) => (a, i)), x => x.a.StartsWith("--" + flag.Name, StringComparison.Ordinal)).i;
            Assert.True(globals.Contains(flag.Name) ? index < subcommand : index > subcommand, $"--{flag.Name} at {index}, beat at {subcommand}: {string.Join(' ', argv)}");
        }
    }

    [Fact]
    public void The_scheduler_is_written_long_because_dash_S_means_statedb_for_a_worker()
    {
        var argv = ServerBackends.CeleryBeat.BuildArguments(Beat(new CeleryBeatArgs { Scheduler = "django_celery_beat.schedulers:DatabaseScheduler" }));

        Assert.Equal(["--app=proj", "beat", "--scheduler=django_celery_beat.schedulers:DatabaseScheduler"], argv);
    }

    [Fact]
    public void Beat_scrubs_the_global_variables_and_its_own_CELERY_BEAT_prefix_but_not_the_worker_one()
    {
        var inherited = new Dictionary<string, string> { ["APP"] = "x", ["CELERY_BEAT_MAX_INTERVAL"] = "1", ["CELERY_WORKER_CONCURRENCY"] = "9", ["CELERY_QUIET"] = "1" };

        var plan = LaunchPlanner.Plan(Beat(new CeleryBeatArgs()), _root.Path, _root.CreateDirectory("empty"), hostEnvironment: inherited);

        Assert.Equal(["APP", "CELERY_BEAT_MAX_INTERVAL", "CELERY_QUIET"], plan.RemovedEnvironment);
    }

    [Fact]
    public void Beat_stops_with_SIGTERM_within_the_default_10_seconds()
    {
        Assert.Equal(15, ServerBackends.CeleryBeat.StopSignal);
        Assert.Equal(ProcessDefinition.DefaultStopTimeout, Beat(new CeleryBeatArgs()).EffectiveStopTimeout);
    }

    [Fact]
    public void Beat_is_configured_from_configuration_with_kebab_case_keys()
    {
        var options = Options.Resolve(null, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:beat:Backend"] = "CeleryBeat",
            ["ProdServer:Processes:beat:App"] = "proj",
            ["ProdServer:Processes:beat:Args:max-interval"] = "30",
            ["ProdServer:Processes:beat:Args:schedule"] = "/tmp/s",
            ["ProdServer:Processes:beat:Args:loglevel"] = "DEBUG",
        });

        Assert.Equal(new CeleryBeatArgs { MaxInterval = 30, Schedule = "/tmp/s", LogLevel = CeleryLogLevel.Debug }, options.Find("beat")!.Args);
    }

    [Fact]
    public async Task The_dry_run_of_a_typical_production_beat_is_stable()
    {
        var output = await DryRunOutput.OfAsync(o => o
            .UseCeleryBeat("proj", b => b with
            {
                Broker = "redis://127.0.0.1:6379/0", LogLevel = CeleryLogLevel.Info, Schedule = "/var/lib/proj/celerybeat-schedule", MaxInterval = 60,
            })
            .Python("/usr/bin/python3")
            .WorkingDirectory("src"), "beat");

        Assert.Equal("""
            # beat (CeleryBeat) in {root}/src
            # env PYTHONUNBUFFERED=1
            /usr/bin/python3 -m celery --app=proj --broker=redis://127.0.0.1:6379/0 beat --schedule=/var/lib/proj/celerybeat-schedule --max-interval=60 --loglevel=INFO
            """, output);
    }
}
