using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of <c>hypercorn</c> (hypercorn 0.18.0; Debian's 0.13.2 lacks those marked "Needs hypercorn X", reported
/// before launch when the installed hypercorn is older), except the deprecated spellings <c>--access-log</c>,
/// <c>--error-log</c> and <c>--cert-reqs</c> (their replacements are here). A <see langword="null"/> property is not
/// passed, so hypercorn's own default applies (given on each property). See <c>docs/backends/hypercorn.md</c>.
/// </summary>
[ServerBuilder(
    "UseHypercorn",
    "Hypercorn",
    App = "The ASGI application target, <c>module[:object]</c>, for example <c>mysite.asgi:application</c>.",
    Summary = "Runs this process with Hypercorn serving an ASGI app: <c>python -m hypercorn [options] module:object</c>.",
    Declares = "served by Hypercorn with an ASGI app",
    Configure = "Sets hypercorn's options, typically <c>h =&gt; h with { Bind = [\"127.0.0.1:8000\"], Workers = 2 }</c>.")]
[ServerBuilder(
    "UseHypercornWsgi",
    "HypercornWsgi",
    App = "The WSGI application target, <c>module[:object]</c>, for example <c>mysite.wsgi:application</c>.",
    Summary = "Runs this process with Hypercorn serving a WSGI app: <c>python -m hypercorn [options] wsgi:module:object</c> (hypercorn 0.14.0 or newer).",
    Declares = "served by Hypercorn with a WSGI app",
    Configure = "Sets hypercorn's options.")]
// The other spelling hypercorn takes (../shared/reference/hypercorn.tsv).
[ArgAlias("log-file", "error-logfile")]
[ServerArgs("hypercorn")]
public sealed partial record HypercornArgs
{
    /// <summary><c>--bind</c>: <c>HOST:PORT</c>, <c>HOST</c>, <c>unix:PATH</c> or <c>fd://N</c>; once per entry. Default: 127.0.0.1:8000.</summary>
    [Flag("bind")]
    public IReadOnlyList<string>? Bind { get; init; }

    /// <summary><c>--insecure-bind</c>: Plain-HTTP binds next to the TLS ones; needs CertFile and KeyFile (hypercorn ignores it otherwise). Once per entry.</summary>
    [Flag("insecure-bind")]
    public IReadOnlyList<string>? InsecureBind { get; init; }

    /// <summary><c>--quic-bind</c>: UDP addresses for HTTP/3; needs aioquic, CertFile and KeyFile. Once per entry.</summary>
    [Flag("quic-bind")]
    public IReadOnlyList<string>? QuicBind { get; init; }

    /// <summary><c>--workers</c>: Worker processes; 0 serves in the main process (hypercorn 0.15.0 or newer). Default: 1.</summary>
    [Flag("workers", Minimum = 0)]
    public int? Workers { get; init; }

    /// <summary><c>--worker-class</c>: The workers' event loop; uvloop and trio need their packages. Default: asyncio.</summary>
    [Flag("worker-class")]
    public HypercornWorkerClass? WorkerClass { get; init; }

    /// <summary><c>--backlog</c>: Pending connection queue length. Default: 100.</summary>
    [Flag("backlog", Minimum = 1)]
    public int? Backlog { get; init; }

    /// <summary><c>--graceful-timeout</c>: Seconds requests in flight get after SIGTERM; unfinished ones then get a 500. Default: 3.</summary>
    [Flag("graceful-timeout", Minimum = 0)]
    public int? GracefulTimeout { get; init; }

    /// <summary><c>--read-timeout</c>: Seconds to wait for data on TCP reads. Default: no limit.</summary>
    [Flag("read-timeout", Minimum = 1)]
    public int? ReadTimeout { get; init; }

    /// <summary><c>--keep-alive</c>: Seconds an idle keep-alive connection stays open. Default: 5.</summary>
    [Flag("keep-alive", Minimum = 0)]
    public int? KeepAlive { get; init; }

    /// <summary><c>--max-requests</c>: Restart a worker after this many requests. Default: never. Needs hypercorn 0.16.0 or newer.</summary>
    [Flag("max-requests", Since = "0.16.0", Minimum = 1)]
    public int? MaxRequests { get; init; }

    /// <summary><c>--max-requests-jitter</c>: Random extra requests before the restart; hypercorn 0.16.0 to 0.18.0 drop it and use MaxRequests instead (a bug). Default: 0. Needs hypercorn 0.16.0 or newer.</summary>
    [Flag("max-requests-jitter", Since = "0.16.0", Minimum = 0)]
    public int? MaxRequestsJitter { get; init; }

    /// <summary><c>--websocket-ping-interval</c>: Seconds between server pings on WebSockets. Default: no pings.</summary>
    [Flag("websocket-ping-interval", Minimum = 1)]
    public int? WebSocketPingInterval { get; init; }

    /// <summary><c>--root-path</c>: ASGI root_path (mount prefix). Default: empty.</summary>
    [Flag("root-path")]
    public string? RootPath { get; init; }

    /// <summary><c>--server-name</c>: Host names served; requests for others get 404. Once per entry. Default: any Host.</summary>
    [Flag("server-name")]
    public IReadOnlyList<string>? ServerNames { get; init; }

    /// <summary><c>--certfile</c>: TLS certificate; HTTPS on every Bind when KeyFile is set too. Default: not set.</summary>
    [Flag("certfile")]
    public string? CertFile { get; init; }

    /// <summary><c>--keyfile</c>: TLS private key. Default: not set.</summary>
    [Flag("keyfile")]
    public string? KeyFile { get; init; }

    /// <summary><c>--keyfile-password</c>: Passphrase of KeyFile; it appears in the process list, so prefer an unencrypted key readable only by the service. Default: not set.</summary>
    [Flag("keyfile-password")]
    public string? KeyFilePassword { get; init; }

    /// <summary><c>--ca-certs</c>: CA bundle for verifying client certificates. Default: not set.</summary>
    [Flag("ca-certs")]
    public string? CaCerts { get; init; }

    /// <summary><c>--ciphers</c>: TLS cipher list. Default: ECDHE+AESGCM.</summary>
    [Flag("ciphers")]
    public string? Ciphers { get; init; }

    /// <summary><c>--verify-mode</c>: Client certificate policy. Default: not set (no client certificate).</summary>
    [Flag("verify-mode")]
    public HypercornVerifyMode? VerifyMode { get; init; }

    /// <summary><c>--access-logfile</c>: Access log target; <c>-</c> is stdout. Default: no access log.</summary>
    [Flag("access-logfile")]
    public string? AccessLogfile { get; init; }

    /// <summary><c>--access-logformat</c>: Access line template with gunicorn-style atoms. Default: <c>%(h)s %(l)s %(l)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"</c>.</summary>
    [Flag("access-logformat")]
    public string? AccessLogFormat { get; init; }

    /// <summary><c>--error-logfile</c>: Error log target; <c>-</c> is stderr. Default: -.</summary>
    [Flag("error-logfile")]
    public string? ErrorLogfile { get; init; }

    /// <summary><c>--log-level</c>: Error log level: debug, info, warning, error or critical. Default: INFO.</summary>
    [Flag("log-level")]
    public string? LogLevel { get; init; }

    /// <summary><c>--log-config</c>: Logging configuration file (ini; <c>json:PATH</c> and <c>toml:PATH</c> from hypercorn 0.14.0). Default: not set.</summary>
    [Flag("log-config")]
    public string? LogConfig { get; init; }

    /// <summary><c>--statsd-host</c>: statsd target HOST:PORT. Default: not set.</summary>
    [Flag("statsd-host")]
    public string? StatsdHost { get; init; }

    /// <summary><c>--statsd-prefix</c>: Prefix of the metric names. Default: empty.</summary>
    [Flag("statsd-prefix")]
    public string? StatsdPrefix { get; init; }

    /// <summary><c>--config</c>: A TOML file, <c>file:PATH</c> (Python) or <c>python:MODULE</c>; the command line overrides it. Default: not set.</summary>
    [Flag("config")]
    public string? Config { get; init; }

    /// <summary><c>--pid</c>: File receiving the PID. Default: not set.</summary>
    [Flag("pid")]
    public string? Pid { get; init; }

    /// <summary><c>--user</c>: Numeric uid owning Unix sockets; applied only with Group. Default: not set.</summary>
    [Flag("user", Minimum = 0)]
    public int? User { get; init; }

    /// <summary><c>--group</c>: Numeric gid owning Unix sockets; applied only with User. Default: not set.</summary>
    [Flag("group", Minimum = 0)]
    public int? Group { get; init; }

    /// <summary><c>--umask</c>: Umask while creating Unix sockets, as a number that hypercorn reads in decimal (C# has no octal literal: 18 for 0o022). Default: not set.</summary>
    [Flag("umask", Minimum = 0, Maximum = 511)]
    public int? Umask { get; init; }

    /// <summary><c>--reload</c>: Restart workers on code change (development); needs Workers = 1. Default: off.</summary>
    [Flag("reload", Boolean = BooleanStyle.Switch)]
    public bool? Reload { get; init; }

    /// <summary><c>--debug</c>: Extra logging and asyncio debug checks. Default: off.</summary>
    [Flag("debug", Boolean = BooleanStyle.Switch)]
    public bool? Debug { get; init; }

    /// <summary><c>--daemon</c>: Marks workers daemonic, which they already are: a no-op that does not detach. Default: on. Needs hypercorn 0.18.0 or newer.</summary>
    [Flag("daemon", Boolean = BooleanStyle.Switch, Since = "0.18.0")]
    public bool? Daemon { get; init; }

    /// <summary>Flags a newer hypercorn adds, appended verbatim after the typed ones. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}

/// <summary>hypercorn's worker event loop (<c>--worker-class</c>).</summary>
public enum HypercornWorkerClass
{
    /// <summary>The standard library loop. The default.</summary>
    Asyncio,
    /// <summary>uvloop; needs the package.</summary>
    Uvloop,
    /// <summary>Trio; needs the package.</summary>
    Trio,
}

/// <summary>hypercorn's client certificate policy (<c>--verify-mode</c>, an <c>ssl.VerifyMode</c> name).</summary>
public enum HypercornVerifyMode
{
    /// <summary>No client certificate is asked for.</summary>
    [ServerValue("CERT_NONE")] None,
    /// <summary>A client certificate is verified when one is sent.</summary>
    [ServerValue("CERT_OPTIONAL")] Optional,
    /// <summary>Every client must send a valid certificate.</summary>
    [ServerValue("CERT_REQUIRED")] Required,
}
