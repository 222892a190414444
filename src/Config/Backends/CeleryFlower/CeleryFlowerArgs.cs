using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of Celery Flower (flower 2.1.0, tornado's logging options included), plus the <c>celery</c> command's global
/// options (inherited from <see cref="CeleryCommandArgs"/>), which the backend writes before the word <c>flower</c>. The Celery app is the
/// process's <c>App</c>. Flower's options are tornado options: each value is attached with <c>=</c>, booleans are written
/// <c>--x=true</c>/<c>--x=false</c> (two default to on), and lists are one comma-separated value. A <see langword="null"/>
/// property is not passed, so flower's own default applies. See <c>docs/backends/celery-flower.md</c>.
/// </summary>
[ServerBuilder(
    "UseCeleryFlower",
    "CeleryFlower",
    ProcessName = "flower",
    App = "The Celery app, <c>module</c> or <c>module:attribute</c>, for example <c>proj</c>.",
    Summary = "Runs this process as Celery Flower: <c>python -m celery --app=APP [global options] flower [options]</c>.",
    Declares = "run by Celery Flower (the monitoring web UI)",
    Configure = "Sets celery's options, typically <c>f =&gt; f with { Address = \"127.0.0.1\", Port = 5555 }</c>.")]
[ServerArgs("celery flower")]
public sealed partial record CeleryFlowerArgs : CeleryCommandArgs
{
    /// <summary><c>--address</c>: the address to listen on. Default empty, which binds every interface (0.0.0.0 and ::) although the banner says 127.0.0.1.</summary>
    [Flag("address")]
    public string? Address { get; init; }

    /// <summary><c>--port</c>: the TCP port. Default 5555. 0 (a free port at random) is refused: the readiness probe, the port check and the exports need to know it.</summary>
    [Flag("port", Minimum = 1, Maximum = 65535)]
    public int? Port { get; init; }

    /// <summary><c>--unix-socket</c>: serve on this Unix socket instead of TCP (created with mode 0777). Default none.</summary>
    [Flag("unix-socket")]
    public string? UnixSocket { get; init; }

    /// <summary><c>--debug</c>: tornado's debug mode (reloads code, shows tracebacks, turns --logging=info into debug). Default off; never in production.</summary>
    [Flag("debug", Boolean = BooleanStyle.Value)]
    public bool? Debug { get; init; }

    /// <summary><c>--inspect-timeout</c>: milliseconds to wait for the workers' inspect replies. Default 1000.</summary>
    [Flag("inspect-timeout")]
    public double? InspectTimeout { get; init; }

    /// <summary><c>--auth</c>: a regular expression of the e-mail addresses admitted through OAuth (with AuthProvider). Default none.</summary>
    [Flag("auth")]
    public string? Auth { get; init; }

    /// <summary><c>--basic-auth</c>: user:password pairs for HTTP basic auth, written comma-separated in one value; /healthcheck and /metrics stay open. Default none.</summary>
    [Flag("basic-auth", Separator = ",")]
    public IReadOnlyList<string>? BasicAuth { get; init; }

    /// <summary><c>--oauth2-key</c>: the OAuth2 client id, used with Auth. Default FLOWER_OAUTH2_KEY (scrubbed here unless the process sets it).</summary>
    [Flag("oauth2-key")]
    public string? Oauth2Key { get; init; }

    /// <summary><c>--oauth2-secret</c>: the OAuth2 client secret, used with Auth; prefer setting FLOWER_OAUTH2_SECRET in the process Environment, which stays out of the command line.</summary>
    [Flag("oauth2-secret")]
    public string? Oauth2Secret { get; init; }

    /// <summary><c>--oauth2-redirect-uri</c>: the OAuth2 callback URL, used with Auth.</summary>
    [Flag("oauth2-redirect-uri")]
    public string? Oauth2RedirectUri { get; init; }

    /// <summary><c>--auth-provider</c>: the import path of the login handler class, for example flower.views.auth.GithubLoginHandler.</summary>
    [Flag("auth-provider")]
    public string? AuthProvider { get; init; }

    /// <summary><c>--max-workers</c>: workers kept in memory. Default 5000.</summary>
    [Flag("max-workers", Minimum = 1)]
    public int? MaxWorkers { get; init; }

    /// <summary><c>--max-tasks</c>: tasks kept in memory. Default 100000.</summary>
    [Flag("max-tasks", Minimum = 1)]
    public int? MaxTasks { get; init; }

    /// <summary><c>--db</c>: the state file used with Persistent. Default flower in the working directory.</summary>
    [Flag("db")]
    public string? Db { get; init; }

    /// <summary><c>--persistent</c>: save the state to Db and load it at start. Default off.</summary>
    [Flag("persistent", Boolean = BooleanStyle.Value)]
    public bool? Persistent { get; init; }

    /// <summary><c>--state-save-interval</c>: milliseconds between state saves with Persistent; 0 saves only at exit. Default 0.</summary>
    [Flag("state-save-interval", Minimum = 0)]
    public int? StateSaveInterval { get; init; }

    /// <summary><c>--broker-api</c>: the RabbitMQ management API URL, for queue lengths. Default none.</summary>
    [Flag("broker-api")]
    public string? BrokerApi { get; init; }

    /// <summary><c>--ca-certs</c>: the CA bundle for client certificates; used only with Certfile and Keyfile.</summary>
    [Flag("ca-certs")]
    public string? CaCerts { get; init; }

    /// <summary><c>--certfile</c>: the TLS certificate; HTTPS only when Keyfile is set too.</summary>
    [Flag("certfile")]
    public string? Certfile { get; init; }

    /// <summary><c>--keyfile</c>: the TLS private key.</summary>
    [Flag("keyfile")]
    public string? Keyfile { get; init; }

    /// <summary><c>--xheaders</c>: trust X-Real-Ip/X-Forwarded-For and X-Scheme/X-Forwarded-Proto from any peer: only behind a proxy that sets them. Default off.</summary>
    [Flag("xheaders", Boolean = BooleanStyle.Value)]
    public bool? Xheaders { get; init; }

    /// <summary><c>--auto-refresh</c>: the UI's auto-refresh. Default on.</summary>
    [Flag("auto-refresh", Boolean = BooleanStyle.Value)]
    public bool? AutoRefresh { get; init; }

    /// <summary><c>--purge-offline-workers</c>: seconds after which offline workers leave the list. Default keep them.</summary>
    [Flag("purge-offline-workers", Minimum = 1)]
    public int? PurgeOfflineWorkers { get; init; }

    /// <summary><c>--cookie-secret</c>: the secret signing login cookies; the random default logs OAuth users out at every restart.</summary>
    [Flag("cookie-secret")]
    public string? CookieSecret { get; init; }

    /// <summary><c>--conf</c>: a Python file of option assignments. Default flowerconfig.py, read from the working directory only if present.</summary>
    [Flag("conf")]
    public string? Conf { get; init; }

    /// <summary><c>--enable-events</c>: periodically tell the workers to send events. Default on.</summary>
    [Flag("enable-events", Boolean = BooleanStyle.Value)]
    public bool? EnableEvents { get; init; }

    /// <summary><c>--format-task</c>: a Python function formatting tasks in the UI. Refused by the validator: flower takes it only from a Conf file.</summary>
    [Flag("format-task")]
    public string? FormatTask { get; init; }

    /// <summary><c>--natural-time</c>: show relative times in the UI. Default off.</summary>
    [Flag("natural-time", Boolean = BooleanStyle.Value)]
    public bool? NaturalTime { get; init; }

    /// <summary><c>--tasks-columns</c>: the columns of the tasks page, written comma-separated in one value. Default name,uuid,state,args,kwargs,result,received,started,runtime,worker.</summary>
    [Flag("tasks-columns", Separator = ",")]
    public IReadOnlyList<string>? TasksColumns { get; init; }

    /// <summary><c>--url-prefix</c>: the path prefix when served below a sub-path. Default none.</summary>
    [Flag("url-prefix")]
    public string? UrlPrefix { get; init; }

    /// <summary><c>--task-runtime-metric-buckets</c>: the Prometheus histogram buckets (seconds, inf allowed), written comma-separated in one value.</summary>
    [Flag("task-runtime-metric-buckets", Separator = ",")]
    public IReadOnlyList<string>? TaskRuntimeMetricBuckets { get; init; }

    /// <summary><c>--read-only</c>: refuse every state-changing operation in the UI and API. Default off.</summary>
    [Flag("read-only", Boolean = BooleanStyle.Value, Since = "2.1.0")]
    public bool? ReadOnly { get; init; }

    /// <summary><c>--logging</c>: tornado's log level. Default info.</summary>
    [Flag("logging")]
    public FlowerLogging? Logging { get; init; }

    /// <summary><c>--log-to-stderr</c>: tornado option: also log to stderr. Default: stderr unless LogFilePrefix is set.</summary>
    [Flag("log-to-stderr", Boolean = BooleanStyle.Value)]
    public bool? LogToStderr { get; init; }

    /// <summary><c>--log-file-prefix</c>: tornado option: the log file path. Default none (the log goes to stderr, which ProdServer reads).</summary>
    [Flag("log-file-prefix")]
    public string? LogFilePrefix { get; init; }

    /// <summary><c>--log-file-max-size</c>: tornado option: bytes before a size rotation. Default 100000000.</summary>
    [Flag("log-file-max-size")]
    public int? LogFileMaxSize { get; init; }

    /// <summary><c>--log-file-num-backups</c>: tornado option: rotated files kept. Default 10.</summary>
    [Flag("log-file-num-backups")]
    public int? LogFileNumBackups { get; init; }

    /// <summary><c>--log-rotate-when</c>: tornado option: the unit of time rotation (S, M, H, D, W0-W6, midnight). Default midnight.</summary>
    [Flag("log-rotate-when")]
    public string? LogRotateWhen { get; init; }

    /// <summary><c>--log-rotate-interval</c>: tornado option: the interval of time rotation. Default 1.</summary>
    [Flag("log-rotate-interval")]
    public int? LogRotateInterval { get; init; }

    /// <summary><c>--log-rotate-mode</c>: tornado option: rotate by size or by time. Default size.</summary>
    [Flag("log-rotate-mode")]
    public FlowerLogRotateMode? LogRotateMode { get; init; }

    /// <summary>Flags a newer flower adds, appended verbatim after the others. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
