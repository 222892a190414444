using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>Runs a process with <c>python manage.py db_worker [options]</c>, the Django Tasks database worker.</summary>
internal sealed class DjangoTasksBackend : DjangoManageBackend<DjangoTasksArgs>
{
    /// <inheritdoc />
    public override string Name => "DjangoTasks";

    /// <inheritdoc />
    public override string Command => "db_worker";

    /// <inheritdoc />
    public override string? DistributionName => "django-tasks-db";

    // db_worker left django-tasks for the new django-tasks-db distribution in 0.12.0, which kept the numbering; up to 0.11
    // the same command came with django-tasks itself. So the [Flag(Since = …)] releases (django-tasks ones) order both, and
    // whichever is installed is read, django-tasks-db first.
    /// <inheritdoc />
    public override IReadOnlyList<string> DistributionNames => ["django-tasks-db", "django-tasks"];

    // django_tasks_db brings db_worker from 0.12.0 on; up to 0.11 the django_tasks app itself did.
    /// <inheritdoc />
    internal override IReadOnlyList<string> CommandApps => ["django_tasks_db", "django_tasks"];

    /// <summary>The flags db_worker accepts only from some release on; <c>--no-reload</c> came one release after <c>--reload</c>.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The requirements.</returns>
    public override IReadOnlyList<VersionRequirement> GetVersionRequirements(ProcessDefinition process)
    {
        var requirements = base.GetVersionRequirements(process);
        return process.Args is DjangoTasksArgs { Reload: false }
            ? [.. requirements.Where(r => r.Key != "Args:Reload"), new("Args:Reload", "Reload false (--no-reload)", "0.8.0", null)]
            : requirements;
    }

    /// <inheritdoc />
    public override string InstallHint => "pip install django-tasks-db, and add django_tasks_db to INSTALLED_APPS";

    // Django's autoreloader (db_worker --reload) takes RUN_MAIN=true to mean "I am the reloaded child": inherited, it would
    // skip the reloader and run the worker directly, whatever Reload says.
    /// <inheritdoc />
    public override IReadOnlyList<string> ScrubbedEnvironment => ["RUN_MAIN"];

    // SIGTERM lets db_worker finish the task it is running before it exits; 25 s leaves room under the host's 30 s ShutdownTimeout.
    /// <inheritdoc />
    public override TimeSpan GetDefaultStopTimeout(ProcessDefinition process) => TimeSpan.FromSeconds(25);

    /// <inheritdoc />
    private protected override void CheckArgs(DjangoTasksArgs args, ArgsProblems found) => DjangoTasksArgsRules.Check(args, found);
}
