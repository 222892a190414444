using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A worker setting the installed celery, django-q or django-tasks lacks is reported before launch, naming the process, the
/// setting and the release it needs; a worker without such settings starts without probing anything.
/// </summary>
public sealed class WorkerVersionCheckSpecs
{
    private static ProcessDefinition Worker(ServerBackend backend, IServerArgs args, string? app = null) =>
        new("worker", backend) { App = app, Args = args, Python = "/usr/bin/python3" };

    private static LaunchPlan Plan(ProcessDefinition process) =>
        LaunchPlanner.Plan(process, "/", requireExecutable: false, hostEnvironment: new Dictionary<string, string>());

    // A probe that knows which distributions are "installed", and fails the test when asked for anything when none should be.
    private static Func<LaunchPlan, string, string?> Installed(params (string Distribution, string Version)[] installed) =>
        (_, distribution) => Array.Find(installed, i => i.Distribution == distribution).Version;

    [Fact]
    public void A_celery_worker_with_settings_newer_than_debians_celery_5_2_6_is_refused_with_the_release_each_needs()
    {
        var process = Worker(ServerBackends.CeleryWorker, new CeleryWorkerArgs { SkipChecks = true, DisablePrefetch = true, Pool = CeleryPool.Custom, Concurrency = 2 }, "proj");

        var error = Assert.Throws<ServerLaunchException>(() => ServerVersionCheck.Ensure(process, Plan(process), Installed(("celery", "5.2.6"))));

        Assert.Equal("worker", error.ProcessName);
        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "Process 'worker': SkipChecks (--skip-checks) needs celery 5.3.0 or newer, but the installed celery is 5.2.6. Upgrade celery, or remove the setting. (ProdServer:Processes:worker:Args:SkipChecks)",
                "Process 'worker': DisablePrefetch (--disable-prefetch) needs celery 5.6.0 or newer, but the installed celery is 5.2.6. Upgrade celery, or remove the setting. (ProdServer:Processes:worker:Args:DisablePrefetch)",
                "Process 'worker': Pool 'custom' (--pool=custom) needs celery 5.3.0 or newer, but the installed celery is 5.2.6. Upgrade celery, or remove the setting. (ProdServer:Processes:worker:Args:Pool)"),
            error.Message);
    }

    [Fact]
    public void A_celery_beat_skipping_checks_needs_celery_5_3_and_passes_on_it()
    {
        var process = Worker(ServerBackends.CeleryBeat, new CeleryBeatArgs { SkipChecks = true }, "proj");

        var error = Assert.Throws<ServerLaunchException>(() => ServerVersionCheck.Ensure(process, Plan(process), Installed(("celery", "5.2.6"))));

        Assert.Contains("Process 'worker': SkipChecks (--skip-checks) needs celery 5.3.0 or newer, but the installed celery is 5.2.6.", error.Message, StringComparison.Ordinal);
        Assert.Equal("5.3.0", ServerVersionCheck.Ensure(process, Plan(process), Installed(("celery", "5.3.0"))));
    }

    [Fact]
    public void A_celery_worker_without_version_limited_settings_is_not_probed()
    {
        // SkipChecks = false writes nothing, and a pool every release has needs no particular one.
        var process = Worker(ServerBackends.CeleryWorker, new CeleryWorkerArgs { SkipChecks = false, DisablePrefetch = false, Pool = CeleryPool.Solo, Concurrency = 2 }, "proj");

        Assert.Empty(ServerBackends.CeleryWorker.GetVersionRequirements(process));
        Assert.Null(ServerVersionCheck.Ensure(process, Plan(process), (_, _) => throw new InvalidOperationException("probed for nothing")));
    }

    [Fact]
    public void A_cluster_name_on_debians_original_django_q_1_3_9_is_refused_with_the_django_q2_release_that_added_it()
    {
        var process = Worker(ServerBackends.DjangoQ, new DjangoQArgs { Name = "emails" });
        var asked = new List<string>();

        var error = Assert.Throws<ServerLaunchException>(() => ServerVersionCheck.Ensure(process, Plan(process), (plan, distribution) =>
        {
            asked.Add(distribution);
            return Installed(("django-q", "1.3.9"))(plan, distribution);
        }));

        // Django-Q2 is looked for first; Debian has only the original, whose numbering Django-Q2 continued.
        Assert.Equal(["django-q2", "django-q"], asked);
        Assert.Equal(
            "Process 'worker': Name (--name) needs django-q 1.5.0 or newer, but the installed django-q is 1.3.9. Upgrade django-q, or remove the setting. (ProdServer:Processes:worker:Args:Name)",
            error.Message);
    }

    [Fact]
    public void A_cluster_name_passes_on_django_q2()
    {
        var process = Worker(ServerBackends.DjangoQ, new DjangoQArgs { Name = "emails", RunOnce = true });

        Assert.Equal("1.11.0", ServerVersionCheck.Ensure(process, Plan(process), Installed(("django-q2", "1.11.0"))));
        Assert.Empty(ServerBackends.DjangoQ.GetVersionRequirements(Worker(ServerBackends.DjangoQ, new DjangoQArgs { RunOnce = true })));
    }

    [Fact]
    public void Turning_db_worker_reload_off_needs_the_release_that_added_no_reload()
    {
        var off = Worker(ServerBackends.DjangoTasks, new DjangoTasksArgs { Reload = false, MaxTasks = 10 });
        var on = Worker(ServerBackends.DjangoTasks, new DjangoTasksArgs { Reload = true });

        // Before django-tasks-db existed (0.12.0), db_worker came with django-tasks itself, which is then the one read.
        var error = Assert.Throws<ServerLaunchException>(() => ServerVersionCheck.Ensure(off, Plan(off), Installed(("django-tasks", "0.7.0"))));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "Process 'worker': MaxTasks (--max-tasks) needs django-tasks 0.8.0 or newer, but the installed django-tasks is 0.7.0. Upgrade django-tasks, or remove the setting. (ProdServer:Processes:worker:Args:MaxTasks)",
                "Process 'worker': Reload false (--no-reload) needs django-tasks 0.8.0 or newer, but the installed django-tasks is 0.7.0. Upgrade django-tasks, or remove the setting. (ProdServer:Processes:worker:Args:Reload)"),
            error.Message);
        Assert.Equal("0.7.0", ServerVersionCheck.Ensure(on, Plan(on), Installed(("django-tasks", "0.7.0"))));
        Assert.Equal("0.12.0", ServerVersionCheck.Ensure(off, Plan(off), Installed(("django-tasks-db", "0.12.0"), ("django-tasks", "0.7.0"))));
    }
}

