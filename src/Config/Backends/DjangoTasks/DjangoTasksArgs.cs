using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of Django Tasks' <c>manage.py db_worker</c> (django-tasks-db 0.12.0; up to 0.11.0 the command lived in
/// django-tasks as <c>django_tasks.backends.database</c>), plus Django's base command options (inherited from <see cref="DjangoCheckedCommandArgs"/>). Value options are always
/// written as <c>--name=value</c>: db_worker declares most of them with an optional argument, so a bare flag would parse as
/// <c>None</c> and fail later. A <see langword="null"/> property is not passed. See <c>docs/backends/django-tasks.md</c>.
/// </summary>
[ServerBuilder(
    "UseDjangoTasks",
    "DjangoTasks",
    ProcessName = "worker",
    Summary = "Runs this process with <c>python manage.py db_worker [options]</c> from the Django project (the working directory).",
    Declares = "run by the Django Tasks database worker",
    Configure = "Sets db_worker's options, for example <c>d =&gt; d with { QueueName = [\"default\", \"emails\"], Reload = false }</c>.")]
[ServerArgs("db_worker")]
public sealed partial record DjangoTasksArgs : DjangoCheckedCommandArgs
{
    /// <summary><c>--queue-name</c>: the queues to process, written comma-separated; <c>*</c> for all. Default <c>default</c>.</summary>
    [Flag("queue-name", Separator = ",")]
    public IReadOnlyList<string>? QueueName { get; init; }

    /// <summary><c>--interval</c>: seconds to sleep when no task is ready; finite and not negative. Default 1.</summary>
    [Flag("interval")]
    public double? Interval { get; init; }

    /// <summary><c>--batch</c>: run the tasks that are ready, then exit (the process ends with code 0). Default off. Overrides <see cref="Reload"/>.</summary>
    [Flag("batch", Boolean = BooleanStyle.Switch)]
    public bool? Batch { get; init; }

    /// <summary><c>--[no-]reload</c>: restart the worker when code changes. Default on when Django's <c>DEBUG</c> is on; set <see langword="false"/> in production to be sure.</summary>
    [Flag("reload", Boolean = BooleanStyle.Negatable, Since = "0.7.0")]
    public bool? Reload { get; init; }

    /// <summary><c>--backend</c>: the alias of the task backend in <c>TASKS</c>; it must be a database backend. Default <c>default</c>.</summary>
    [Flag("backend")]
    public string? Backend { get; init; }

    /// <summary><c>--no-startup-delay</c>: skip the random sub-second pause at start (which spreads out many workers). Default off.</summary>
    [Flag("no-startup-delay", Boolean = BooleanStyle.Switch, Since = "0.5.0")]
    public bool? NoStartupDelay { get; init; }

    /// <summary><c>--max-tasks</c>: exit after running this many tasks (the supervisor then decides whether to restart). Default no limit.</summary>
    [Flag("max-tasks", Since = "0.8.0", Minimum = 0)]
    public int? MaxTasks { get; init; }

    /// <summary><c>--worker-id</c>: the worker's identifier, 1 to 64 characters, unique among running workers. Default random.</summary>
    [Flag("worker-id", Since = "0.8.0")]
    public string? WorkerId { get; init; }

    /// <summary>Flags a newer db_worker adds (such as <c>--exclude-queues</c> on its main branch), appended verbatim. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
