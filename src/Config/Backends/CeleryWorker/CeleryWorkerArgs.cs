using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of <c>celery worker</c> (celery 5.6.3; Debian's 5.2.6 lacks <see cref="CeleryCommandArgs.SkipChecks"/>,
/// <see cref="DisablePrefetch"/> and <see cref="CeleryPool.Custom"/>), plus the <c>celery</c> command's global options
/// (inherited from <see cref="CeleryCommandArgs"/>), which the backend writes before the word <c>worker</c>. The Celery app is the
/// process's <c>App</c>. A <see langword="null"/> property is not passed, so celery's own default (or the app's
/// <c>worker_*</c> setting) applies. See <c>docs/backends/celery-worker.md</c>.
/// </summary>
[ServerBuilder(
    "UseCeleryWorker",
    "CeleryWorker",
    ProcessName = "worker",
    App = "The Celery app, <c>module</c> or <c>module:attribute</c>, for example <c>proj</c> or <c>proj.celery:app</c>.",
    Summary = "Runs this process as a Celery worker: <c>python -m celery --app=APP [global options] worker [options]</c>.",
    Declares = "run by a Celery worker",
    Configure = "Sets celery's options, typically <c>w =&gt; w with { Concurrency = 4, LogLevel = CeleryLogLevel.Info }</c>.")]
// The other spellings celery worker takes (../shared/reference/celery-worker.tsv).
[ArgAlias("events", "task-events")]
[ArgAlias("discard", "purge")]
[ArgAlias("schedule", "schedule-filename")]
[ServerArgs("celery worker")]
public sealed partial record CeleryWorkerArgs : CeleryCommandArgs, ICeleryDaemonOptions
{
    /// <summary><c>--hostname</c>: the node name; <c>%h</c>, <c>%n</c> and <c>%d</c> expand to host, name and domain. Default <c>celery@%h</c>.</summary>
    [Flag("hostname")]
    public string? Hostname { get; init; }

    /// <summary><c>--detach</c>: run the worker in the background. Refused by the validator: a detached worker escapes supervision.</summary>
    [Flag("detach", Boolean = BooleanStyle.Switch)]
    public bool? Detach { get; init; }

    /// <summary><c>--statedb</c>: file that keeps revoked task ids across restarts (<c>.db</c> may be appended). Default the app's <c>worker_state_db</c>.</summary>
    [Flag("statedb")]
    public string? StateDb { get; init; }

    /// <summary><c>--loglevel</c>: the log threshold. Default <see cref="CeleryLogLevel.Warning"/>.</summary>
    [Flag("loglevel")]
    public CeleryLogLevel? LogLevel { get; init; }

    /// <summary>
    /// <c>-O</c>: the task distribution profile. Default <see cref="CeleryOptimization.Default"/>. Written as <c>-O fair</c>: celery
    /// 5.2.6 has no long spelling, and 5.6 accepts the short one too.
    /// </summary>
    [Flag("optimization")]
    public CeleryOptimization? Optimization { get; init; }

    /// <summary><c>--prefetch-multiplier</c>: messages prefetched per pool process. Default 4 (the app's <c>worker_prefetch_multiplier</c>).</summary>
    [Flag("prefetch-multiplier", Minimum = 1)]
    public int? PrefetchMultiplier { get; init; }

    /// <summary><c>--disable-prefetch</c>: fetch a message only when a pool process is free (Redis broker only). Default off. Celery 5.6 and later.</summary>
    [Flag("disable-prefetch", Boolean = BooleanStyle.Switch, Since = "5.6.0")]
    public bool? DisablePrefetch { get; init; }

    /// <summary><c>--concurrency</c>: the pool size. Default the number of CPUs (the app's <c>worker_concurrency</c>).</summary>
    [Flag("concurrency", Minimum = 1)]
    public int? Concurrency { get; init; }

    /// <summary><c>--pool</c>: the pool implementation. Default <see cref="CeleryPool.Prefork"/>.</summary>
    [Flag("pool")]
    public CeleryPool? Pool { get; init; }

    /// <summary><c>--task-events</c>: send task events for monitors such as Flower. Default off (the app's <c>worker_send_task_events</c>).</summary>
    [Flag("task-events", Boolean = BooleanStyle.Switch)]
    public bool? TaskEvents { get; init; }

    /// <summary><c>--time-limit</c>: hard per-task limit in seconds; the pool process running the task is killed. Default none.</summary>
    [Flag("time-limit")]
    public double? TimeLimit { get; init; }

    /// <summary><c>--soft-time-limit</c>: soft per-task limit in seconds (raises <c>SoftTimeLimitExceeded</c> in the task). Default none.</summary>
    [Flag("soft-time-limit")]
    public double? SoftTimeLimit { get; init; }

    /// <summary><c>--max-tasks-per-child</c>: replace a pool process after this many tasks. Default no limit.</summary>
    [Flag("max-tasks-per-child", Minimum = 1)]
    public int? MaxTasksPerChild { get; init; }

    /// <summary><c>--max-memory-per-child</c>: replace a pool process once its resident memory exceeds this many KiB. Default no limit.</summary>
    [Flag("max-memory-per-child", Minimum = 1)]
    public int? MaxMemoryPerChild { get; init; }

    /// <summary><c>--purge</c>: delete every waiting message before starting. Default off. Destroys queued work; use with care.</summary>
    [Flag("purge", Boolean = BooleanStyle.Switch)]
    public bool? Purge { get; init; }

    /// <summary><c>--queues</c>: the queues to consume, written comma-separated. Default every configured queue.</summary>
    [Flag("queues", Separator = ",")]
    public IReadOnlyList<string>? Queues { get; init; }

    /// <summary><c>--exclude-queues</c>: queues not to consume, written comma-separated. Default none.</summary>
    [Flag("exclude-queues", Separator = ",")]
    public IReadOnlyList<string>? ExcludeQueues { get; init; }

    /// <summary><c>--include</c>: extra modules to import, written comma-separated. Default none.</summary>
    [Flag("include", Separator = ",")]
    public IReadOnlyList<string>? Include { get; init; }

    /// <summary><c>--without-gossip</c>: do not gossip with other workers. Default off.</summary>
    [Flag("without-gossip", Boolean = BooleanStyle.Switch)]
    public bool? WithoutGossip { get; init; }

    /// <summary><c>--without-mingle</c>: skip the start-up synchronisation with other workers. Default off.</summary>
    [Flag("without-mingle", Boolean = BooleanStyle.Switch)]
    public bool? WithoutMingle { get; init; }

    /// <summary><c>--without-heartbeat</c>: send no worker heartbeat events. Default off.</summary>
    [Flag("without-heartbeat", Boolean = BooleanStyle.Switch)]
    public bool? WithoutHeartbeat { get; init; }

    /// <summary><c>--heartbeat-interval</c>: seconds between worker heartbeat events. Default 2.</summary>
    [Flag("heartbeat-interval", Minimum = 1)]
    public int? HeartbeatInterval { get; init; }

    /// <summary><c>--autoscale</c>: pool bounds <c>MAX,MIN</c> (or <c>MAX</c>), grown and shrunk with the load. Default off.</summary>
    [Flag("autoscale")]
    public string? Autoscale { get; init; }

    /// <summary><c>--beat</c>: embed the beat scheduler in this worker (not on Windows). Default off. Only one beat may run per schedule.</summary>
    [Flag("beat", Boolean = BooleanStyle.Switch)]
    public bool? Beat { get; init; }

    /// <summary><c>--schedule-filename</c>: the schedule file of the embedded beat. Default <c>celerybeat-schedule</c>. Needs <see cref="Beat"/>.</summary>
    [Flag("schedule-filename")]
    public string? ScheduleFilename { get; init; }

    /// <summary><c>--scheduler</c>: the scheduler class of the embedded beat. Default <c>celery.beat:PersistentScheduler</c>. Needs <see cref="Beat"/>.</summary>
    [Flag("scheduler")]
    public string? Scheduler { get; init; }

    /// <summary><c>--logfile</c>: log to this file (<c>%n</c>, <c>%i</c> expand) instead of stderr. Default stderr, which the SDK forwards to <c>ILogger</c>.</summary>
    [Flag("logfile")]
    public string? LogFile { get; init; }

    /// <summary><c>--pidfile</c>: file receiving the worker's PID. Default none.</summary>
    [Flag("pidfile")]
    public string? PidFile { get; init; }

    /// <summary><c>--uid</c>: user name or uid to drop privileges to. Default none.</summary>
    [Flag("uid")]
    public string? Uid { get; init; }

    /// <summary><c>--gid</c>: group name or gid to drop privileges to. Default none.</summary>
    [Flag("gid")]
    public string? Gid { get; init; }

    /// <summary>
    /// <c>--umask</c>: the umask of a detached worker; a leading 0 means octal (<c>022</c>), otherwise decimal (<c>18</c> is the same).
    /// Default none. Celery applies it only with <c>--detach</c>, which the SDK refuses; kept for completeness.
    /// </summary>
    [Flag("umask")]
    public string? Umask { get; init; }

    /// <summary><c>--executable</c>: the Python that re-executes a detached worker. Default the running interpreter. Only used with <c>--detach</c>.</summary>
    [Flag("executable")]
    public string? Executable { get; init; }

    /// <summary>Flags a newer celery adds, appended verbatim after the typed ones (after <c>worker</c>). Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
