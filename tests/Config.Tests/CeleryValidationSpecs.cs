using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Celery mistakes caught at start rather than by a celery usage error or a silently ignored option: the rules of
/// <see cref="CeleryWorkerArgsValidator"/> and <see cref="CeleryBeatArgsValidator"/>, each naming the process and the key.
/// </summary>
public sealed class CeleryValidationSpecs
{
    private static string WorkerFailure(Func<CeleryWorkerArgs, CeleryWorkerArgs> configure, string app = "proj") =>
        Options.SingleFailure(o => o.UseCeleryWorker(app, configure));

    private static string BeatFailure(Func<CeleryBeatArgs, CeleryBeatArgs> configure) =>
        Options.SingleFailure(o => o.UseCeleryBeat("proj", configure));

    private static void AssertNames(string failure, string process, string key, string problem)
    {
        Assert.StartsWith($"Process '{process}': ", failure, StringComparison.Ordinal);
        Assert.Contains(problem, failure, StringComparison.Ordinal);
        Assert.EndsWith($"(ProdServer:Processes:{process}:{key})", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typical_worker_and_beat_pass()
    {
        var options = Options.Resolve(o =>
        {
            o.UseCeleryWorker("proj.celery:app", w => w with
            {
                Broker = "redis://127.0.0.1:6379/0", Concurrency = 4, Pool = CeleryPool.Prefork, LogLevel = CeleryLogLevel.Info,
                TimeLimit = 300, SoftTimeLimit = 270, Queues = ["default"], ExcludeQueues = ["slow"], Autoscale = "10,3", Umask = "022",
                Beat = true, Scheduler = "celery.beat:PersistentScheduler",
            });
            o.UseCeleryBeat("proj", b => b with { MaxInterval = 60, Umask = "18" });
        });

        Assert.Equal(2, options.Processes.Count);
    }

    [Fact]
    public void A_worker_without_a_celery_app_is_refused()
    {
        var failure = Options.SingleFailure(null, new Dictionary<string, string?> { ["ProdServer:Processes:worker:Backend"] = "CeleryWorker" });

        AssertNames(failure, "worker", "App", "App is required: the Celery app passed as --app before 'worker'");
    }

    [Theory]
    [InlineData("proj worker")]
    [InlineData("-A proj")]
    [InlineData("proj:")]
    public void A_malformed_celery_app_is_refused(string app)
    {
        AssertNames(WorkerFailure(w => w, app), "worker", "App", $"App '{app}' must be the Celery app's module or module:attribute");
    }

    [Fact]
    public void Detach_is_refused_because_a_detached_worker_escapes_supervision()
    {
        AssertNames(WorkerFailure(w => w with { Detach = true }), "worker", "Args:Detach", "Detach cannot be used");
        AssertNames(BeatFailure(b => b with { Detach = true }), "beat", "Args:Detach", "Detach cannot be used");
    }

    [Theory]
    [InlineData("0800")]
    [InlineData("089")]
    [InlineData("u+rwx")]
    [InlineData("01000")]
    [InlineData("600")]
    public void A_umask_celery_cannot_read_or_larger_than_0777_is_refused(string umask)
    {
        AssertNames(WorkerFailure(w => w with { Umask = umask }), "worker", "Args:Umask", $"Umask must be octal with a leading 0 (022) or decimal without one (18), at most 0777, got '{umask}'.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_concurrency_below_1_is_refused(int concurrency)
    {
        AssertNames(WorkerFailure(w => w with { Concurrency = concurrency }), "worker", "Args:Concurrency", $"Concurrency must be at least 1, got {concurrency}.");
    }

    [Fact]
    public void A_soft_time_limit_not_below_the_hard_one_is_refused()
    {
        AssertNames(WorkerFailure(w => w with { TimeLimit = 60, SoftTimeLimit = 60 }), "worker", "Args:SoftTimeLimit", "SoftTimeLimit (60) must be less than TimeLimit (60)");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_time_limit_that_is_not_a_positive_number_is_refused(double limit)
    {
        AssertNames(WorkerFailure(w => w with { TimeLimit = limit }), "worker", "Args:TimeLimit", "TimeLimit must be a positive number of seconds");
    }

    [Fact]
    public void A_queue_both_consumed_and_excluded_is_refused()
    {
        AssertNames(WorkerFailure(w => w with { Queues = ["a", "b"], ExcludeQueues = ["b"] }), "worker", "Args:ExcludeQueues", "ExcludeQueues and Queues both name b");
    }

    [Fact]
    public void A_queue_list_written_with_commas_in_one_entry_is_refused()
    {
        AssertNames(WorkerFailure(w => w with { Queues = ["a,b"] }), "worker", "Args:Queues:0", "Queues entry 'a,b' must be a queue name");
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("10,3,1")]
    [InlineData("0")]
    [InlineData("")]
    public void A_malformed_autoscale_is_refused(string autoscale)
    {
        AssertNames(WorkerFailure(w => w with { Autoscale = autoscale }), "worker", "Args:Autoscale", "Autoscale must be 'MAX,MIN' or 'MAX'");
    }

    [Fact]
    public void Embedded_beat_options_without_beat_are_refused_rather_than_ignored()
    {
        AssertNames(WorkerFailure(w => w with { ScheduleFilename = "/tmp/s" }), "worker", "Args:ScheduleFilename", "ScheduleFilename needs Beat");
        AssertNames(WorkerFailure(w => w with { Scheduler = "x:Y" }), "worker", "Args:Scheduler", "Scheduler needs Beat");
    }

    [Fact]
    public void Concurrency_with_the_solo_pool_is_refused()
    {
        AssertNames(WorkerFailure(w => w with { Pool = CeleryPool.Solo, Concurrency = 4 }), "worker", "Args:Concurrency", "Concurrency has no effect with the solo pool");
    }

    [Fact]
    public void A_heartbeat_interval_without_heartbeats_is_refused()
    {
        AssertNames(WorkerFailure(w => w with { WithoutHeartbeat = true, HeartbeatInterval = 5 }), "worker", "Args:HeartbeatInterval", "HeartbeatInterval has no effect with WithoutHeartbeat");
    }

    [Fact]
    public void A_broker_that_is_not_a_url_is_refused()
    {
        AssertNames(WorkerFailure(w => w with { Broker = "localhost:6379" }), "worker", "Args:Broker", "Broker must be a URL with a scheme");
    }

    [Theory]
    [InlineData("guest:s3cret@localhost:5672//", "'guest:***@localhost:5672//'")]
    [InlineData(":s3cret@localhost:6379/0", "':***@localhost:6379/0'")]
    [InlineData("user:p@ss:w0rd@host", "'user:***@host'")]
    public void A_broker_written_without_its_scheme_is_refused_without_showing_its_password(string broker, string shown)
    {
        var failure = WorkerFailure(w => w with { Broker = broker });

        Assert.Contains($"got {shown}.", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("w0rd", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_level_celery_does_not_know_is_refused_when_configured()
    {
        var failure = Options.SingleFailure(null, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:worker:Backend"] = "CeleryWorker",
            ["ProdServer:Processes:worker:App"] = "proj",
            ["ProdServer:Processes:worker:Args:loglevel"] = "verbose",
        });

        Assert.Contains("ProdServer:Processes:worker:Args:loglevel: 'verbose' is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL, FATAL.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_beat_max_interval_below_1_is_refused()
    {
        AssertNames(BeatFailure(b => b with { MaxInterval = 0 }), "beat", "Args:MaxInterval", "MaxInterval must be at least 1, got 0.");
    }

    [Fact]
    public void A_second_beat_for_the_same_app_is_refused_because_it_would_send_every_task_twice()
    {
        var failure = Options.SingleFailure(o =>
        {
            o.UseCeleryWorker("proj", w => w with { Beat = true });
            o.UseCeleryBeat("proj");
            o.Process("other-beat").UseCeleryBeat("other_proj");
        });

        AssertNames(failure, "beat", "Backend", "Process 'worker' already runs Celery beat for app 'proj': two beats send every periodic task twice.");
    }

    [Fact]
    public void Two_spellings_of_one_celery_app_are_the_same_app_for_the_one_beat_rule()
    {
        // celery -A reads both as the same app; before, the two beats passed.
        var failure = Options.SingleFailure(o =>
        {
            o.Process("beat").UseCeleryBeat("mysite.celery.app");
            o.Process("beat-2").UseCeleryBeat("mysite.celery:app");
        });

        AssertNames(failure, "beat-2", "Backend", "Process 'beat' already runs Celery beat for app 'mysite.celery.app': two beats send every periodic task twice.");
    }

    [Fact]
    public void Workers_without_embedded_beat_may_share_an_app_with_one_beat()
    {
        var options = Options.Resolve(o =>
        {
            o.UseCeleryWorker("proj");
            o.Process("worker-2").UseCeleryWorker("proj", w => w with { Queues = ["emails"] });
            o.UseCeleryBeat("proj");
        });

        Assert.Equal(3, options.Processes.Count);
    }

    [Fact]
    public void A_beat_with_more_than_one_replica_is_refused_because_every_copy_sends_every_task()
    {
        var failure = Options.SingleFailure(o => o.Process("beat").UseCeleryBeat("proj").Replicas(2));

        AssertNames(failure, "beat", "Replicas", "Replicas is 2, but this process runs Celery beat: every copy would send every periodic task. Keep Replicas at 1.");
    }

    [Fact]
    public void A_worker_with_a_fixed_node_name_on_more_than_one_replica_is_refused_because_every_copy_answers_as_one_node()
    {
        // Two copies named worker@shop: inspect ping got two replies from one node (DuplicateNodenameWarning), and remote
        // control, revoke and Flower took them for one worker.
        var failure = Options.SingleFailure(o => o.Process("worker").UseCeleryWorker("proj", w => w with { Hostname = "worker@shop" }).Replicas(2));

        AssertNames(failure, "worker", "Args:Hostname", "Hostname 'worker@shop' would be the node name of all 2 replicas");
    }

    [Theory]
    [InlineData("worker@%h", 2)]
    [InlineData("worker@%n.example", 3)]
    [InlineData("worker@", 2)]
    [InlineData("worker@shop", 1)]
    public void A_worker_node_name_that_differs_per_host_or_a_single_copy_passes(string hostname, int replicas)
    {
        var options = Options.Resolve(o => o.Process("worker").UseCeleryWorker("proj", w => w with { Hostname = hostname }).Replicas(replicas));

        Assert.Equal(replicas, Assert.Single(options.Processes).Replicas);
    }
}
