using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// The options of <c>uwsgi</c> that matter for serving a Python WSGI app (uWSGI 2.0.30, the selection of
/// <c>../shared/reference/uwsgi.tsv</c>; Debian's 2.0.21 lacks those marked "Needs uWSGI X"), except <c>--daemonize</c>,
/// which would detach uwsgi from the supervisor. Written in declared order, so the plugin options come first: Debian's
/// <c>uwsgi</c> knows the python options only after <c>--plugin python3</c>. A <see langword="null"/> property is not passed,
/// so uWSGI's own default applies (given on each property). See <c>docs/backends/uwsgi.md</c>.
/// </summary>
[ServerBuilder(
    "UseUwsgi",
    "Uwsgi",
    App = "The WSGI application, <c>module[:callable]</c>, written as <c>--module</c>; for example <c>mysite.wsgi:application</c>.",
    Summary = "Runs this process with uWSGI serving a WSGI app: <c>uwsgi [options] --module=module:callable</c> (with <c>Master</c>; on Debian add <c>Plugin = [\"python3\"]</c>).",
    Declares = "served by uWSGI with a WSGI app",
    Configure = "Sets uwsgi's options, typically <c>u =&gt; u with { Plugin = [\"python3\"], HttpSocket = [\"127.0.0.1:8000\"], Master = true, Processes = 2 }</c>.")]
// The other spellings uwsgi takes for these options (../shared/reference/uwsgi.tsv).
[ArgAlias("socket-protocol", "protocol")]
[ArgAlias("chmod", "chmod-socket")]
[ArgAlias("workers", "processes")]
[ArgAlias("file", "wsgi-file")]
[ArgAlias("wsgi", "module")]
[ArgAlias("virtualenv", "home")]
[ArgAlias("venv", "home")]
[ArgAlias("pyhome", "home")]
[ArgAlias("python-path", "pythonpath")]
[ArgAlias("pp", "pythonpath")]
[ArgAlias("pyimport", "import")]
[ArgAlias("py-import", "import")]
[ArgAlias("python-import", "import")]
[ArgAlias("py-auto-reload", "py-autoreload")]
[ArgAlias("python-autoreload", "py-autoreload")]
[ArgAlias("wsgi-env-behavior", "wsgi-env-behaviour")]
[ArgAlias("logger-req", "req-logger")]
[ArgAlias("logformat", "log-format")]
[ArgAlias("logdate", "log-date")]
[ArgAlias("stats-server", "stats")]
[ArgAlias("plugins", "plugin")]
[ServerArgs("uwsgi")]
public sealed partial record UwsgiArgs
{
    // Plugin handling first: the python and http options are unknown to Debian's uwsgi until their plugin is loaded.

    /// <summary><c>--plugin-dir</c>: Extra plugin search directories. Default: the build's plugin directory.</summary>
    [Flag("plugin-dir")]
    public IReadOnlyList<string>? PluginDir { get; init; }

    /// <summary><c>--plugin</c>: Plugins to load, such as <c>python3</c> and <c>http</c> (Debian's uwsgi has none built in; a pip-built one has both). Default: none.</summary>
    [Flag("plugin")]
    public IReadOnlyList<string>? Plugin { get; init; }

    /// <summary><c>--need-plugin</c>: Like <see cref="Plugin"/>, but uwsgi exits when one cannot be loaded. Default: none.</summary>
    [Flag("need-plugin")]
    public IReadOnlyList<string>? NeedPlugin { get; init; }

    /// <summary><c>--ini</c>: Options from ini files (<c>FILE:SECTION</c> for another section than <c>[uwsgi]</c>); unknown keys there are ignored unless <see cref="Strict"/>. Default: none.</summary>
    [Flag("ini")]
    public IReadOnlyList<string>? Ini { get; init; }

    /// <summary><c>--strict</c>: Unknown keys in config files are fatal (exit 1) instead of silently ignored. Default: off.</summary>
    [Flag("strict", Boolean = BooleanStyle.Switch)]
    public bool? Strict { get; init; }

    /// <summary><c>--socket</c>: <c>HOST:PORT</c> or Unix paths speaking the uwsgi protocol (nginx <c>uwsgi_pass</c>), not HTTP; <c>:PORT</c> is every interface. Default: none.</summary>
    [Flag("socket")]
    public IReadOnlyList<string>? Socket { get; init; }

