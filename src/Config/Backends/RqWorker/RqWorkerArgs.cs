using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of django-rq's <c>manage.py rqworker</c> (django-rq 4.1 on rq 2.10; Debian's django-rq 2.7.0 lacks those
/// marked "Needs django-rq X", reported before launch), plus Django's base command options (inherited from
/// <see cref="DjangoCheckedCommandArgs"/>), and the queues to listen on, written after the options. The queues themselves
/// (their Redis connections) are the <c>RQ_QUEUES</c> setting. Debian's 2.7.0 also has <c>--sentry-dsn</c>,
/// <c>--sentry-ca-certs</c> and <c>--sentry-debug</c>, removed in 4.0: pass them in <see cref="ExtraArgs"/>. A
/// <see langword="null"/> property is not passed. See <c>docs/backends/rq-worker.md</c>.
/// </summary>
[ServerBuilder(
    "UseRqWorker",
    "RqWorker",
    ProcessName = "worker",
    Summary = "Runs this process with <c>python manage.py rqworker [options] [queues]</c> (django-rq) from the Django project (the working directory).",
    Declares = "run by an RQ worker through django-rq",
    Configure = "Sets rqworker's options and queues, for example <c>r =&gt; r with { Queues = [\"default\", \"emails\"], WithScheduler = true }</c>.")]
[ServerArgs("rqworker")]
public sealed partial record RqWorkerArgs : DjangoCheckedCommandArgs
{
    /// <summary>
    /// The <c>RQ_QUEUES</c> names to listen on, in priority order, written after the options (rqworker takes them as
    /// positional arguments). Default: <c>default</c>. Names are checked to be plain words; a name that is not a key of
    /// <c>RQ_QUEUES</c> (a KeyError traceback at start), or queues on different Redis connections or of different queue
    /// classes, are found by <c>--check</c>. In configuration: <c>"Queues": ["high", "default"]</c> or
    /// <c>"Queues": "high default"</c>.
    /// </summary>
    [PositionalArgs]
    public IReadOnlyList<string>? Queues { get; init; }

    /// <summary><c>--worker-class</c>: Import path of the worker class; a bad path is a traceback. Default: the RQ setting WORKER_CLASS, else rq.Worker.</summary>
    [Flag("worker-class")]
    public string? WorkerClass { get; init; }

    /// <summary><c>--pid</c>: File receiving the worker's PID (<c>~</c> is expanded). Default: none.</summary>
    [Flag("pid")]
    public string? Pid { get; init; }

    /// <summary><c>--burst</c>: Run the queued jobs, then exit 0. Default: off (keep listening).</summary>
    [Flag("burst", Boolean = BooleanStyle.Switch)]
    public bool? Burst { get; init; }

    /// <summary><c>--with-scheduler</c>: Also run RQ's scheduler (a child process) for <c>enqueue_at</c>/<c>enqueue_in</c> jobs. Default: off.</summary>
    [Flag("with-scheduler", Boolean = BooleanStyle.Switch)]
    public bool? WithScheduler { get; init; }

    /// <summary><c>--name</c>: The worker's name, unique among live workers (a second one with the same name fails). Default: a random hex id.</summary>
    [Flag("name")]
    public string? Name { get; init; }

    /// <summary><c>--queue-class</c>: Import path of the queue class. Default: the queue's QUEUE_CLASS, else the RQ setting, else django_rq's DjangoRQ.</summary>
    [Flag("queue-class")]
    public string? QueueClass { get; init; }

    /// <summary><c>--job-class</c>: Import path of the job class. Default: the RQ setting JOB_CLASS, else rq.job.Job.</summary>
    [Flag("job-class")]
    public string? JobClass { get; init; }

    /// <summary><c>--worker-ttl</c>: Seconds the worker's Redis key lives between heartbeats. Default: 420.</summary>
    [Flag("worker-ttl", Minimum = 1)]
    public int? WorkerTtl { get; init; }

    /// <summary><c>--max-jobs</c>: Exit 0 after running this many jobs. Default: no limit.</summary>
    [Flag("max-jobs", Minimum = 1)]
    public int? MaxJobs { get; init; }

    /// <summary><c>--max-idle-time</c>: Exit after this many seconds without a job. Default: no limit. Needs django-rq 3.0.1 or newer.</summary>
    [Flag("max-idle-time", Since = "3.0.1", Minimum = 1)]
    public int? MaxIdleTime { get; init; }

    /// <summary><c>--serializer</c>: Serializer import path (the <c>json</c> and <c>pickle</c> shorthands need rq 2.9). Default: rq.serializers.DefaultSerializer. Needs django-rq 2.8.0 or newer.</summary>
    [Flag("serializer", Since = "2.8.0")]
    public string? Serializer { get; init; }

    /// <summary>Flags a newer (or Debian's older) rqworker has, appended verbatim. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
