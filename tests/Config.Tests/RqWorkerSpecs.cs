using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>What <c>manage.py rqworker</c> receives, how it is stopped, and what is refused before rqworker could misread it or crash.</summary>
public sealed class RqWorkerSpecs
{
    private static ProcessDefinition Worker(RqWorkerArgs args) => new("worker", ServerBackends.RqWorker) { Args = args };

    private static IReadOnlyList<string> Problems(ProcessDefinition process) =>
        ServerBackends.RqWorker.Validate(process).Select(p => $"{p.Key}: {p.Message}").ToList();

    [Fact]
    public void The_options_come_first_then_djangos_then_the_queues_in_priority_order()
    {
        var argv = ServerBackends.RqWorker.BuildArguments(Worker(new()
        {
            Queues = ["high", "default"], WithScheduler = true, Burst = false, MaxJobs = 100, Settings = "mysite.settings", Verbosity = DjangoVerbosity.Minimal,
        }));

        Assert.Equal(LaunchKind.DjangoManage, ServerBackends.RqWorker.LaunchKind);
        Assert.Equal(["--with-scheduler", "--max-jobs=100", "--verbosity=0", "--settings=mysite.settings", "high", "default"], argv);
        Assert.Same(ServerBackends.RqWorker, ServerBackends.Find("rqworker"));
    }

    [Fact]
    public void Sigterm_goes_to_the_worker_alone_so_the_running_job_finishes()
    {
        Assert.Equal(15, ServerBackends.RqWorker.StopSignal);
        Assert.False(ServerBackends.RqWorker.StopSignalToGroup);
        Assert.Equal(TimeSpan.FromSeconds(25), Worker(new()).EffectiveStopTimeout);
        Assert.Empty(ServerBackends.RqWorker.GetListenEndpoints(Worker(new())));
        Assert.Null(DjangoApplicationSetting.For(ServerBackends.RqWorker));
    }

    [Fact]
    public void Settings_rqworker_would_misread_or_crash_on_are_refused_before_launch()
    {
        var problems = Problems(Worker(new()
        {
            Queues = ["--burst", "default", "default"], WorkerClass = "MyWorker", Serializer = "yaml", Name = "two words", MaxJobs = 0, NoColor = true, ForceColor = true,
        }));

        Assert.Contains(problems, p => p.Contains("Queues entry '--burst' must be an RQ_QUEUES name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Queues entry 'default' is listed twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("WorkerClass must be a dotted import path", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Serializer must be json, pickle or a dotted import path", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Name must be one word", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MaxJobs must be at least 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ForceColor cannot be combined with NoColor", StringComparison.Ordinal));
        Assert.Empty(Problems(Worker(new() { Queues = ["default", "emails:high"], WorkerClass = "rq.worker.SimpleWorker", Serializer = "json", Name = "w1" })));
    }

    [Fact]
    public void A_fixed_worker_name_on_several_replicas_and_an_app_are_refused()
    {
        var replicated = Worker(new() { Name = "w1" });
        replicated.Replicas = 2;

        Assert.Contains(Problems(replicated), p => p.StartsWith("Args:Name: Name 'w1' cannot be shared by 2 replicas", StringComparison.Ordinal));
        Assert.Contains(Problems(new ProcessDefinition("worker", ServerBackends.RqWorker) { App = "mysite", Args = new RqWorkerArgs() }),
            p => p.StartsWith("App: App is not used by the RqWorker backend", StringComparison.Ordinal));
    }

    [Fact]
    public void The_flags_newer_than_debians_django_rq_name_their_release()
    {
        var requirements = ServerBackends.RqWorker.GetVersionRequirements(Worker(new() { MaxIdleTime = 60, Serializer = "json" }));

        Assert.Contains(requirements, r => r.Key == "Args:MaxIdleTime" && r.Since == "3.0.1");
        Assert.Contains(requirements, r => r.Key == "Args:Serializer" && r.Since == "2.8.0");
        Assert.Equal("django-rq", ServerBackends.RqWorker.DistributionName);
    }