    /// <summary><c>--http-socket</c>: <c>HOST:PORT</c> or Unix paths where the workers speak HTTP themselves; <c>:PORT</c> is every interface. Default: none.</summary>
    [Flag("http-socket")]
    public IReadOnlyList<string>? HttpSocket { get; init; }

    /// <summary><c>--https-socket</c>: <c>ADDR,CERT,KEY[,CIPHERS[,CA]]</c>: HTTPS spoken by the workers; needs an SSL build. Default: none.</summary>
    [Flag("https-socket")]
    public IReadOnlyList<string>? HttpsSocket { get; init; }

    /// <summary><c>--protocol</c>: The protocol of <see cref="Socket"/> sockets (uwsgi, http, fastcgi, …). Default: uwsgi.</summary>
    [Flag("protocol")]
    public string? Protocol { get; init; }

    /// <summary><c>--http</c>: An HTTP router process on these addresses, forwarding to the workers; needs the http plugin (<c>Plugin = ["python3", "http"]</c> on Debian). Default: none.</summary>
    [Flag("http")]
    public IReadOnlyList<string>? Http { get; init; }

    /// <summary><c>--http-timeout</c>: Socket timeout of the <see cref="Http"/> router, in seconds (http plugin). Default: 60.</summary>
    [Flag("http-timeout", Minimum = 1)]
    public int? HttpTimeout { get; init; }

    /// <summary><c>--http-keepalive</c>: HTTP/1.1 keep-alive in the <see cref="Http"/> router (http plugin). Default: off.</summary>
    [Flag("http-keepalive", Minimum = 0)]
    public int? HttpKeepalive { get; init; }

    /// <summary><c>--chmod-socket</c>: Mode of Unix sockets, exactly three octal digits such as <c>660</c> (uwsgi rejects <c>0660</c>). Default: the umask applies.</summary>
    [Flag("chmod-socket")]
    public string? ChmodSocket { get; init; }

    /// <summary><c>--chown-socket</c>: <c>USER[:GROUP]</c> owning Unix sockets. Default: not changed.</summary>
    [Flag("chown-socket")]
    public string? ChownSocket { get; init; }

    /// <summary><c>--umask</c>: Process umask, three octal digits or four with a leading 0 (<c>027</c>); uwsgi turns a shorter value into umask 000. Default: inherited.</summary>
    [Flag("umask")]
    public string? Umask { get; init; }

    /// <summary><c>--listen</c>: listen() backlog; above <c>net.core.somaxconn</c> uwsgi refuses to start. Default: 100.</summary>
    [Flag("listen", Minimum = 1)]
    public int? Listen { get; init; }

    /// <summary><c>--reuse-port</c>: SO_REUSEPORT on the sockets. Default: off.</summary>
    [Flag("reuse-port", Boolean = BooleanStyle.Switch)]
    public bool? ReusePort { get; init; }

    /// <summary><c>--socket-timeout</c>: Seconds of socket inactivity before a connection is dropped. Default: 4.</summary>
    [Flag("socket-timeout", Minimum = 1)]
    public int? SocketTimeout { get; init; }

    /// <summary><c>--so-keepalive</c>: TCP keepalive on the sockets. Default: off.</summary>
    [Flag("so-keepalive", Boolean = BooleanStyle.Switch)]
    public bool? SoKeepalive { get; init; }

    /// <summary><c>--master</c>: The master process that respawns workers, enforces Harakiri and stops gracefully; required here (without it SIGTERM kills uwsgi at once with exit 30). Default: off.</summary>
    [Flag("master", Boolean = BooleanStyle.Switch)]
    public bool? Master { get; init; }

    /// <summary><c>--processes</c>: Worker processes. Default: 1.</summary>
    [Flag("processes", Minimum = 1)]
    public int? Processes { get; init; }

    /// <summary><c>--threads</c>: Threads per worker; also turns on EnableThreads. Default: 1.</summary>
    [Flag("threads", Minimum = 1)]
    public int? Threads { get; init; }

    /// <summary><c>--enable-threads</c>: Let Python threads started by the app run between requests. Default: on since 2.0.27, off in Debian's 2.0.21.</summary>
    [Flag("enable-threads", Boolean = BooleanStyle.Switch)]
    public bool? EnableThreads { get; init; }

