using System;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The command lines the Celery backends write, parsed by Debian's celery 5.2.6 itself (apps/celery_parse.py runs celery's
/// click parsers without starting a worker): every typed option at once is accepted, with the values meant.
/// </summary>
public sealed class CeleryCommandLineSpecs
{
    private static Task<(int Code, string Output)> ParseAsync(params string[] argv) =>
        TestHost.RunScriptAsync(Python.AppsDirectory, null, TimeSpan.FromSeconds(60), ["celery_parse.py", .. argv]);

    [Fact]
    public async Task Every_worker_option_celery_5_2_has_is_accepted_at_once_by_the_real_parser()
    {
        // Everything but SkipChecks (celery 5.3+), DisablePrefetch (5.6+) and Pool = Custom (5.3+), which Debian's 5.2.6 lacks.
        var args = new CeleryWorkerArgs
        {
            Broker = "redis://127.0.0.1:1/0", ResultBackend = "redis://127.0.0.1:1/1", Loader = "celery.loaders.app:AppLoader",
            Config = "psc_celery", Workdir = ".", NoColor = true, Quiet = true,
            Hostname = "psc@%h", Detach = true, StateDb = "/tmp/psc-state", LogLevel = CeleryLogLevel.Error, Optimization = CeleryOptimization.Fair,
            PrefetchMultiplier = 2, Concurrency = 3, Pool = CeleryPool.Threads, TaskEvents = true, TimeLimit = 30.5, SoftTimeLimit = 20,
            MaxTasksPerChild = 10, MaxMemoryPerChild = 200000, Purge = true, Queues = ["a", "b"], ExcludeQueues = ["c"], Include = ["psc_celery"],
            WithoutGossip = true, WithoutMingle = true, WithoutHeartbeat = true, HeartbeatInterval = 5, Autoscale = "4,1", Beat = true,
            ScheduleFilename = "/tmp/psc-schedule", Scheduler = "celery.beat:PersistentScheduler", LogFile = "/tmp/psc-%n.log",
            PidFile = "/tmp/psc.pid", Uid = "nobody", Gid = "nogroup", Umask = "022", Executable = "/usr/bin/python3",
        };
        var process = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "psc_celery", Args = args };

        var (code, output) = await ParseAsync([.. ServerBackends.CeleryWorker.BuildArguments(process)]);

        Assert.True(code == 0, output);
        Assert.Contains("worker.optimization='fair'", output, StringComparison.Ordinal); // written as -O fair
        Assert.Contains("worker.loglevel=40", output, StringComparison.Ordinal); // ERROR
        Assert.Contains("worker.queues=['a', 'b']", output, StringComparison.Ordinal);
        Assert.Contains("worker.umask='022'", output, StringComparison.Ordinal); // the text reaches celery, which reads the leading 0 as octal
        Assert.Contains("worker.time_limit=30.5", output, StringComparison.Ordinal);
        Assert.Contains("worker.beat=True", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_beat_option_celery_5_2_has_is_accepted_at_once_by_the_real_parser()
    {
        var args = new CeleryBeatArgs
        {
            Broker = "redis://127.0.0.1:1/0", NoColor = true, Quiet = true, Detach = true, Schedule = "/tmp/psc-beat", Scheduler = "celery.beat:PersistentScheduler",
            MaxInterval = 7, LogLevel = CeleryLogLevel.Debug, LogFile = "/tmp/psc-beat.log", PidFile = "/tmp/psc-beat.pid", Uid = "nobody",
            Gid = "nogroup", Umask = "18", Executable = "/usr/bin/python3",
        };
        var process = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "psc_celery", Args = args };

        var (code, output) = await ParseAsync([.. ServerBackends.CeleryBeat.BuildArguments(process)]);

        Assert.True(code == 0, output);
        Assert.Contains("beat.max_interval=7", output, StringComparison.Ordinal);
        Assert.Contains("beat.scheduler='celery.beat:PersistentScheduler'", output, StringComparison.Ordinal); // --scheduler, never -S
        Assert.Contains("beat.schedule='/tmp/psc-beat'", output, StringComparison.Ordinal);
    }

    // Why the backend moves global options: the same option after the subcommand is a usage error since celery 5.0.
    [Fact]
    public async Task Celery_refuses_the_app_after_the_subcommand_which_is_why_it_is_written_before()
    {
        var (code, output) = await ParseAsync("worker", "--app=psc_celery");

        Assert.Equal(2, code);
        Assert.Contains("--app", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Celery_5_2_refuses_the_long_optimization_flag_which_is_why_it_is_written_as_dash_O()
    {
        var (code, output) = await ParseAsync("--app=psc_celery", "worker", "--optimization=fair");

        Assert.Equal(2, code);
        Assert.Contains("No such option: --optimization", output, StringComparison.Ordinal);
    }
}