/// <summary>The dry run says which release of a worker a version-limited setting needs.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class WorkerVersionDryRunSpecs
{
    [Fact]
    public async Task The_dry_run_names_the_celery_release_skip_checks_needs()
    {
        using var _ = DryRunner.WithoutVariables(ServerBackends.CeleryWorker.ScrubbedEnvironment);

        var output = await DryRunner.RunAsync(o => o.UseCeleryWorker("proj", w => w with { SkipChecks = true, Pool = CeleryPool.Custom }).Python("/usr/bin/python3"));

        Assert.Contains("# needs celery 5.3.0 or newer for SkipChecks (--skip-checks) (checked at start)\n", output, StringComparison.Ordinal);
        Assert.Contains("# needs celery 5.3.0 or newer for Pool 'custom' (--pool=custom) (checked at start)\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dry_run_names_the_django_q2_release_a_cluster_name_needs()
    {
        using var _ = DryRunner.WithoutVariables(ServerBackends.DjangoQ.ScrubbedEnvironment);

        var output = await DryRunner.RunAsync(o => o.UseDjangoQ(q => q with { Name = "emails" }).Python("/usr/bin/python3"));

        Assert.Contains("# needs django-q2 1.5.0 or newer for Name (--name) (checked at start)\n", output, StringComparison.Ordinal);
    }
}