    /// <summary><c>--lazy-apps</c>: Import the app in each worker after fork instead of once in the master. Default: off.</summary>
    [Flag("lazy-apps", Boolean = BooleanStyle.Switch)]
    public bool? LazyApps { get; init; }

    /// <summary><c>--lazy</c>: Like LazyApps, and reloads become per worker; LazyApps is preferred. Default: off.</summary>
    [Flag("lazy", Boolean = BooleanStyle.Switch)]
    public bool? Lazy { get; init; }

    /// <summary><c>--single-interpreter</c>: Run every app in the main interpreter instead of sub-interpreters (python plugin). Default: off.</summary>
    [Flag("single-interpreter", Boolean = BooleanStyle.Switch)]
    public bool? SingleInterpreter { get; init; }

    /// <summary><c>--cheaper</c>: Adaptive mode: keep at least this many workers, up to Processes. Default: off.</summary>
    [Flag("cheaper", Minimum = 0)]
    public int? Cheaper { get; init; }

    /// <summary><c>--cheaper-initial</c>: Workers started in adaptive mode. Default: the Cheaper value.</summary>
    [Flag("cheaper-initial", Minimum = 1)]
    public int? CheaperInitial { get; init; }

    /// <summary><c>--cheaper-algo</c>: Adaptive algorithm (busyness and backlog2 come as plugins). Default: spare.</summary>
    [Flag("cheaper-algo")]
    public string? CheaperAlgo { get; init; }

    /// <summary><c>--offload-threads</c>: Offload threads per worker for static files and proxied responses. Default: 0.</summary>
    [Flag("offload-threads", Minimum = 0)]
    public int? OffloadThreads { get; init; }

    /// <summary><c>--thunder-lock</c>: Serialize accept() across workers. Default: off.</summary>
    [Flag("thunder-lock", Boolean = BooleanStyle.Switch)]
    public bool? ThunderLock { get; init; }

    /// <summary><c>--wsgi-file</c>: A WSGI script file to load instead of App (python plugin). Default: none.</summary>
    [Flag("wsgi-file")]
    public string? WsgiFile { get; init; }

    /// <summary><c>--module</c>: The module to import, <c>MODULE[:CALLABLE]</c>, instead of App (python plugin). Default: none.</summary>
    [Flag("module")]
    public string? Module { get; init; }

    /// <summary><c>--callable</c>: Name of the WSGI callable for WsgiFile and Module without one (python plugin). Default: application.</summary>
    [Flag("callable")]
    public string? Callable { get; init; }

    /// <summary><c>--mount</c>: <c>MOUNTPOINT=MODULE[:CALLABLE]</c> or <c>MOUNTPOINT=FILE</c>: several apps in one instance; use with ManageScriptName. Default: none.</summary>
    [Flag("mount")]
    public IReadOnlyList<string>? Mount { get; init; }

    /// <summary><c>--manage-script-name</c>: Move the matched mountpoint from PATH_INFO into SCRIPT_NAME. Default: off.</summary>
    [Flag("manage-script-name", Boolean = BooleanStyle.Switch)]
    public bool? ManageScriptName { get; init; }

    /// <summary><c>--home</c>: The virtualenv the python plugin uses (PYTHONHOME). Default: the system Python.</summary>
    [Flag("home")]
    public string? Home { get; init; }

    /// <summary><c>--pythonpath</c>: Directories or globs added to sys.path (python plugin). Default: none.</summary>
    [Flag("pythonpath")]
    public IReadOnlyList<string>? PythonPath { get; init; }

    /// <summary><c>--chdir</c>: Directory to change to before loading the app. Default: the working directory.</summary>
    [Flag("chdir")]
    public string? Chdir { get; init; }

    /// <summary><c>--chdir2</c>: Directory to change to after loading the app. Default: none.</summary>
    [Flag("chdir2")]
    public string? Chdir2 { get; init; }

    /// <summary><c>--import</c>: Extra modules imported in each worker (python plugin). Default: none.</summary>
    [Flag("import")]
    public IReadOnlyList<string>? Import { get; init; }

    /// <summary><c>--pyargv</c>: sys.argv seen by the app, space-separated (python plugin). Default: none.</summary>
    [Flag("pyargv")]
    public string? PyArgv { get; init; }

