using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of <c>celery beat</c> (celery 5.6.3; Debian's 5.2.6 lacks <see cref="CeleryCommandArgs.SkipChecks"/>), plus the <c>celery</c>
/// command's global options (inherited from <see cref="CeleryCommandArgs"/>), which the backend writes before the word <c>beat</c>. The
/// Celery app is the process's <c>App</c>. Run exactly one beat per schedule: two would send every periodic task twice.
/// A <see langword="null"/> property is not passed, so celery's own default applies. See <c>docs/backends/celery-beat.md</c>.
/// </summary>
[ServerBuilder(
    "UseCeleryBeat",
    "CeleryBeat",
    ProcessName = "beat",
    App = "The Celery app, <c>module</c> or <c>module:attribute</c>, for example <c>proj</c>.",
    Summary = "Runs this process as Celery beat: <c>python -m celery --app=APP [global options] beat [options]</c>.",
    Declares = "run by Celery beat (the periodic task scheduler; declare one)",
    Configure = "Sets celery's options, typically <c>b =&gt; b with { Schedule = \"/var/lib/app/celerybeat-schedule\" }</c>.")]
[ServerArgs("celery beat")]
public sealed partial record CeleryBeatArgs : CeleryCommandArgs, ICeleryDaemonOptions
{
    /// <summary><c>--detach</c>: run beat in the background. Refused by the validator: a detached beat escapes supervision.</summary>
    [Flag("detach", Boolean = BooleanStyle.Switch)]
    public bool? Detach { get; init; }

    /// <summary>
    /// <c>--schedule</c>: the file where the persistent scheduler keeps the last run times (<c>.db</c> may be appended).
    /// Default <c>celerybeat-schedule</c> in the working directory, which must then be writable.
    /// </summary>
    [Flag("schedule")]
    public string? Schedule { get; init; }

    /// <summary><c>--scheduler</c>: the scheduler class, for example <c>django_celery_beat.schedulers:DatabaseScheduler</c>. Default <c>celery.beat:PersistentScheduler</c>.</summary>
    [Flag("scheduler")]
    public string? Scheduler { get; init; }

    /// <summary><c>--max-interval</c>: the longest sleep between schedule checks, in seconds. Default 300 (the scheduler's own).</summary>
    [Flag("max-interval", Minimum = 1)]
    public int? MaxInterval { get; init; }

    /// <summary><c>--loglevel</c>: the log threshold. Default <see cref="CeleryLogLevel.Warning"/>; <see cref="CeleryLogLevel.Info"/> logs each task sent.</summary>
    [Flag("loglevel")]
    public CeleryLogLevel? LogLevel { get; init; }

    /// <summary><c>--logfile</c>: log to this file instead of stderr. Default stderr, which the SDK forwards to <c>ILogger</c>.</summary>
    [Flag("logfile")]
    public string? LogFile { get; init; }

    /// <summary><c>--pidfile</c>: file receiving beat's PID. Default none.</summary>
    [Flag("pidfile")]
    public string? PidFile { get; init; }

    /// <summary><c>--uid</c>: user name or uid to drop privileges to. Default none.</summary>
    [Flag("uid")]
    public string? Uid { get; init; }

    /// <summary><c>--gid</c>: group name or gid to drop privileges to. Default none.</summary>
    [Flag("gid")]
    public string? Gid { get; init; }

    /// <summary>
    /// <c>--umask</c>: the umask of a detached beat; a leading 0 means octal (<c>022</c>), otherwise decimal (<c>18</c> is the same).
    /// Default none. Celery applies it only with <c>--detach</c>, which the SDK refuses; kept for completeness.
    /// </summary>
    [Flag("umask")]
    public string? Umask { get; init; }

    /// <summary><c>--executable</c>: the Python that re-executes a detached beat. Default the running interpreter. Only used with <c>--detach</c>.</summary>
    [Flag("executable")]
    public string? Executable { get; init; }

    /// <summary>Flags a newer celery adds, appended verbatim after the typed ones (after <c>beat</c>). Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
