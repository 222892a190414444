using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>How a <see cref="DjangoTasksArgs"/> process becomes <c>python manage.py db_worker [options]</c>.</summary>
public sealed class DjangoTasksTranslationSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private ProcessDefinition Worker(DjangoTasksArgs args) =>
        new("worker", ServerBackends.DjangoTasks) { Args = args, Python = _root.CreateExecutable("py/python3"), WorkingDirectory = "site" };

    [Fact]
    public void The_worker_runs_manage_py_db_worker_from_the_project_directory_with_no_app()
    {
        _root.CreateDirectory("site");
        File.WriteAllText(Path.Combine(_root.Path, "site", "manage.py"), string.Empty);

        var plan = LaunchPlanner.Plan(Worker(new DjangoTasksArgs { QueueName = ["default", "emails"], Reload = false }),
            _root.Path, _root.CreateDirectory("empty"), hostEnvironment: new Dictionary<string, string>());

        Assert.Equal(Path.Combine(_root.Path, "py", "python3"), plan.Executable);
        Assert.Equal([Path.Combine(_root.Path, "site", "manage.py"), "db_worker", "--queue-name=default,emails", "--no-reload"], plan.Arguments);
    }

    // db_worker declares these with nargs='?': "--max-tasks 5" works, but a bare "--max-tasks" parses as None and breaks later,
    // so the value is always attached with '='.
    [Fact]
    public void Options_with_an_optional_argument_are_always_written_with_their_value_attached()
    {
        var argv = ServerBackends.DjangoTasks.BuildArguments(Worker(new DjangoTasksArgs
        {
            QueueName = ["*"], Interval = 0.5, Backend = "default", MaxTasks = 0, WorkerId = "w-1",
        }));

        Assert.Equal(["--queue-name=*", "--interval=0.5", "--backend=default", "--max-tasks=0", "--worker-id=w-1"], argv);
    }

    [Fact]
    public void Reload_is_written_as_the_reload_pair_and_switches_only_when_on()
    {
        Assert.Equal(["--reload"], ServerBackends.DjangoTasks.BuildArguments(Worker(new DjangoTasksArgs { Reload = true })));
        Assert.Equal(["--no-reload"], ServerBackends.DjangoTasks.BuildArguments(Worker(new DjangoTasksArgs { Reload = false })));
        Assert.Empty(ServerBackends.DjangoTasks.BuildArguments(Worker(new DjangoTasksArgs { Batch = false, NoStartupDelay = false })));
        Assert.Equal(["--batch", "--no-startup-delay"], ServerBackends.DjangoTasks.BuildArguments(Worker(new DjangoTasksArgs { Batch = true, NoStartupDelay = true })));
    }

    [Fact]
    public void RUN_MAIN_is_scrubbed_so_the_autoreloader_behaves_as_Reload_says()
    {
        _root.CreateDirectory("site");
        var plan = LaunchPlanner.Plan(Worker(new DjangoTasksArgs()), _root.Path, _root.CreateDirectory("empty"), requireExecutable: false,
            hostEnvironment: new Dictionary<string, string> { ["RUN_MAIN"] = "true", ["DJANGO_SETTINGS_MODULE"] = "mysite.settings" });

        Assert.Equal(["RUN_MAIN"], plan.RemovedEnvironment);
    }

    [Fact]
    public void The_worker_gets_25_seconds_to_finish_its_running_task()
    {
        Assert.Equal(15, ServerBackends.DjangoTasks.StopSignal);
        Assert.Equal(TimeSpan.FromSeconds(25), Worker(new DjangoTasksArgs()).EffectiveStopTimeout);
    }

    [Fact]
    public void The_worker_is_configured_from_json_with_db_worker_flag_names()
    {
        var options = Options.FromJson("""
            { "ProdServer": { "Processes": { "tasks": { "Backend": "DjangoTasks", "WorkingDirectory": "src",
              "Args": { "queue-name": ["default", "emails"], "interval": "2.5", "reload": "false", "max_tasks": "100", "verbosity": "2" } } } } }
            """);

        Assert.Equal(
            new DjangoTasksArgs { Interval = 2.5, Reload = false, MaxTasks = 100, Verbosity = DjangoVerbosity.Verbose, QueueName = ((DjangoTasksArgs)options.Find("tasks")!.Args).QueueName },
            options.Find("tasks")!.Args);
        Assert.Equal(["default", "emails"], ((DjangoTasksArgs)options.Find("tasks")!.Args).QueueName);
        Assert.Null(options.Find("tasks")!.App);
    }

    [Fact]
    public async Task The_dry_run_of_a_typical_production_worker_is_stable()
    {
        var output = await DryRunOutput.OfAsync(o => o
            .UseDjangoTasks(d => d with { QueueName = ["default", "emails"], Interval = 2, Reload = false, NoStartupDelay = true, Verbosity = DjangoVerbosity.Verbose })
            .Python("/usr/bin/python3")
            .WorkingDirectory("src"), "worker");

        Assert.Equal("""
            # worker (DjangoTasks) in {root}/src
            # needs django-tasks-db 0.5.0 or newer for NoStartupDelay (--no-startup-delay) (checked at start)
            # needs django-tasks-db 0.8.0 or newer for Reload false (--no-reload) (checked at start)
            # env PYTHONUNBUFFERED=1
            /usr/bin/python3 {root}/src/manage.py db_worker --queue-name=default,emails --interval=2 --no-reload --no-startup-delay --verbosity=2
            """, output);
    }
}