    /// <summary><c>--optimize</c>: Python optimization level, as <c>python -O</c> (python plugin). Default: 0.</summary>
    [Flag("optimize", Minimum = 0, Maximum = 2)]
    public int? Optimize { get; init; }

    /// <summary><c>--paste</c>: Load the app from a PasteDeploy config, e.g. <c>config:PATH.ini</c>, instead of App (python plugin). Default: none.</summary>
    [Flag("paste")]
    public string? Paste { get; init; }

    /// <summary><c>--need-app</c>: Exit 22 when no app could be loaded; without it uwsgi keeps running and answers 500. Default: off.</summary>
    [Flag("need-app", Boolean = BooleanStyle.Switch)]
    public bool? NeedApp { get; init; }

    /// <summary><c>--py-autoreload</c>: Check module mtimes every N seconds and reload (development only; implies Master). Default: off.</summary>
    [Flag("py-autoreload", Minimum = 0)]
    public int? PyAutoreload { get; init; }

    /// <summary><c>--py-tracebacker</c>: Socket prefix for dumping all threads' tracebacks (python plugin; implies Master). Default: none.</summary>
    [Flag("py-tracebacker")]
    public string? PyTracebacker { get; init; }

    /// <summary><c>--wsgi-env-behaviour</c>: How the environ dict is allocated per request (python plugin). Default: cheat.</summary>
    [Flag("wsgi-env-behaviour")]
    public UwsgiWsgiEnvBehaviour? WsgiEnvBehaviour { get; init; }

    /// <summary><c>--wsgi-disable-file-wrapper</c>: Do not offer wsgi.file_wrapper (python plugin). Default: off.</summary>
    [Flag("wsgi-disable-file-wrapper", Boolean = BooleanStyle.Switch)]
    public bool? WsgiDisableFileWrapper { get; init; }

    /// <summary><c>--py-call-osafterfork</c>: Call PyOS_AfterFork in workers so Python code can trap OS signals (python plugin). Default: off.</summary>
    [Flag("py-call-osafterfork", Boolean = BooleanStyle.Switch)]
    public bool? PyCallOsAfterFork { get; init; }

    /// <summary><c>--py-call-uwsgi-fork-hooks</c>: Call CPython's pre- and post-fork hooks when uwsgi forks (python plugin). Default: off.</summary>
    [Flag("py-call-uwsgi-fork-hooks", Boolean = BooleanStyle.Switch)]
    public bool? PyCallUwsgiForkHooks { get; init; }

    /// <summary><c>--env</c>: <c>KEY=VALUE</c> entries put into the process environment. Default: none.</summary>
    [Flag("env")]
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary><c>--uid</c>: User name or uid to switch to after binding; an unknown name is exit 1. Default: not changed.</summary>
    [Flag("uid")]
    public string? Uid { get; init; }

    /// <summary><c>--gid</c>: Group name or gid to switch to after binding. Default: not changed.</summary>
    [Flag("gid")]
    public string? Gid { get; init; }

    /// <summary><c>--pidfile</c>: PID file written before dropping privileges. Default: none.</summary>
    [Flag("pidfile")]
    public string? PidFile { get; init; }

    /// <summary><c>--pidfile2</c>: PID file written after dropping privileges. Default: none.</summary>
    [Flag("pidfile2")]
    public string? PidFile2 { get; init; }

    /// <summary><c>--vacuum</c>: Remove Unix sockets and PID files at exit; without it the socket file stays. Default: off.</summary>
    [Flag("vacuum", Boolean = BooleanStyle.Switch)]
    public bool? Vacuum { get; init; }

    /// <summary><c>--die-on-term</c>: SIGTERM shuts down instead of 2.0's brutal reload. The backend already makes SIGTERM a graceful stop (see <c>docs/backends/uwsgi.md</c>), so this is rarely needed. Default: off.</summary>
    [Flag("die-on-term", Boolean = BooleanStyle.Switch)]
    public bool? DieOnTerm { get; init; }

    /// <summary><c>--exit-on-reload</c>: Exit whenever a reload is requested. Default: off.</summary>
    [Flag("exit-on-reload", Boolean = BooleanStyle.Switch)]
    public bool? ExitOnReload { get; init; }

