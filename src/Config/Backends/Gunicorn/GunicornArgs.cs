using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of <c>gunicorn</c> (gunicorn 26.1.0; Debian's 20.1.0 lacks those marked "Needs gunicorn X", which are
/// reported before launch when the installed gunicorn is older). A <see langword="null"/> property is not passed, so
/// gunicorn's own default applies (given on each property). Booleans are set-only switches (gunicorn has no <c>--no-</c>
/// forms except <c>--no-sendfile</c> and <c>--no-control-socket</c>). The flags are written in the order declared here,
/// before the app target; see <c>docs/backends/gunicorn.md</c>.
/// </summary>
[ServerBuilder(
    "UseGunicorn",
    "Gunicorn",
    App = "The WSGI application target, for example <c>mysite.wsgi:application</c>.",
    Summary = "Runs this process with Gunicorn: <c>gunicorn [options] module:object</c>.",
    Declares = "served by Gunicorn",
    Configure = "Sets gunicorn's options, typically <c>g =&gt; g with { Bind = [\"127.0.0.1:8000\"], Workers = 4 }</c>.")]
// gunicorn/config.py: each Setting's name → its first long CLI flag, where they differ (gunicorn 20.1 to 26.1), as
// gunicorn.conf.py users write them.
[ArgAlias("keepalive", "keep-alive")]
[ArgAlias("paster", "paste")]
[ArgAlias("reload_extra_files", "reload-extra-file")]
[ArgAlias("preload_app", "preload")]
[ArgAlias("raw_env", "env")]
[ArgAlias("pidfile", "pid")]
[ArgAlias("accesslog", "access-logfile")]
[ArgAlias("access_log_format", "access-logformat")]
[ArgAlias("errorlog", "error-logfile")]
[ArgAlias("log-file", "error-logfile")] // the second CLI spelling of errorlog
[ArgAlias("loglevel", "log-level")]
[ArgAlias("logconfig", "log-config")]
[ArgAlias("logconfig_json", "log-config-json")]
[ArgAlias("syslog_addr", "log-syslog-to")]
[ArgAlias("syslog", "log-syslog")]
[ArgAlias("syslog_prefix", "log-syslog-prefix")]
[ArgAlias("syslog_facility", "log-syslog-facility")]
[ArgAlias("proc_name", "name")]
[ArgAlias("proxy_allow_ips", "proxy-allow-from")]
[ArgAlias("uwsgi_allow_ips", "uwsgi-allow-from")]
[ArgAlias("raw_paste_global_conf", "paste-global")]
[ArgAlias("dirty_apps", "dirty-app")]
[ArgAlias("control_socket_disable", "no-control-socket")]
[ServerArgs("gunicorn")]
public sealed partial record GunicornArgs
{
    /// <summary><c>--config</c>: Config file; python:module.name also accepted. A config file can set any option, so the typed configuration would no longer be the whole truth; prefer typed properties. Default: ./gunicorn.conf.py if present.</summary>
    [Flag("config")]
    public string? Config { get; init; }

    /// <summary><c>--bind</c>: the address to listen on: HOST, HOST:PORT, [IPv6]:PORT, unix:PATH or fd://N. Once per entry; several entries listen on several addresses. Default: 127.0.0.1:8000 (0.0.0.0:$PORT if PORT set).</summary>
    [Flag("bind")]
    public IReadOnlyList<string>? Bind { get; init; }

    /// <summary><c>--backlog</c>: Pending connection queue length. Default: 2048.</summary>
    [Flag("backlog", Minimum = 1)]
    public int? Backlog { get; init; }

    /// <summary><c>--workers</c>: Number of worker processes. Default: 1 ($WEB_CONCURRENCY if set).</summary>
    [Flag("workers", Minimum = 1)]
    public int? Workers { get; init; }

    /// <summary><c>--worker-class</c>: Worker class: sync, gthread, gevent, gevent_wsgi, gevent_pywsgi, tornado, asgi (gunicorn 24.0.0 or newer), eventlet (removed in 26.0.0), or a dotted class path such as uvicorn.workers.UvicornWorker. Default: sync. (asgi added 24.0.0; eventlet (valid in 20.1.0.) removed 26.0.0.)</summary>
    [Flag("worker-class")]
    public string? WorkerClass { get; init; }

    /// <summary><c>--threads</c>: Threads per worker (gthread). Default: 1.</summary>
    [Flag("threads", Minimum = 1)]
    public int? Threads { get; init; }

    /// <summary><c>--worker-connections</c>: Simultaneous clients per worker (gthread, gevent). Default: 1000.</summary>
    [Flag("worker-connections", Minimum = 1)]
    public int? WorkerConnections { get; init; }

    /// <summary><c>--max-requests</c>: Recycle a worker after N requests; 0 never. Default: 0.</summary>
    [Flag("max-requests", Minimum = 0)]
    public int? MaxRequests { get; init; }

    /// <summary><c>--max-requests-jitter</c>: Random 0..N added to --max-requests per worker. Default: 0.</summary>
    [Flag("max-requests-jitter", Minimum = 0)]
    public int? MaxRequestsJitter { get; init; }

    /// <summary><c>--timeout</c>: Seconds a silent worker lives before being killed. Default: 30.</summary>
    [Flag("timeout", Minimum = 0)]
    public int? Timeout { get; init; }

    /// <summary><c>--graceful-timeout</c>: Seconds workers get to finish on restart. Default: 30.</summary>
    [Flag("graceful-timeout", Minimum = 0)]
    public int? GracefulTimeout { get; init; }

    /// <summary><c>--keep-alive</c>: Seconds to hold an idle keep-alive connection. Default: 2.</summary>
    [Flag("keep-alive", Minimum = 0)]
    public int? KeepAlive { get; init; }

    /// <summary><c>--limit-request-line</c>: Request-line byte limit; 0 unlimited; max 8190. Default: 4094.</summary>
    [Flag("limit-request-line", Minimum = 0, Maximum = 8190)]
    public int? LimitRequestLine { get; init; }

    /// <summary><c>--limit-request-fields</c>: Header count limit; max 32768. Default: 100.</summary>
    [Flag("limit-request-fields", Minimum = 0, Maximum = 32768)]
    public int? LimitRequestFields { get; init; }

    /// <summary><c>--limit-request-field_size</c>: Per-header byte limit; 0 unlimited; the flag really is spelled with an underscore (the hyphenated spelling is rejected). Default: 8190.</summary>
    [Flag("limit-request-field_size", Minimum = 0)]
    public int? LimitRequestFieldSize { get; init; }

    /// <summary><c>--reload</c>: Restart workers when source changes; =VALUE form rejected. Default: off.</summary>
    [Flag("reload", Boolean = BooleanStyle.Switch)]
    public bool? Reload { get; init; }

    /// <summary><c>--reload-engine</c>: File watcher used by --reload. Default: auto.</summary>
    [Flag("reload-engine")]
    public GunicornReloadEngine? ReloadEngine { get; init; }

    /// <summary><c>--reload-extra-file</c>: Extra file watched by --reload; plain paths must exist. Once per entry; glob patterns need gunicorn 26.1.0. Default: not set. (glob patterns accepted since 26.1.0.)</summary>
    [Flag("reload-extra-file")]
    public IReadOnlyList<string>? ReloadExtraFiles { get; init; }

    /// <summary><c>--spew</c>: Trace every executed line; debugging only. Default: off.</summary>
    [Flag("spew", Boolean = BooleanStyle.Switch)]
    public bool? Spew { get; init; }

    /// <summary><c>--check-config</c>: Load config and app then exit: 0 ok, 1 error. Default: off.</summary>
    [Flag("check-config", Boolean = BooleanStyle.Switch)]
    public bool? CheckConfig { get; init; }

    /// <summary><c>--print-config</c>: Print resolved settings then exit 0. Default: off.</summary>
    [Flag("print-config", Boolean = BooleanStyle.Switch)]
    public bool? PrintConfig { get; init; }

    /// <summary><c>--preload</c>: Import the app in the master before forking. Default: off.</summary>
    [Flag("preload", Boolean = BooleanStyle.Switch)]
    public bool? Preload { get; init; }

    /// <summary><c>--no-sendfile</c>: False turns off the use of sendfile() (written --no-sendfile); gunicorn has no positive flag, so true writes nothing. Default: sendfile used ($SENDFILE may change).</summary>
    [Flag("sendfile", Boolean = BooleanStyle.NegativeSwitch)]
    public bool? Sendfile { get; init; }

    /// <summary><c>--reuse-port</c>: Set SO_REUSEPORT on listening sockets. Default: off.</summary>
    [Flag("reuse-port", Boolean = BooleanStyle.Switch)]
    public bool? ReusePort { get; init; }

    /// <summary><c>--chdir</c>: Directory to enter before loading the app; must exist. Default: (cwd).</summary>
    [Flag("chdir")]
    public string? Chdir { get; init; }

    /// <summary><c>--daemon</c>: Detach the master into the background. Default: off.</summary>
    [Flag("daemon", Boolean = BooleanStyle.Switch)]
    public bool? Daemon { get; init; }

    /// <summary><c>--env</c>: KEY=VALUE added to the process environment. Once per entry. The process Environment is usually the better place. Default: not set.</summary>
    [Flag("env")]
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary><c>--pid</c>: File receiving the master PID. Default: not set.</summary>
    [Flag("pid")]
    public string? Pid { get; init; }

    /// <summary><c>--worker-tmp-dir</c>: Directory for worker heartbeat files. Default: (system temp dir).</summary>
    [Flag("worker-tmp-dir")]
    public string? WorkerTmpDir { get; init; }

    /// <summary><c>--user</c>: User name or uid for workers. Default: (current euid).</summary>
    [Flag("user")]
    public string? User { get; init; }

    /// <summary><c>--group</c>: Group name or gid for workers. Default: (current egid).</summary>
    [Flag("group")]
    public string? Group { get; init; }

    /// <summary><c>--umask</c>: File mode mask for the workers, passed as written: a leading 0 (or 0o) is octal, bare digits are decimal, so write 022 (or 0o22), never 22. Default: 0.</summary>
    [Flag("umask")]
    public string? Umask { get; init; }

    /// <summary><c>--initgroups</c>: Also apply supplementary groups of --user. Default: off.</summary>
    [Flag("initgroups", Boolean = BooleanStyle.Switch)]
    public bool? Initgroups { get; init; }

    /// <summary><c>--forwarded-allow-ips</c>: Comma-separated proxies trusted for forwarded headers; * all. Default: 127.0.0.1,::1 ($FORWARDED_ALLOW_IPS if set). (20.1.0 default 127.0.0.1; values validated as IPs/networks since 23.0.0.)</summary>
    [Flag("forwarded-allow-ips")]
    public string? ForwardedAllowIps { get; init; }

    /// <summary><c>--access-logfile</c>: Access log file; - is stdout. Default: not set.</summary>
    [Flag("access-logfile")]
    public string? AccessLogfile { get; init; }

    /// <summary><c>--disable-redirect-access-to-syslog</c>: Keep access lines out of syslog. Default: off.</summary>
    [Flag("disable-redirect-access-to-syslog", Boolean = BooleanStyle.Switch)]
    public bool? DisableRedirectAccessToSyslog { get; init; }

    /// <summary><c>--access-logformat</c>: Access line template using gunicorn atoms. Default: %(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s".</summary>
    [Flag("access-logformat")]
    public string? AccessLogformat { get; init; }

    /// <summary><c>--error-logfile</c>: Error log file; - is stderr; alias --log-file. Default: -.</summary>
    [Flag("error-logfile")]
    public string? ErrorLogfile { get; init; }

    /// <summary><c>--log-level</c>: Error log threshold; unknown names silently become info. Default: info.</summary>
    [Flag("log-level")]
    public GunicornLogLevel? LogLevel { get; init; }

    /// <summary><c>--capture-output</c>: Route app stdout/stderr into the error log. Default: off.</summary>
    [Flag("capture-output", Boolean = BooleanStyle.Switch)]
    public bool? CaptureOutput { get; init; }

    /// <summary><c>--logger-class</c>: Import path of the logger class. Default: gunicorn.glogging.Logger.</summary>
    [Flag("logger-class")]
    public string? LoggerClass { get; init; }

    /// <summary><c>--log-config</c>: Logging config file in fileConfig format. Default: not set.</summary>
    [Flag("log-config")]
    public string? LogConfig { get; init; }

    /// <summary><c>--log-config-json</c>: Logging dictConfig stored as JSON. Default: not set. Needs gunicorn 21.0.0 or newer.</summary>
    [Flag("log-config-json", Since = "21.0.0")]
    public string? LogConfigJson { get; init; }

    /// <summary><c>--log-syslog-to</c>: Syslog target: udp://, tcp:// or unix://. Default: udp://localhost:514 (Linux).</summary>
    [Flag("log-syslog-to")]
    public string? LogSyslogTo { get; init; }

    /// <summary><c>--log-syslog</c>: Also log to syslog. Default: off.</summary>
    [Flag("log-syslog", Boolean = BooleanStyle.Switch)]
    public bool? LogSyslog { get; init; }

    /// <summary><c>--log-syslog-prefix</c>: Program tag used in syslog. Default: not set.</summary>
    [Flag("log-syslog-prefix")]
    public string? LogSyslogPrefix { get; init; }

    /// <summary><c>--log-syslog-facility</c>: Syslog facility name. Default: user.</summary>
    [Flag("log-syslog-facility")]
    public SyslogFacility? LogSyslogFacility { get; init; }

    /// <summary><c>--enable-stdio-inheritance</c>: Keep stdio descriptors when daemonised. Default: off.</summary>
    [Flag("enable-stdio-inheritance", Boolean = BooleanStyle.Switch)]
    public bool? EnableStdioInheritance { get; init; }

    /// <summary><c>--statsd-host</c>: Statsd target HOST:PORT or unix://PATH. Default: not set.</summary>
    [Flag("statsd-host")]
    public string? StatsdHost { get; init; }

    /// <summary><c>--dogstatsd-tags</c>: Comma-separated name:value tags for dogstatsd. Default: empty.</summary>
    [Flag("dogstatsd-tags")]
    public string? DogstatsdTags { get; init; }

    /// <summary><c>--statsd-prefix</c>: Prefix for emitted metric names. Default: empty.</summary>
    [Flag("statsd-prefix")]
    public string? StatsdPrefix { get; init; }

    /// <summary><c>--enable-backlog-metric</c>: Report socket backlog as a metric; Linux only. Default: off. Needs gunicorn 24.1.0 or newer.</summary>
    [Flag("enable-backlog-metric", Boolean = BooleanStyle.Switch, Since = "24.1.0")]
    public bool? EnableBacklogMetric { get; init; }

    /// <summary><c>--name</c>: Process title; needs setproctitle. Default: not set.</summary>
    [Flag("name")]
    public string? Name { get; init; }

    /// <summary><c>--pythonpath</c>: Comma-separated directories put on sys.path. Default: not set.</summary>
    [Flag("pythonpath")]
    public string? Pythonpath { get; init; }

    /// <summary><c>--paste</c>: PasteDeploy ini as app source; alias --paster; replaces positional app. Default: not set.</summary>
    [Flag("paste")]
    public string? Paste { get; init; }

    /// <summary><c>--proxy-protocol</c>: PROXY protocol mode, always written with its value (--proxy-protocol=auto), because since 24.1.0 the bare flag swallows the next word as its value. The value form needs gunicorn 24.1.0; 20.1.0 has only the bare switch (pass it with ExtraArgs there). Default: off. (plain switch in 20.1.0; takes a value since 24.1.0.)</summary>
    [Flag("proxy-protocol")]
    public GunicornProxyProtocol? ProxyProtocol { get; init; }

    /// <summary><c>--proxy-allow-from</c>: Comma-separated peers allowed to send PROXY headers; * all. Default: 127.0.0.1,::1. (20.1.0 default 127.0.0.1.)</summary>
    [Flag("proxy-allow-from")]
    public string? ProxyAllowFrom { get; init; }

    /// <summary><c>--protocol</c>: Wire protocol on listeners; not checked at parse time. Default: http. Needs gunicorn 24.0.0 or newer.</summary>
    [Flag("protocol", Since = "24.0.0")]
    public GunicornProtocol? Protocol { get; init; }

    /// <summary><c>--uwsgi-allow-from</c>: Comma-separated peers allowed with --protocol uwsgi; * all. Default: 127.0.0.1,::1. Needs gunicorn 24.0.0 or newer.</summary>
    [Flag("uwsgi-allow-from", Since = "24.0.0")]
    public string? UwsgiAllowFrom { get; init; }

    /// <summary><c>--keyfile</c>: TLS private key file. Default: not set.</summary>
    [Flag("keyfile")]
    public string? Keyfile { get; init; }

    /// <summary><c>--certfile</c>: TLS certificate file; turns on HTTPS. Default: not set.</summary>
    [Flag("certfile")]
    public string? Certfile { get; init; }

    /// <summary><c>--ssl-version</c>: Legacy protocol number, has no effect. Default: 2. (deprecated since 21.0; ignored with a warning.)</summary>
    [Flag("ssl-version")]
    public int? SslVersion { get; init; }

    /// <summary><c>--cert-reqs</c>: Client certificate policy: none, optional, required. Default: 0.</summary>
    [Flag("cert-reqs")]
    public CertRequirements? CertReqs { get; init; }

    /// <summary><c>--ca-certs</c>: CA bundle for verifying clients. Default: not set.</summary>
    [Flag("ca-certs")]
    public string? CaCerts { get; init; }

    /// <summary><c>--suppress-ragged-eofs</c>: Already on and the command line cannot turn it off; true writes the flag, false is rejected by the validator. Default: on.</summary>
    [Flag("suppress-ragged-eofs", Boolean = BooleanStyle.Switch)]
    public bool? SuppressRaggedEofs { get; init; }

    /// <summary><c>--do-handshake-on-connect</c>: Run the TLS handshake right after accept. Default: off.</summary>
    [Flag("do-handshake-on-connect", Boolean = BooleanStyle.Switch)]
    public bool? DoHandshakeOnConnect { get; init; }

    /// <summary><c>--ciphers</c>: TLS cipher list string. Default: (OpenSSL default).</summary>
    [Flag("ciphers")]
    public string? Ciphers { get; init; }

    /// <summary><c>--http-protocols</c>: Comma-separated protocol preference in one value. Written comma-separated in one argument. Default: h1. Needs gunicorn 25.0.0 or newer.</summary>
    [Flag("http-protocols", Separator = ",", Since = "25.0.0")]
    public IReadOnlyList<GunicornHttpProtocol>? HttpProtocols { get; init; }

    /// <summary><c>--http2-max-concurrent-streams</c>: HTTP/2 streams allowed per connection. Default: 100. Needs gunicorn 25.0.0 or newer.</summary>
    [Flag("http2-max-concurrent-streams", Since = "25.0.0", Minimum = 1)]
    public int? Http2MaxConcurrentStreams { get; init; }

    /// <summary><c>--http2-initial-window-size</c>: HTTP/2 flow-control window in bytes. Default: 65535. Needs gunicorn 25.0.0 or newer.</summary>
    [Flag("http2-initial-window-size", Since = "25.0.0")]
    public int? Http2InitialWindowSize { get; init; }

    /// <summary><c>--http2-max-frame-size</c>: HTTP/2 frame size; 16384..16777215. Default: 16384. Needs gunicorn 25.0.0 or newer.</summary>
    [Flag("http2-max-frame-size", Since = "25.0.0", Minimum = 16384, Maximum = 16777215)]
    public int? Http2MaxFrameSize { get; init; }

    /// <summary><c>--http2-max-header-list-size</c>: HTTP/2 header list byte limit. Default: 65536. Needs gunicorn 25.0.0 or newer.</summary>
    [Flag("http2-max-header-list-size", Since = "25.0.0")]
    public int? Http2MaxHeaderListSize { get; init; }

    /// <summary><c>--paste-global</c>: KEY=VALUE global passed to the paste config. Once per entry. Default: not set.</summary>
    [Flag("paste-global")]
    public IReadOnlyList<string>? PasteGlobals { get; init; }

    /// <summary><c>--permit-obsolete-folding</c>: Accept folded (multi-line) header values. Default: off. Needs gunicorn 23.0.0 or newer.</summary>
    [Flag("permit-obsolete-folding", Boolean = BooleanStyle.Switch, Since = "23.0.0")]
    public bool? PermitObsoleteFolding { get; init; }

    /// <summary><c>--strip-header-spaces</c>: Strip spaces before the header colon; unsafe. Default: off. (deprecated.)</summary>
    [Flag("strip-header-spaces", Boolean = BooleanStyle.Switch)]
    public bool? StripHeaderSpaces { get; init; }

    /// <summary><c>--permit-unconventional-http-method</c>: Accept unusual request method names. Default: off. Needs gunicorn 22.0.0 or newer.</summary>
    [Flag("permit-unconventional-http-method", Boolean = BooleanStyle.Switch, Since = "22.0.0")]
    public bool? PermitUnconventionalHttpMethod { get; init; }

    /// <summary><c>--permit-unconventional-http-version</c>: Accept unusual HTTP version strings. Default: off. Needs gunicorn 22.0.0 or newer.</summary>
    [Flag("permit-unconventional-http-version", Boolean = BooleanStyle.Switch, Since = "22.0.0")]
    public bool? PermitUnconventionalHttpVersion { get; init; }

    /// <summary><c>--casefold-http-method</c>: Upper-case incoming method names. Default: off. Needs gunicorn 22.0.0 or newer.</summary>
    [Flag("casefold-http-method", Boolean = BooleanStyle.Switch, Since = "22.0.0")]
    public bool? CasefoldHttpMethod { get; init; }

    /// <summary><c>--forwarder-headers</c>: Comma-separated headers a trusted proxy may inject into environ. Default: SCRIPT_NAME,PATH_INFO. Needs gunicorn 23.0.0 or newer.</summary>
    [Flag("forwarder-headers", Since = "23.0.0")]
    public string? ForwarderHeaders { get; init; }

    /// <summary><c>--header-map</c>: Treatment of header names containing underscores. Default: drop. Needs gunicorn 22.0.0 or newer.</summary>
    [Flag("header-map", Since = "22.0.0")]
    public GunicornHeaderMap? HeaderMap { get; init; }

    /// <summary><c>--asgi-loop</c>: Event loop for the asgi worker. Default: auto. Needs gunicorn 24.0.0 or newer.</summary>
    [Flag("asgi-loop", Since = "24.0.0")]
    public GunicornAsgiLoop? AsgiLoop { get; init; }

    /// <summary><c>--asgi-lifespan</c>: Lifespan protocol handling for the asgi worker. Default: auto. Needs gunicorn 24.0.0 or newer.</summary>
    [Flag("asgi-lifespan", Since = "24.0.0")]
    public GunicornAsgiLifespan? AsgiLifespan { get; init; }

    /// <summary><c>--asgi-disconnect-grace-period</c>: Seconds an ASGI app gets after client disconnect. Default: 3. Needs gunicorn 25.0.2 or newer.</summary>
    [Flag("asgi-disconnect-grace-period", Since = "25.0.2")]
    public int? AsgiDisconnectGracePeriod { get; init; }

    /// <summary><c>--http-parser</c>: Parser for the asgi worker; fast needs gunicorn_h1c. Default: auto. Needs gunicorn 25.2.0 or newer.</summary>
    [Flag("http-parser", Since = "25.2.0")]
    public GunicornHttpParser? HttpParser { get; init; }

    /// <summary><c>--root-path</c>: ASGI root_path (mount prefix). Default: empty. Needs gunicorn 24.0.0 or newer.</summary>
    [Flag("root-path", Since = "24.0.0")]
    public string? RootPath { get; init; }

    /// <summary><c>--dirty-app</c>: Module:Class[:N] loaded by dirty workers. Once per entry. Default: not set. Needs gunicorn 25.0.0 or newer.</summary>
    [Flag("dirty-app", Since = "25.0.0")]
    public IReadOnlyList<string>? DirtyApps { get; init; }

    /// <summary><c>--dirty-workers</c>: Dirty worker processes; 0 disables the pool. Default: 0. Needs gunicorn 25.0.0 or newer.</summary>
    [Flag("dirty-workers", Since = "25.0.0", Minimum = 0)]
    public int? DirtyWorkers { get; init; }

    /// <summary><c>--dirty-timeout</c>: Seconds before a silent dirty worker is killed; 0 off. Default: 300. Needs gunicorn 25.0.0 or newer.</summary>
    [Flag("dirty-timeout", Since = "25.0.0")]
    public int? DirtyTimeout { get; init; }

    /// <summary><c>--dirty-threads</c>: Threads inside each dirty worker. Default: 1. Needs gunicorn 25.0.0 or newer.</summary>
    [Flag("dirty-threads", Since = "25.0.0", Minimum = 1)]
    public int? DirtyThreads { get; init; }

    /// <summary><c>--dirty-graceful-timeout</c>: Seconds dirty workers get to stop. Default: 30. Needs gunicorn 25.0.0 or newer.</summary>
    [Flag("dirty-graceful-timeout", Since = "25.0.0")]
    public int? DirtyGracefulTimeout { get; init; }

    /// <summary><c>--control-socket</c>: Unix socket used by the gunicornc tool. Default: $XDG_RUNTIME_DIR/gunicorn.ctl, else $HOME/.gunicorn/gunicorn.ctl. Needs gunicorn 25.1.0 or newer.</summary>
    [Flag("control-socket", Since = "25.1.0")]
    public string? ControlSocket { get; init; }

    /// <summary><c>--control-socket-mode</c>: Control socket file mode, passed as written: a leading 0 (or 0o) is octal. Default: 0600. Needs gunicorn 25.1.0 or newer.</summary>
    [Flag("control-socket-mode", Since = "25.1.0")]
    public string? ControlSocketMode { get; init; }

    /// <summary><c>--no-control-socket</c>: Do not create the control socket. A set-only switch named with its no- (the positive name --control-socket is the socket path). Default: off. Needs gunicorn 25.1.0 or newer.</summary>
    [Flag("no-control-socket", Boolean = BooleanStyle.Switch, Since = "25.1.0")]
    public bool? NoControlSocket { get; init; }

    /// <summary>Flags a newer gunicorn adds, appended verbatim after the typed ones. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