    [Fact]
    public void An_appsettings_worker_binds_rqworkers_flags_and_its_queues_as_a_list_or_as_words()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ProdServer:Processes:worker:Backend"] = "RqWorker",
            ["ProdServer:Processes:worker:Args:with-scheduler"] = "true",
            ["ProdServer:Processes:worker:Args:worker_ttl"] = "600",
            ["ProdServer:Processes:worker:Args:Queues:0"] = "emails",
            ["ProdServer:Processes:worker:Args:Queues:1"] = "default",
        };
        var worker = Options.Resolve(null, settings).Find("worker")!;

        Assert.Equal(["--with-scheduler", "--worker-ttl=600", "emails", "default"], worker.Backend.BuildArguments(worker));

        // One string is split on white space, as for every list option ("Queues": "high default").
        var words = Options.Resolve(null, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:worker:Backend"] = "RqWorker",
            ["ProdServer:Processes:worker:Args:queues"] = "high default",
        }).Find("worker")!;
        Assert.Equal(["high", "default"], Assert.IsType<RqWorkerArgs>(words.Args).Queues);
    }

    [Fact]
    public void Configuration_replaces_the_queues_the_code_declared()
    {
        var worker = Options.Resolve(
            o => o.Process("worker").UseRqWorker(r => r with { Queues = ["default"], Burst = true }),
            new Dictionary<string, string?> { ["ProdServer:Processes:worker:Args:Queues:0"] = "emails" }).Find("worker")!;

        Assert.Equal(["--burst", "emails"], worker.Backend.BuildArguments(worker));
    }

    [Theory]
    [InlineData("-v", "'-v' must be an RQ_QUEUES name")]
    [InlineData("--burst", "'--burst' must be an RQ_QUEUES name")]
    [InlineData("two words", "'two words' must be an RQ_QUEUES name")]
    [InlineData("high\nProcess 'web': forged", "'high\\nProcess 'web': forged' must be an RQ_QUEUES name")]
    [InlineData("", "'' must be an RQ_QUEUES name")]
    public void A_hostile_queue_name_from_configuration_is_refused_with_the_process_and_the_key(string queue, string expected)
    {
        var failure = Options.SingleFailure(null, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:worker:Backend"] = "RqWorker",
            ["ProdServer:Processes:worker:Args:Queues:0"] = "default",
            ["ProdServer:Processes:worker:Args:Queues:1"] = queue,
        });

        Assert.Contains("Process 'worker'", failure, StringComparison.Ordinal);
        Assert.Contains("Queues entry " + expected, failure, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:worker:Args:Queues", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void Switching_a_worker_to_another_backend_in_configuration_names_its_queues_among_the_dropped_settings()
    {
        var said = BackendSwitch.Said(Worker(new() { Queues = ["high"], Burst = true }), ServerBackends.DjangoQ, "ProdServer:Processes:worker:Backend");

        Assert.NotNull(said);
        Assert.Contains("dropped: Burst, Queues.", said.Value.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_translator_itself_refuses_a_positional_word_the_worker_would_read_as_an_option()
    {
        // Defence in depth: a record built past validation (a test, an export) still cannot put "-x" after the options.
        foreach (var hostile in new[] { "-x", "--burst", "a\nb", "" })
        {
            var error = Assert.Throws<ArgumentException>(() => new RqWorkerArgs { Queues = ["default", hostile] }.AppendArguments(new List<string>()));
            Assert.StartsWith("Queues entry '", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
    }
}

/// <summary><c>--dry-run</c> for the documented RQ worker, pinned (docs/backends/rq-worker.md).</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class RqWorkerDryRunSpecs
{
    [Fact]
    public async Task The_documented_rq_worker_prints_this_command_line()
    {
        var output = await DryRunner.RunAsync(o => o.Process("worker")
            .UseRqWorker(r => r with { Queues = ["high", "default"], WithScheduler = true, Settings = "mysite.settings" })
            .WorkingDirectory("src").Python("/usr/bin/python3"));

        Assert.Contains("/usr/bin/python3 <root>/src/manage.py rqworker --with-scheduler --settings=mysite.settings high default\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_written_in_appsettings_json_prints_its_queues_after_the_options()
    {
        var output = await DryRunner.RunAsync(_ => { }, """
            { "ProdServer": { "Processes": { "worker": {
                "Backend": "RqWorker", "WorkingDirectory": "src", "Python": "/usr/bin/python3",
                "Args": { "Queues": ["high", "default"], "with-scheduler": "True", "settings": "mysite.settings" } } } } }
            """);

        Assert.Contains("/usr/bin/python3 <root>/src/manage.py rqworker --with-scheduler --settings=mysite.settings high default\n", output, StringComparison.Ordinal);
    }
}