    /// <summary><c>--master-fifo</c>: FIFOs taking one-letter commands (<c>q</c> graceful stop, <c>r</c> graceful reload); implies Master. Default: none.</summary>
    [Flag("master-fifo")]
    public IReadOnlyList<string>? MasterFifo { get; init; }

    /// <summary><c>--hook-master-start</c>: Hooks run when the master starts; the backend adds <c>unix_signal:15 gracefully_kill_them_all</c> after these. Default: none.</summary>
    [Flag("hook-master-start")]
    public IReadOnlyList<string>? HookMasterStart { get; init; }

    /// <summary><c>--touch-reload</c>: Reload when one of these files' mtime changes; implies Master. Default: none.</summary>
    [Flag("touch-reload")]
    public IReadOnlyList<string>? TouchReload { get; init; }

    /// <summary><c>--worker-reload-mercy</c>: Seconds a worker gets to finish during a graceful reload or stop before SIGKILL; the stop timeout follows it. Default: 60.</summary>
    [Flag("worker-reload-mercy", Minimum = 1)]
    public int? WorkerReloadMercy { get; init; }

    /// <summary><c>--reload-mercy</c>: Seconds the master waits for all processes during reload or shutdown. Default: not set.</summary>
    [Flag("reload-mercy", Minimum = 1)]
    public int? ReloadMercy { get; init; }

    /// <summary><c>--no-orphans</c>: Workers kill themselves when the master dies. Default: off.</summary>
    [Flag("no-orphans", Boolean = BooleanStyle.Switch)]
    public bool? NoOrphans { get; init; }

    /// <summary><c>--harakiri</c>: Seconds a request may run before its worker is killed and respawned. Default: off.</summary>
    [Flag("harakiri", Minimum = 0)]
    public int? Harakiri { get; init; }

    /// <summary><c>--harakiri-verbose</c>: Log more about requests killed by Harakiri. Default: off.</summary>
    [Flag("harakiri-verbose", Boolean = BooleanStyle.Switch)]
    public bool? HarakiriVerbose { get; init; }

    /// <summary><c>--harakiri-graceful-timeout</c>: Send HarakiriGracefulSignal first, SIGKILL after N more seconds. Default: off. Needs uWSGI 2.0.22 or newer.</summary>
    [Flag("harakiri-graceful-timeout", Since = "2.0.22", Minimum = 1)]
    public int? HarakiriGracefulTimeout { get; init; }

    /// <summary><c>--harakiri-graceful-signal</c>: Signal number of the graceful harakiri attempt. Default: 15. Needs uWSGI 2.0.22 or newer.</summary>
    [Flag("harakiri-graceful-signal", Since = "2.0.22", Minimum = 1, Maximum = 64)]
    public int? HarakiriGracefulSignal { get; init; }

    /// <summary><c>--harakiri-queue-threshold</c>: Apply Harakiri only while the listen queue is longer than N. Default: 0. Needs uWSGI 2.0.22 or newer.</summary>
    [Flag("harakiri-queue-threshold", Since = "2.0.22", Minimum = 0)]
    public int? HarakiriQueueThreshold { get; init; }

    /// <summary><c>--max-requests</c>: Recycle a worker after N requests, once it has lived MinWorkerLifetime. Default: off.</summary>
    [Flag("max-requests", Minimum = 0)]
    public int? MaxRequests { get; init; }

    /// <summary><c>--max-requests-delta</c>: Add worker_id × N to MaxRequests so workers do not recycle together. Default: 0. Needs uWSGI 2.0.29 or newer.</summary>
    [Flag("max-requests-delta", Since = "2.0.29", Minimum = 0)]
    public int? MaxRequestsDelta { get; init; }

    /// <summary><c>--min-worker-lifetime</c>: Seconds a worker must live before MaxRequests or ReloadOnRss/As recycle it. Default: 10 (Debian's help says 60, wrongly).</summary>
    [Flag("min-worker-lifetime", Minimum = 0)]
    public int? MinWorkerLifetime { get; init; }

    /// <summary><c>--max-worker-lifetime</c>: Recycle workers after N seconds. Default: off.</summary>
    [Flag("max-worker-lifetime", Minimum = 0)]
    public int? MaxWorkerLifetime { get; init; }

