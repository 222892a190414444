using System;
using System.Collections.Generic;
using FluentValidation;

namespace ProdServer.Config;

/// <summary>Runs a process with <c>python manage.py db_worker [options]</c>, the Django Tasks database worker.</summary>
public sealed class DjangoTasksBackend : DjangoManageBackend<DjangoTasksArgs>
{
    /// <inheritdoc />
    public override string Name => "DjangoTasks";

    /// <inheritdoc />
    public override string Command => "db_worker";

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
    protected override IValidator<DjangoTasksArgs> ArgsValidator { get; } = new DjangoTasksArgsValidator();
}
