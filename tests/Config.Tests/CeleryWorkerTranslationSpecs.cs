using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// How a <see cref="CeleryWorkerArgs"/> process becomes <c>python -m celery --app=APP [global options] worker [options]</c>:
/// the launch shape, the split around the subcommand word, the environment celery would read, and the stop behaviour.
/// </summary>
public sealed class CeleryWorkerTranslationSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private ProcessDefinition Worker(CeleryWorkerArgs args, string app = "proj") =>
        new("worker", ServerBackends.CeleryWorker) { App = app, Args = args, Python = _root.CreateExecutable("py/python3") };

    private LaunchPlan Plan(ProcessDefinition process, Dictionary<string, string>? inherited = null) =>
        LaunchPlanner.Plan(process, _root.Path, _root.CreateDirectory("empty-path"), hostEnvironment: inherited ?? new Dictionary<string, string>());

    [Fact]
    public void A_worker_runs_as_python_dash_m_celery_with_the_app_before_the_word_worker()
    {
        var plan = Plan(Worker(new CeleryWorkerArgs { Concurrency = 4, LogLevel = CeleryLogLevel.Info }));

        Assert.Equal(Path.Combine(_root.Path, "py", "python3"), plan.Executable);
        // Never the celery script: Debian's /usr/bin/celery runs whichever python3 is first on PATH.
        Assert.Equal(["-m", "celery", "--app=proj", "worker", "--loglevel=INFO", "--concurrency=4"], plan.Arguments);
    }

    [Fact]
    public void Without_an_interpreter_the_worker_runs_python3_from_PATH_with_dash_m_celery()
    {
        var bin = Path.GetDirectoryName(_root.CreateExecutable("bin/python3"))!;
        var process = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "proj.celery:app" };

        var plan = LaunchPlanner.Plan(process, _root.Path, bin, hostEnvironment: new Dictionary<string, string>());

        Assert.Equal(Path.Combine(bin, "python3"), plan.Executable);
        Assert.Equal(["-m", "celery", "--app=proj.celery:app", "worker"], plan.Arguments);
    }

    [Fact]
    public void Global_options_go_before_the_word_worker_and_every_other_option_after_it()
    {
        var args = new CeleryWorkerArgs
        {
            Broker = "redis://127.0.0.1:6379/0", ResultBackend = "redis://127.0.0.1:6379/1", Loader = "celery.loaders.app:AppLoader",
            Config = "celeryconfig", Workdir = "/srv/app", NoColor = true, Quiet = true, SkipChecks = true,
            Hostname = "w1@%h", Concurrency = 2, Queues = ["default", "emails"], WithoutGossip = true, ExtraArgs = ["--newer-flag=1"],
        };

        var argv = ServerBackends.CeleryWorker.BuildArguments(Worker(args));

        Assert.Equal(
            [
                "--app=proj", "--broker=redis://127.0.0.1:6379/0", "--result-backend=redis://127.0.0.1:6379/1",
                "--loader=celery.loaders.app:AppLoader", "--config=celeryconfig", "--workdir=/srv/app", "--no-color", "--quiet", "--skip-checks",
                "worker",
                "--hostname=w1@%h", "--concurrency=2", "--queues=default,emails", "--without-gossip", "--newer-flag=1",
            ],
            argv);
    }

    // Table-driven over the flag table, so a global option added to the record but not to the backend's split fails here.
    [Fact]
    public void Each_option_lands_on_the_side_of_the_subcommand_celery_parses_it_on()
    {
        var globals = CeleryGlobalArgs.ServerFlags.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var flag in CeleryWorkerArgs.ServerFlags.Where(f => f.Name.Length > 0))
        {
            var argv = ServerBackends.CeleryWorker.BuildArguments(Worker(ArgsReflection.WithSample<CeleryWorkerArgs>(flag)));
            var subcommand = argv.ToList().IndexOf("worker");
            var written = argv.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--" + flag.Name, StringComparison.Ordinal) || x.a == "-O").ToList();

            var (_, index) = Assert.Single(written);
            Assert.True(globals.Contains(flag.Name) ? index < subcommand : index > subcommand, $"--{flag.Name} at {index}, worker at {subcommand}: {string.Join(' ', argv)}");
        }
    }

    [Theory]
    [InlineData(CeleryOptimization.Fair, "fair")]
    [InlineData(CeleryOptimization.Default, "default")]
    public void The_optimization_profile_is_written_as_dash_O_which_celery_5_2_and_5_6_both_accept(CeleryOptimization profile, string word)
    {
        var argv = ServerBackends.CeleryWorker.BuildArguments(Worker(new CeleryWorkerArgs { LogLevel = CeleryLogLevel.Info, Optimization = profile, Concurrency = 1 }));

        Assert.Equal(["--app=proj", "worker", "--loglevel=INFO", "-O", word, "--concurrency=1"], argv);
        Assert.DoesNotContain(argv, a => a.StartsWith("--optimization", StringComparison.Ordinal));
    }

    [Fact]
    public void Variables_celery_would_read_as_options_are_removed_unless_the_process_sets_them()
    {
        var inherited = new Dictionary<string, string>
        {
            ["APP"] = "other", ["BROKER_URL"] = "amqp://x", ["RESULT_BACKEND"] = "rpc://", ["LOADER"] = "l", ["CONFIG_MODULE"] = "c",
            ["NO_COLOR"] = "1", ["SKIP_CHECKS"] = "1", ["CELERY_BROKER"] = "amqp://y", ["CELERY_WORKDIR"] = "/tmp",
            ["CELERY_WORKER_CONCURRENCY"] = "64", ["CELERY_WORKER_LOGLEVEL"] = "nonsense",
            // Not options of celery worker: a settings.py may read these, so they stay.
            ["CELERY_BROKER_URL"] = "redis://z", ["CELERY_BEAT_MAX_INTERVAL"] = "5", ["DJANGO_SETTINGS_MODULE"] = "proj.settings", ["HOME"] = "/root",
        };
        var process = Worker(new CeleryWorkerArgs());
        process.Environment["CELERY_WORKER_LOGLEVEL"] = "info"; // set for this process on purpose: kept

        var plan = Plan(process, inherited);

        Assert.Equal(
            ["APP", "BROKER_URL", "CELERY_BROKER", "CELERY_WORKDIR", "CELERY_WORKER_CONCURRENCY", "CONFIG_MODULE", "LOADER", "NO_COLOR", "RESULT_BACKEND", "SKIP_CHECKS"],
            plan.RemovedEnvironment);
        Assert.Equal("info", plan.Environment["CELERY_WORKER_LOGLEVEL"]);
    }

    [Fact]
    public void The_umask_is_written_as_given_so_that_a_leading_zero_keeps_meaning_octal()
    {
        var argv = ServerBackends.CeleryWorker.BuildArguments(Worker(new CeleryWorkerArgs { Umask = "022" }));

        Assert.Equal(["--app=proj", "worker", "--umask=022"], argv);
        // celery: int(value, 8 if value.startswith('0') else 10)
        Assert.Equal(18, CeleryCommonRules.ParseUmask("022"));
        Assert.Equal(18, CeleryCommonRules.ParseUmask("18"));
        Assert.Equal(22, CeleryCommonRules.ParseUmask("22"));
        Assert.Equal(0, CeleryCommonRules.ParseUmask("0"));
        Assert.Null(CeleryCommonRules.ParseUmask("028"));
    }

    [Fact]
    public void A_warm_shutdown_gets_25_seconds_or_the_task_time_limit_plus_5()
    {
        Assert.Equal(15, ServerBackends.CeleryWorker.StopSignal); // SIGTERM is celery's warm shutdown
        Assert.Equal(TimeSpan.FromSeconds(25), Worker(new CeleryWorkerArgs()).EffectiveStopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(65), Worker(new CeleryWorkerArgs { TimeLimit = 60 }).EffectiveStopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), new ProcessDefinition("w", ServerBackends.CeleryWorker) { StopTimeout = TimeSpan.FromSeconds(3) }.EffectiveStopTimeout);
    }

    [Fact]
    public void A_worker_is_configured_from_json_with_celery_own_flag_names()
    {
        var options = Options.FromJson("""
            { "ProdServer": { "Processes": { "worker": { "Backend": "CeleryWorker", "App": "proj",
              "Args": { "broker": "redis://127.0.0.1:6379/0", "concurrency": "4", "loglevel": "info", "pool": "threads",
                        "queues": ["default", "emails"], "without-gossip": "true", "time_limit": "300", "umask": "022" } } } } }
            """);

        var args = Assert.IsType<CeleryWorkerArgs>(options.Find("worker")!.Args);
        Assert.Equal(new CeleryWorkerArgs
        {
            Broker = "redis://127.0.0.1:6379/0", Concurrency = 4, LogLevel = CeleryLogLevel.Info, Pool = CeleryPool.Threads,
            Queues = args.Queues, WithoutGossip = true, TimeLimit = 300, Umask = "022",
        }, args);
        Assert.Equal(["default", "emails"], args.Queues);
    }

    [Fact]
    public async Task The_dry_run_of_a_typical_production_worker_is_stable()
    {
        const string Variable = "CELERY_WORKER_PSC_DRY_RUN_PROBE";
        Environment.SetEnvironmentVariable(Variable, "1");
        try
        {
            var output = await DryRunOutput.OfAsync(o => o
                .UseCeleryWorker("proj", w => w with
                {
                    Broker = "redis://127.0.0.1:6379/0", LogLevel = CeleryLogLevel.Info, Concurrency = 4, Pool = CeleryPool.Prefork,
                    Optimization = CeleryOptimization.Fair, PrefetchMultiplier = 1, MaxTasksPerChild = 1000, TimeLimit = 300, SoftTimeLimit = 270,
                    Queues = ["default", "emails"], WithoutGossip = true, WithoutMingle = true, NoColor = true,
                })
                .Python("/usr/bin/python3")
                .WorkingDirectory("src")
                .Environment("DJANGO_SETTINGS_MODULE", "proj.settings"), "worker", Variable);

            Assert.Equal("""
                # worker (CeleryWorker) in {root}/src
                # unset CELERY_WORKER_PSC_DRY_RUN_PROBE (it would override the typed configuration)
                # env PYTHONUNBUFFERED=1
                # env DJANGO_SETTINGS_MODULE=proj.settings
                /usr/bin/python3 -m celery --app=proj --broker=redis://127.0.0.1:6379/0 --no-color worker --loglevel=INFO -O fair --prefetch-multiplier=1 --concurrency=4 --pool=prefork --time-limit=300 --soft-time-limit=270 --max-tasks-per-child=1000 --queues=default,emails --without-gossip --without-mingle
                """, output);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }
}