    /// <summary><c>--reload-on-rss</c>: Recycle a worker whose RSS is above N megabytes after a request. Default: off.</summary>
    [Flag("reload-on-rss", Minimum = 0)]
    public int? ReloadOnRss { get; init; }

    /// <summary><c>--reload-on-as</c>: Recycle a worker whose address space is above N megabytes. Default: off.</summary>
    [Flag("reload-on-as", Minimum = 0)]
    public int? ReloadOnAs { get; init; }

    /// <summary><c>--limit-as</c>: Hard address-space limit per process, in megabytes. Default: none.</summary>
    [Flag("limit-as", Minimum = 1)]
    public int? LimitAs { get; init; }

    /// <summary><c>--max-fd</c>: File descriptor limit; needs root. Default: the system limit.</summary>
    [Flag("max-fd", Minimum = 1)]
    public int? MaxFd { get; init; }

    /// <summary><c>--buffer-size</c>: Bytes for the request line plus headers (at most 65535); a larger request is dropped without an HTTP error. Default: 4096.</summary>
    [Flag("buffer-size", Minimum = 1, Maximum = 65535)]
    public int? BufferSize { get; init; }

    /// <summary><c>--post-buffering</c>: Buffer request bodies above N bytes (to disk) before calling the app. Default: off.</summary>
    [Flag("post-buffering", Minimum = 0)]
    public int? PostBuffering { get; init; }

    /// <summary><c>--post-buffering-bufsize</c>: read() size used while post-buffering. Default: 8192.</summary>
    [Flag("post-buffering-bufsize", Minimum = 1)]
    public int? PostBufferingBufsize { get; init; }

    /// <summary><c>--limit-post</c>: Refuse request bodies larger than N bytes. Default: no limit.</summary>
    [Flag("limit-post", Minimum = 0)]
    public int? LimitPost { get; init; }

    /// <summary><c>--add-header</c>: <c>Name: value</c> headers added to every response. Default: none.</summary>
    [Flag("add-header")]
    public IReadOnlyList<string>? AddHeader { get; init; }

    /// <summary><c>--static-map</c>: <c>/URL=DIR</c>: serve files from DIR directly, bypassing the app. Default: none.</summary>
    [Flag("static-map")]
    public IReadOnlyList<string>? StaticMap { get; init; }

    /// <summary><c>--check-static</c>: Serve a file from DIR when the path exists there, else call the app. Default: none.</summary>
    [Flag("check-static")]
    public IReadOnlyList<string>? CheckStatic { get; init; }

    /// <summary><c>--ignore-sigpipe</c>: Do not log SIGPIPE. Default: off.</summary>
    [Flag("ignore-sigpipe", Boolean = BooleanStyle.Switch)]
    public bool? IgnoreSigpipe { get; init; }

    /// <summary><c>--ignore-write-errors</c>: Do not log write errors to vanished clients. Default: off.</summary>
    [Flag("ignore-write-errors", Boolean = BooleanStyle.Switch)]
    public bool? IgnoreWriteErrors { get; init; }

    /// <summary><c>--disable-write-exception</c>: Raise no Python exception on write errors. Default: off.</summary>
    [Flag("disable-write-exception", Boolean = BooleanStyle.Switch)]
    public bool? DisableWriteException { get; init; }

    /// <summary><c>--close-on-exec</c>: Mark client connections close-on-exec so subprocesses do not inherit them. Default: off.</summary>
    [Flag("close-on-exec", Boolean = BooleanStyle.Switch)]
    public bool? CloseOnExec { get; init; }

    /// <summary><c>--logto</c>: Log file or UDP address for all logs, request lines included. Default: stderr (the supervisor's log).</summary>
    [Flag("logto")]
    public string? LogTo { get; init; }

    /// <summary><c>--logto2</c>: Like LogTo, opened after dropping privileges. Default: none.</summary>
    [Flag("logto2")]
    public string? LogTo2 { get; init; }

    /// <summary><c>--logger</c>: Logger specs such as <c>file:PATH</c> or <c>syslog</c>; implies Master and LogMaster. Default: none.</summary>
    [Flag("logger")]
    public IReadOnlyList<string>? Logger { get; init; }

    /// <summary><c>--req-logger</c>: Loggers for request lines only; implies Master. Default: none.</summary>
    [Flag("req-logger")]
    public IReadOnlyList<string>? ReqLogger { get; init; }

