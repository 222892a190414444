using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of <c>granian</c> (granian 2.8.1; no Debian package; options marked "Needs granian X" are checked against the
/// installed version before launch), except <c>--interface</c>, which the backend always writes (<c>--interface=asgi</c> for
/// <c>UseGranian</c>, <c>--interface=wsgi</c> for <c>UseGranianWsgi</c>), because granian's own default is RSGI, which Django
/// does not speak. A <see langword="null"/> property is not passed, so granian's default applies (given on each property).
/// Booleans are <c>--x</c>/<c>--no-x</c> pairs. See <c>docs/backends/granian.md</c>.
/// </summary>
[ServerBuilder(
    "UseGranian",
    "Granian",
    App = "The ASGI application target, for example <c>mysite.asgi:application</c>.",
    Summary = "Runs this process with Granian serving an ASGI app: <c>granian --interface=asgi [options] module:object</c>.",
    Declares = "served by Granian with an ASGI app",
    Configure = "Sets granian's options, typically <c>g =&gt; g with { Host = \"127.0.0.1\", Port = 8000 }</c>.")]
[ServerBuilder(
    "UseGranianWsgi",
    "GranianWsgi",
    App = "The WSGI application target, for example <c>mysite.wsgi:application</c>.",
    Summary = "Runs this process with Granian serving a WSGI app: <c>granian --interface=wsgi [options] module:object</c>.",
    Declares = "served by Granian with a WSGI app",
    Configure = "Sets granian's options.")]
// granian/server/common.py, Server.__init__ keyword → CLI flag (granian 2.x), as django-prodserver drives Granian through
// Granian(...): keywords that are the flag already need no alias; target and interface come from App and Backend, and
// http1_settings, http2_settings, log_dictconfig and reload_filter are Python objects (see ForeignOptionHint).
[ArgAlias("address", "host")]
[ArgAlias("websockets", "ws")]
[ArgAlias("log_enabled", "log")]
[ArgAlias("log_access", "access-log")]
[ArgAlias("log_access_format", "access-log-fmt")]
[ArgAlias("ssl_cert", "ssl-certificate")]
[ArgAlias("ssl_key", "ssl-keyfile")]
[ArgAlias("ssl_key_password", "ssl-keyfile-password")]
[ArgAlias("metrics_enabled", "metrics")]
[ArgAlias("threads", "blocking-threads")] // django-prodserver's own alias (backends/granian.py maps threads to blocking_threads)
[ServerArgs("granian")]
public sealed partial record GranianArgs
{
    /// <summary><c>--host</c>: Bind address. Cannot be combined with Uds. Default: 127.0.0.1.</summary>
    [Flag("host")]
    public string? Host { get; init; }

    /// <summary><c>--port</c>: TCP port. Cannot be combined with Uds. Default: 8000.</summary>
    [Flag("port", Minimum = 1, Maximum = 65535)]
    public int? Port { get; init; }

    /// <summary><c>--uds</c>: Serve on a Unix socket; not on Windows. Default: not set. Needs granian 2.5.0 or newer.</summary>
    [Flag("uds", Since = "2.5.0")]
    public string? Uds { get; init; }

    /// <summary><c>--uds-permissions</c>: Socket file mode, passed as written: octal only with a leading 0 (0660); bare digits are decimal (660 is 0o1224). Default: not set. Needs granian 2.6.0 or newer.</summary>
    [Flag("uds-permissions", Since = "2.6.0")]
    public string? UdsPermissions { get; init; }

    /// <summary><c>--http</c>: HTTP version served. Default: auto.</summary>
    [Flag("http")]
    public GranianHttp? Http { get; init; }

    /// <summary><c>--[no-]ws</c>: WebSocket support; ignored for wsgi and HTTP/2-only. Default: on.</summary>
    [Flag("ws", Boolean = BooleanStyle.Negatable)]
    public bool? WebSockets { get; init; }

    /// <summary><c>--workers</c>: Worker processes; min 1. Default: 1.</summary>
    [Flag("workers", Minimum = 1)]
    public int? Workers { get; init; }

    /// <summary><c>--blocking-threads</c>: Python threads per worker; min 1; above 1 only for wsgi. Default: (wsgi: backpressure/2; others: 1).</summary>
    [Flag("blocking-threads", Minimum = 1)]
    public int? BlockingThreads { get; init; }

    /// <summary><c>--blocking-threads-idle-timeout</c>: Idle lifetime of a blocking thread; 5..600 s. A duration: whole seconds (30) or text such as 1h30m (the text form needs granian 2.5.0). Default: 30. Needs granian 2.0.0 or newer.</summary>
    [Flag("blocking-threads-idle-timeout", Since = "2.0.0")]
    public string? BlockingThreadsIdleTimeout { get; init; }

    /// <summary><c>--runtime-threads</c>: Rust runtime threads per worker; min 1. Default: 1. Needs granian 2.0.0 or newer.</summary>
    [Flag("runtime-threads", Since = "2.0.0", Minimum = 1)]
    public int? RuntimeThreads { get; init; }

    /// <summary><c>--runtime-blocking-threads</c>: Rust runtime I/O blocking threads per worker; min 1. Default: (512). Needs granian 2.0.0 or newer.</summary>
    [Flag("runtime-blocking-threads", Since = "2.0.0", Minimum = 1)]
    public int? RuntimeBlockingThreads { get; init; }

    /// <summary><c>--runtime-mode</c>: Single- or multi-threaded Rust runtime. Default: auto. Needs granian 2.0.0 or newer.</summary>
    [Flag("runtime-mode", Since = "2.0.0")]
    public GranianRuntimeMode? RuntimeMode { get; init; }

    /// <summary><c>--loop</c>: Event loop; uvloop, rloop and winloop need their packages; Winloop needs granian 2.6.0. Default: auto.</summary>
    [Flag("loop")]
    public GranianLoop? Loop { get; init; }

    /// <summary><c>--task-impl</c>: Task implementation; rust falls back on Python 3.12+. Default: asyncio.</summary>
    [Flag("task-impl")]
    public GranianTaskImpl? TaskImpl { get; init; }

    /// <summary><c>--backlog</c>: Listen queue length; min 128. Default: 1024.</summary>
    [Flag("backlog", Minimum = 128)]
    public int? Backlog { get; init; }

    /// <summary><c>--backpressure</c>: Concurrent requests per worker; min 1. Default: (backlog / workers).</summary>
    [Flag("backpressure", Minimum = 1)]
    public int? Backpressure { get; init; }

    /// <summary><c>--http1-buffer-size</c>: HTTP/1 buffer bytes; min 8192. Default: 417792.</summary>
    [Flag("http1-buffer-size", Minimum = 8192)]
    public int? Http1BufferSize { get; init; }

    /// <summary><c>--http1-header-read-timeout</c>: Milliseconds to receive headers; 1..60000. Default: 30000. Needs granian 2.0.0 or newer.</summary>
    [Flag("http1-header-read-timeout", Since = "2.0.0", Minimum = 1, Maximum = 60000)]
    public int? Http1HeaderReadTimeout { get; init; }

    /// <summary><c>--[no-]http1-keep-alive</c>: HTTP/1 keep-alive. Default: on.</summary>
    [Flag("http1-keep-alive", Boolean = BooleanStyle.Negatable)]
    public bool? Http1KeepAlive { get; init; }

    /// <summary><c>--[no-]http1-pipeline-flush</c>: Batch flushes for pipelined HTTP/1; experimental. Default: off.</summary>
    [Flag("http1-pipeline-flush", Boolean = BooleanStyle.Negatable)]
    public bool? Http1PipelineFlush { get; init; }

    /// <summary><c>--[no-]http2-adaptive-window</c>: Adaptive HTTP/2 flow control. Default: off.</summary>
    [Flag("http2-adaptive-window", Boolean = BooleanStyle.Negatable)]
    public bool? Http2AdaptiveWindow { get; init; }

    /// <summary><c>--http2-initial-connection-window-size</c>: HTTP/2 connection window bytes; min 1024. Default: 1048576.</summary>
    [Flag("http2-initial-connection-window-size", Minimum = 1024)]
    public int? Http2InitialConnectionWindowSize { get; init; }

    /// <summary><c>--http2-initial-stream-window-size</c>: HTTP/2 stream window bytes; min 1024. Default: 1048576.</summary>
    [Flag("http2-initial-stream-window-size", Minimum = 1024)]
    public int? Http2InitialStreamWindowSize { get; init; }

    /// <summary><c>--http2-keep-alive-interval</c>: Milliseconds between HTTP/2 pings; 1..60000. Default: not set.</summary>
    [Flag("http2-keep-alive-interval", Minimum = 1, Maximum = 60000)]
    public int? Http2KeepAliveInterval { get; init; }

    /// <summary><c>--http2-keep-alive-timeout</c>: Wait for HTTP/2 ping reply; min 1 s. A duration: whole seconds (30) or text such as 1h30m (the text form needs granian 2.5.0). Default: 20.</summary>
    [Flag("http2-keep-alive-timeout")]
    public string? Http2KeepAliveTimeout { get; init; }

    /// <summary><c>--http2-max-concurrent-streams</c>: HTTP/2 streams per connection; min 10. Default: 200.</summary>
    [Flag("http2-max-concurrent-streams", Minimum = 10)]
    public int? Http2MaxConcurrentStreams { get; init; }

    /// <summary><c>--http2-max-frame-size</c>: HTTP/2 frame bytes; min 1024. Default: 16384.</summary>
    [Flag("http2-max-frame-size", Minimum = 1024)]
    public int? Http2MaxFrameSize { get; init; }

    /// <summary><c>--http2-max-headers-size</c>: HTTP/2 header block bytes; min 1. Default: 16777216.</summary>
    [Flag("http2-max-headers-size", Minimum = 1)]
    public int? Http2MaxHeadersSize { get; init; }

    /// <summary><c>--http2-max-send-buffer-size</c>: HTTP/2 send buffer bytes per stream; min 1024. Default: 409600.</summary>
    [Flag("http2-max-send-buffer-size", Minimum = 1024)]
    public int? Http2MaxSendBufferSize { get; init; }

    /// <summary><c>--[no-]log</c>: Logging as a whole. Default: on.</summary>
    [Flag("log", Boolean = BooleanStyle.Negatable)]
    public bool? Log { get; init; }

    /// <summary><c>--log-level</c>: Log threshold. Default: info.</summary>
    [Flag("log-level")]
    public GranianLogLevel? LogLevel { get; init; }

    /// <summary><c>--log-config</c>: JSON dictConfig file; must exist. Default: not set.</summary>
    [Flag("log-config")]
    public string? LogConfig { get; init; }

    /// <summary><c>--[no-]access-log</c>: Per-request access log. Default: off.</summary>
    [Flag("access-log", Boolean = BooleanStyle.Negatable)]
    public bool? AccessLog { get; init; }

    /// <summary><c>--access-log-fmt</c>: Access log line template. Default: (built-in format).</summary>
    [Flag("access-log-fmt")]
    public string? AccessLogFmt { get; init; }

    /// <summary><c>--ssl-certificate</c>: TLS certificate file; must exist. Default: not set.</summary>
    [Flag("ssl-certificate")]
    public string? SslCertificate { get; init; }

    /// <summary><c>--ssl-keyfile</c>: TLS private key file; must exist. Default: not set.</summary>
    [Flag("ssl-keyfile")]
    public string? SslKeyfile { get; init; }

    /// <summary><c>--ssl-keyfile-password</c>: Passphrase for the key file. Default: not set.</summary>
    [Flag("ssl-keyfile-password")]
    public string? SslKeyfilePassword { get; init; }

    /// <summary><c>--ssl-protocol-min</c>: Lowest TLS version accepted. Default: tls1.3. Needs granian 2.6.0 or newer.</summary>
    [Flag("ssl-protocol-min", Since = "2.6.0")]
    public GranianTlsVersion? SslProtocolMin { get; init; }

    /// <summary><c>--ssl-ca</c>: CA file for client verification. Default: not set. Needs granian 2.3.0 or newer.</summary>
    [Flag("ssl-ca", Since = "2.3.0")]
    public string? SslCa { get; init; }

    /// <summary><c>--ssl-crl</c>: Certificate revocation list file. Once per entry. Default: not set. Needs granian 2.3.0 or newer.</summary>
    [Flag("ssl-crl", Since = "2.3.0")]
    public IReadOnlyList<string>? SslCrls { get; init; }

    /// <summary><c>--[no-]ssl-client-verify</c>: Require client certificates; needs --ssl-ca. Default: off. Needs granian 2.3.0 or newer.</summary>
    [Flag("ssl-client-verify", Boolean = BooleanStyle.Negatable, Since = "2.3.0")]
    public bool? SslClientVerify { get; init; }

    /// <summary><c>--url-path-prefix</c>: Path prefix the app is mounted under. Default: not set.</summary>
    [Flag("url-path-prefix")]
    public string? UrlPathPrefix { get; init; }

    /// <summary><c>--[no-]respawn-failed-workers</c>: Restart workers that crash. Default: off.</summary>
    [Flag("respawn-failed-workers", Boolean = BooleanStyle.Negatable)]
    public bool? RespawnFailedWorkers { get; init; }

    /// <summary><c>--respawn-interval</c>: Seconds to wait between respawns. Default: 3.5.</summary>
    [Flag("respawn-interval", Minimum = 0)]
    public double? RespawnInterval { get; init; }

    /// <summary><c>--rss-sample-interval</c>: Memory sampling period; 1..300 s. A duration: whole seconds (30) or text such as 1h30m (the text form needs granian 2.5.0). Default: 30. Needs granian 2.5.0 or newer.</summary>
    [Flag("rss-sample-interval", Since = "2.5.0")]
    public string? RssSampleInterval { get; init; }

    /// <summary><c>--rss-samples</c>: Consecutive over-limit samples before respawn; min 1. Default: 1. Needs granian 2.6.0 or newer.</summary>
    [Flag("rss-samples", Since = "2.6.0", Minimum = 1)]
    public int? RssSamples { get; init; }

    /// <summary><c>--workers-lifetime</c>: Respawn workers after this age; min 60 s. A duration: whole seconds (30) or text such as 1h30m (the text form needs granian 2.5.0). Default: not set.</summary>
    [Flag("workers-lifetime")]
    public string? WorkersLifetime { get; init; }

    /// <summary><c>--workers-max-rss</c>: Respawn a worker above this many MiB; min 1. Default: not set. Needs granian 2.5.0 or newer.</summary>
    [Flag("workers-max-rss", Since = "2.5.0", Minimum = 1)]
    public int? WorkersMaxRss { get; init; }

    /// <summary><c>--workers-kill-timeout</c>: Grace before force-killing a worker; 1..1800 s. A duration: whole seconds (30) or text such as 1h30m (the text form needs granian 2.5.0). The SDK waits this long plus a margin before killing the process. Default: (none: wait forever).</summary>
    [Flag("workers-kill-timeout")]
    public string? WorkersKillTimeout { get; init; }

    /// <summary><c>--[no-]factory</c>: Target is a callable returning the app. Default: off.</summary>
    [Flag("factory", Boolean = BooleanStyle.Negatable)]
    public bool? Factory { get; init; }

    /// <summary><c>--working-dir</c>: Directory to use as working dir; must exist. Default: not set. Needs granian 2.4.0 or newer.</summary>
    [Flag("working-dir", Since = "2.4.0")]
    public string? WorkingDir { get; init; }

    /// <summary><c>--env-files</c>: Dotenv file to load; needs granian[dotenv]. Once per entry. Default: not set. Needs granian 2.4.0 or newer.</summary>
    [Flag("env-files", Since = "2.4.0")]
    public IReadOnlyList<string>? EnvFiles { get; init; }

    /// <summary><c>--static-path-route</c>: URL route for static files; paired by position with --static-path-mount. Once per entry (several need granian 2.7.0). Default: /static. Needs granian 2.3.0 or newer.</summary>
    [Flag("static-path-route", Since = "2.3.0")]
    public IReadOnlyList<string>? StaticPathRoutes { get; init; }

    /// <summary><c>--static-path-mount</c>: Directory served as static files; must exist. Once per entry (several need granian 2.7.0). Default: not set. Needs granian 2.3.0 or newer.</summary>
    [Flag("static-path-mount", Since = "2.3.0")]
    public IReadOnlyList<string>? StaticPathMounts { get; init; }

    /// <summary><c>--static-path-dir-to-file</c>: File served for directory requests. Default: not set. Needs granian 2.7.0 or newer.</summary>
    [Flag("static-path-dir-to-file", Since = "2.7.0")]
    public string? StaticPathDirToFile { get; init; }

    /// <summary><c>--static-path-expires</c>: Static cache lifetime; 0 disables. A duration: whole seconds (30) or text such as 1h30m (the text form needs granian 2.5.0). Default: 86400. Needs granian 2.3.0 or newer.</summary>
    [Flag("static-path-expires", Since = "2.3.0")]
    public string? StaticPathExpires { get; init; }

    /// <summary><c>--[no-]metrics</c>: Prometheus metrics exporter; ignored with --reload. Default: off. Needs granian 2.7.0 or newer.</summary>
    [Flag("metrics", Boolean = BooleanStyle.Negatable, Since = "2.7.0")]
    public bool? Metrics { get; init; }

    /// <summary><c>--metrics-scrape-interval</c>: Metrics collection period; 1..60 s. A duration: whole seconds (30) or text such as 1h30m (the text form needs granian 2.5.0). Default: 15. Needs granian 2.7.0 or newer.</summary>
    [Flag("metrics-scrape-interval", Since = "2.7.0")]
    public string? MetricsScrapeInterval { get; init; }

    /// <summary><c>--metrics-address</c>: Metrics exporter bind address. Default: 127.0.0.1. Needs granian 2.7.0 or newer.</summary>
    [Flag("metrics-address", Since = "2.7.0")]
    public string? MetricsAddress { get; init; }

    /// <summary><c>--metrics-port</c>: Metrics exporter port. Default: 9090. Needs granian 2.7.0 or newer.</summary>
    [Flag("metrics-port", Since = "2.7.0", Minimum = 1, Maximum = 65535)]
    public int? MetricsPort { get; init; }

    /// <summary><c>--[no-]reload</c>: Restart on file change; needs granian[reload]. Default: off.</summary>
    [Flag("reload", Boolean = BooleanStyle.Negatable)]
    public bool? Reload { get; init; }

    /// <summary><c>--reload-paths</c>: Path to watch; must exist. Once per entry. Default: (working dir).</summary>
    [Flag("reload-paths")]
    public IReadOnlyList<string>? ReloadPaths { get; init; }

    /// <summary><c>--reload-ignore-dirs</c>: Directory name added to the ignore list. Once per entry. Default: not set.</summary>
    [Flag("reload-ignore-dirs")]
    public IReadOnlyList<string>? ReloadIgnoreDirs { get; init; }

    /// <summary><c>--reload-ignore-patterns</c>: Regex of names to ignore. Once per entry. Default: not set.</summary>
    [Flag("reload-ignore-patterns")]
    public IReadOnlyList<string>? ReloadIgnorePatterns { get; init; }

    /// <summary><c>--reload-ignore-paths</c>: Path to ignore. Once per entry. Default: not set.</summary>
    [Flag("reload-ignore-paths")]
    public IReadOnlyList<string>? ReloadIgnorePaths { get; init; }

    /// <summary><c>--reload-tick</c>: Milliseconds between watch polls; 50..5000. Default: 50. Needs granian 2.2.0 or newer.</summary>
    [Flag("reload-tick", Since = "2.2.0", Minimum = 50, Maximum = 5000)]
    public int? ReloadTick { get; init; }

    /// <summary><c>--[no-]reload-ignore-worker-failure</c>: Keep reloading after a worker crash. Default: off. Needs granian 2.2.0 or newer.</summary>
    [Flag("reload-ignore-worker-failure", Boolean = BooleanStyle.Negatable, Since = "2.2.0")]
    public bool? ReloadIgnoreWorkerFailure { get; init; }

    /// <summary><c>--process-name</c>: Process title; needs granian[pname]. Default: not set.</summary>
    [Flag("process-name")]
    public string? ProcessName { get; init; }

    /// <summary><c>--pid-file</c>: File receiving the main PID. Default: not set.</summary>
    [Flag("pid-file")]
    public string? PidFile { get; init; }

    /// <summary>Flags a newer granian adds, appended verbatim after the typed ones. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