    /// <summary><c>--log-format</c>: Request line template with <c>%(method)</c>, <c>%(uri)</c>, <c>%(status)</c>, <c>%(msecs)</c>, … Default: the built-in line.</summary>
    [Flag("log-format")]
    public string? LogFormat { get; init; }

    /// <summary><c>--log-date</c>: Prefix log lines with a date in this strftime format. Default: off.</summary>
    [Flag("log-date")]
    public string? LogDate { get; init; }

    /// <summary><c>--disable-logging</c>: No request lines; errors are still logged. Default: off.</summary>
    [Flag("disable-logging", Boolean = BooleanStyle.Switch)]
    public bool? DisableLogging { get; init; }

    /// <summary><c>--log-4xx</c>: With DisableLogging, still log 4xx responses. Default: off.</summary>
    [Flag("log-4xx", Boolean = BooleanStyle.Switch)]
    public bool? Log4xx { get; init; }

    /// <summary><c>--log-5xx</c>: With DisableLogging, still log 5xx responses. Default: off.</summary>
    [Flag("log-5xx", Boolean = BooleanStyle.Switch)]
    public bool? Log5xx { get; init; }

    /// <summary><c>--log-slow</c>: With DisableLogging, still log requests slower than N milliseconds. Default: none.</summary>
    [Flag("log-slow", Minimum = 1)]
    public int? LogSlow { get; init; }

    /// <summary><c>--log-master</c>: Route all logging through the master; implies Master. Default: off.</summary>
    [Flag("log-master", Boolean = BooleanStyle.Switch)]
    public bool? LogMaster { get; init; }

    /// <summary><c>--log-reopen</c>: Reopen the log file on reload (for rotation). Default: off.</summary>
    [Flag("log-reopen", Boolean = BooleanStyle.Switch)]
    public bool? LogReopen { get; init; }

    /// <summary><c>--log-maxsize</c>: Rotate the LogTo file at N bytes; implies Master and LogMaster. Default: off.</summary>
    [Flag("log-maxsize", Minimum = 1)]
    public int? LogMaxSize { get; init; }

    /// <summary><c>--log-x-forwarded-for</c>: Log the X-Forwarded-For address instead of REMOTE_ADDR. Default: off.</summary>
    [Flag("log-x-forwarded-for", Boolean = BooleanStyle.Switch)]
    public bool? LogXForwardedFor { get; init; }

    /// <summary><c>--stats</c>: JSON stats server on this address (raw TCP; HTTP with StatsHttp); implies Master. Default: none.</summary>
    [Flag("stats")]
    public string? Stats { get; init; }

    /// <summary><c>--stats-http</c>: Prefix the Stats JSON with HTTP headers. Default: off.</summary>
    [Flag("stats-http", Boolean = BooleanStyle.Switch)]
    public bool? StatsHttp { get; init; }

    /// <summary><c>--memory-report</c>: Add memory use to request lines. Default: off.</summary>
    [Flag("memory-report", Boolean = BooleanStyle.Switch)]
    public bool? MemoryReport { get; init; }

    /// <summary><c>--auto-procname</c>: Readable process names (uWSGI master, uWSGI worker N). Default: off.</summary>
    [Flag("auto-procname", Boolean = BooleanStyle.Switch)]
    public bool? AutoProcname { get; init; }

    /// <summary><c>--procname-prefix</c>: Prefix for process names; implies AutoProcname. Default: none.</summary>
    [Flag("procname-prefix")]
    public string? ProcnamePrefix { get; init; }

    /// <summary><c>--show-config</c>: Print the merged configuration as ini to the log, then start normally (not a dry run). Default: off.</summary>
    [Flag("show-config", Boolean = BooleanStyle.Switch)]
    public bool? ShowConfig { get; init; }

    /// <summary>Options a newer uWSGI (or another plugin) adds, appended verbatim after the typed ones. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}

/// <summary>How uWSGI's python plugin allocates the WSGI environ per request (<c>--wsgi-env-behaviour</c>).</summary>
public enum UwsgiWsgiEnvBehaviour
{
    /// <summary>One dict reused across requests. The default.</summary>
    Cheat,
    /// <summary>A new dict per request, as the WSGI spec expects.</summary>
    Holy,
}
