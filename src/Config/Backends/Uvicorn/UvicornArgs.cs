using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of <c>uvicorn</c> (uvicorn 0.51.0; Debian's 0.17.6 lacks those marked "Needs uvicorn X", which are reported
/// before launch when the installed uvicorn is older), except <c>--interface</c>, which the backend writes:
/// <c>UseUvicorn</c> lets uvicorn detect ASGI 3 or 2, <c>UseUvicornWsgi</c> writes <c>--interface=wsgi</c>.
/// A <see langword="null"/> property is not passed, so uvicorn's own default applies (given on each property).
/// See <c>docs/backends/uvicorn.md</c>.
/// </summary>
[ServerBuilder(
    "UseUvicorn",
    "Uvicorn",
    App = "The ASGI application target, for example <c>mysite.asgi:application</c>.",
    Summary = "Runs this process with Uvicorn serving an ASGI app: <c>python -m uvicorn module:object [options]</c>.",
    Declares = "served by Uvicorn with an ASGI app",
    Configure = "Sets uvicorn's options, typically <c>u =&gt; u with { Host = \"127.0.0.1\", Port = 8000 }</c>.")]
[ServerBuilder(
    "UseUvicornWsgi",
    "UvicornWsgi",
    App = "The WSGI application target, for example <c>mysite.wsgi:application</c>.",
    Summary = "Runs this process with Uvicorn serving a WSGI app: <c>python -m uvicorn module:object --interface=wsgi [options]</c>.",
    Declares = "served by Uvicorn with a WSGI app",
    Configure = "Sets uvicorn's options.")]
[ServerArgs("uvicorn")]
public sealed partial record UvicornArgs
{
    /// <summary><c>--host</c>: Bind address. Cannot be combined with Uds or Fd. Default: 127.0.0.1.</summary>
    [Flag("host")]
    public string? Host { get; init; }

    /// <summary><c>--port</c>: TCP port. Cannot be combined with Uds or Fd. Default: 8000. 0 (a free port at random) is refused: the readiness probe, the port check and the exports need to know it.</summary>
    [Flag("port", Minimum = 1, Maximum = 65535)]
    public int? Port { get; init; }

    /// <summary><c>--uds</c>: Listen on a Unix socket instead of TCP. Default: not set.</summary>
    [Flag("uds")]
    public string? Uds { get; init; }

    /// <summary><c>--fd</c>: Serve on an inherited socket file descriptor. Default: not set.</summary>
    [Flag("fd", Minimum = 0)]
    public int? Fd { get; init; }

    /// <summary><c>--reload</c>: Restart on code change; =VALUE form rejected. Default: off.</summary>
    [Flag("reload", Boolean = BooleanStyle.Switch)]
    public bool? Reload { get; init; }

    /// <summary><c>--reload-dir</c>: Directory to watch; must exist. Once per entry. Default: (cwd).</summary>
    [Flag("reload-dir")]
    public IReadOnlyList<string>? ReloadDirs { get; init; }

    /// <summary><c>--reload-include</c>: Glob to watch; only with watchfiles installed. Once per entry. Default: *.py.</summary>
    [Flag("reload-include")]
    public IReadOnlyList<string>? ReloadIncludes { get; init; }

    /// <summary><c>--reload-exclude</c>: Glob to ignore; only with watchfiles installed. Once per entry. Default: .*, .py[cod], .sw.*, ~*.</summary>
    [Flag("reload-exclude")]
    public IReadOnlyList<string>? ReloadExcludes { get; init; }

    /// <summary><c>--reload-delay</c>: Seconds between reload checks. Default: 0.25.</summary>
    [Flag("reload-delay", Minimum = 0)]
    public double? ReloadDelay { get; init; }

    /// <summary><c>--workers</c>: Worker processes; ignored together with --reload. Default: 1 ($WEB_CONCURRENCY if set).</summary>
    [Flag("workers", Minimum = 1)]
    public int? Workers { get; init; }

    /// <summary><c>--loop</c>: Event loop implementation; None needs uvicorn 0.36.0. Default: auto. (0.17.6 accepts only the named values; none and module:attr since 0.36.0.)</summary>
    [Flag("loop")]
    public UvicornLoop? Loop { get; init; }

    /// <summary><c>--http</c>: HTTP protocol implementation, or module:attr class. Default: auto. (module:attr accepted since 0.36.0.)</summary>
    [Flag("http")]
    public UvicornHttp? Http { get; init; }

    /// <summary><c>--ws</c>: WebSocket implementation; WebsocketsSansio needs uvicorn 0.35.0. Default: auto. (websockets-sansio added 0.35.0; module:attr since 0.36.0.)</summary>
    [Flag("ws")]
    public UvicornWebSockets? WebSockets { get; init; }

    /// <summary><c>--ws-max-size</c>: Largest WebSocket message in bytes. Default: 16777216.</summary>
    [Flag("ws-max-size", Minimum = 1)]
    public int? WebSocketMaxSize { get; init; }

    /// <summary><c>--ws-max-queue</c>: WebSocket incoming message queue length. Default: 32. Needs uvicorn 0.23.0 or newer.</summary>
    [Flag("ws-max-queue", Since = "0.23.0", Minimum = 1)]
    public int? WebSocketMaxQueue { get; init; }

    /// <summary><c>--ws-ping-interval</c>: Seconds between WebSocket pings. Default: 20.0.</summary>
    [Flag("ws-ping-interval", Minimum = 0)]
    public double? WebSocketPingInterval { get; init; }

    /// <summary><c>--ws-ping-timeout</c>: Seconds to wait for a pong. Default: 20.0.</summary>
    [Flag("ws-ping-timeout", Minimum = 0)]
    public double? WebSocketPingTimeout { get; init; }

    /// <summary><c>--ws-per-message-deflate</c>: WebSocket per-message compression. Written --ws-per-message-deflate=true or =false, because the flag needs a value (written bare it swallows the next word). Default: true.</summary>
    [Flag("ws-per-message-deflate", Boolean = BooleanStyle.Value)]
    public bool? WebSocketPerMessageDeflate { get; init; }

    /// <summary><c>--lifespan</c>: ASGI lifespan handling. Default: auto.</summary>
    [Flag("lifespan")]
    public UvicornLifespan? Lifespan { get; init; }

    /// <summary><c>--env-file</c>: Dotenv file to load; must exist; needs python-dotenv. Default: not set.</summary>
    [Flag("env-file")]
    public string? EnvFile { get; init; }

    /// <summary><c>--log-config</c>: Logging config file (.ini, .json, .yaml); must exist. Default: not set.</summary>
    [Flag("log-config")]
    public string? LogConfig { get; init; }

    /// <summary><c>--log-level</c>: Log threshold. Default: info.</summary>
    [Flag("log-level")]
    public UvicornLogLevel? LogLevel { get; init; }

    /// <summary><c>--[no-]access-log</c>: Per-request access logging. Default: on.</summary>
    [Flag("access-log", Boolean = BooleanStyle.Negatable)]
    public bool? AccessLog { get; init; }

    /// <summary><c>--[no-]use-colors</c>: Coloured log output. Default: (auto: colour when a tty).</summary>
    [Flag("use-colors", Boolean = BooleanStyle.Negatable)]
    public bool? UseColors { get; init; }

    /// <summary><c>--[no-]proxy-headers</c>: Apply X-Forwarded-Proto/For from trusted peers. Default: on.</summary>
    [Flag("proxy-headers", Boolean = BooleanStyle.Negatable)]
    public bool? ProxyHeaders { get; init; }

    /// <summary><c>--[no-]server-header</c>: Send the Server response header. Default: on.</summary>
    [Flag("server-header", Boolean = BooleanStyle.Negatable)]
    public bool? ServerHeader { get; init; }

    /// <summary><c>--[no-]date-header</c>: Send the Date response header. Default: on.</summary>
    [Flag("date-header", Boolean = BooleanStyle.Negatable)]
    public bool? DateHeader { get; init; }

    /// <summary><c>--forwarded-allow-ips</c>: Comma-separated trusted proxy IPs, networks or socket paths; * all. Default: 127.0.0.1 ($FORWARDED_ALLOW_IPS if set).</summary>
    [Flag("forwarded-allow-ips")]
    public string? ForwardedAllowIps { get; init; }

    /// <summary><c>--root-path</c>: ASGI root_path for an app mounted below a prefix. Default: empty.</summary>
    [Flag("root-path")]
    public string? RootPath { get; init; }

    /// <summary><c>--limit-concurrency</c>: Connections or tasks allowed before answering 503. Default: not set.</summary>
    [Flag("limit-concurrency", Minimum = 1)]
    public int? LimitConcurrency { get; init; }

    /// <summary><c>--backlog</c>: Pending connection queue length. Default: 2048.</summary>
    [Flag("backlog", Minimum = 1)]
    public int? Backlog { get; init; }

    /// <summary><c>--limit-max-requests</c>: Requests served before the process exits. Default: not set.</summary>
    [Flag("limit-max-requests", Minimum = 1)]
    public int? LimitMaxRequests { get; init; }

    /// <summary><c>--limit-max-requests-jitter</c>: Random extra added to --limit-max-requests. Default: 0. Needs uvicorn 0.41.0 or newer.</summary>
    [Flag("limit-max-requests-jitter", Since = "0.41.0", Minimum = 0)]
    public int? LimitMaxRequestsJitter { get; init; }

    /// <summary><c>--timeout-keep-alive</c>: Seconds an idle keep-alive connection stays open. Default: 5.</summary>
    [Flag("timeout-keep-alive", Minimum = 0)]
    public int? TimeoutKeepAlive { get; init; }

    /// <summary><c>--timeout-graceful-shutdown</c>: Seconds allowed for graceful shutdown. The SDK waits this long plus a margin before killing the process. Default: (none: wait forever). Needs uvicorn 0.22.0 or newer.</summary>
    [Flag("timeout-graceful-shutdown", Since = "0.22.0", Minimum = 0)]
    public int? TimeoutGracefulShutdown { get; init; }

    /// <summary><c>--timeout-worker-healthcheck</c>: Seconds to wait for a worker health reply. Default: 5. Needs uvicorn 0.37.0 or newer.</summary>
    [Flag("timeout-worker-healthcheck", Since = "0.37.0", Minimum = 1)]
    public int? TimeoutWorkerHealthcheck { get; init; }

    /// <summary><c>--ssl-keyfile</c>: TLS private key file. Default: not set.</summary>
    [Flag("ssl-keyfile")]
    public string? SslKeyfile { get; init; }

    /// <summary><c>--ssl-certfile</c>: TLS certificate file. Default: not set.</summary>
    [Flag("ssl-certfile")]
    public string? SslCertfile { get; init; }

    /// <summary><c>--ssl-keyfile-password</c>: Passphrase for the key file. Default: not set.</summary>
    [Flag("ssl-keyfile-password")]
    public string? SslKeyfilePassword { get; init; }

    /// <summary><c>--ssl-version</c>: Ssl module protocol constant; 17 is PROTOCOL_TLS_SERVER. Default: 17.</summary>
    [Flag("ssl-version")]
    public int? SslVersion { get; init; }

    /// <summary><c>--ssl-cert-reqs</c>: Client certificate policy: none, optional, required. Default: 0.</summary>
    [Flag("ssl-cert-reqs")]
    public CertRequirements? SslCertReqs { get; init; }

    /// <summary><c>--ssl-ca-certs</c>: CA bundle for verifying clients. Default: not set.</summary>
    [Flag("ssl-ca-certs")]
    public string? SslCaCerts { get; init; }

    /// <summary><c>--ssl-ciphers</c>: TLS cipher list string. Default: (OpenSSL default). (The default was TLSv1 before 0.48.0, so in 0.17.6.)</summary>
    [Flag("ssl-ciphers")]
    public string? SslCiphers { get; init; }

    /// <summary><c>--header</c>: Name:Value added to every response. Once per entry. Default: not set.</summary>
    [Flag("header")]
    public IReadOnlyList<string>? Headers { get; init; }

    /// <summary><c>--app-dir</c>: Directory put on sys.path before importing the target. Default: (empty = cwd). (The default was . in 0.17.6.)</summary>
    [Flag("app-dir")]
    public string? AppDir { get; init; }

    /// <summary><c>--h11-max-incomplete-event-size</c>: H11 buffer limit for a partial event, bytes. Default: (none: h11 default 16384). Needs uvicorn 0.18.0 or newer.</summary>
    [Flag("h11-max-incomplete-event-size", Since = "0.18.0", Minimum = 1)]
    public int? H11MaxIncompleteEventSize { get; init; }

    /// <summary><c>--reset-contextvars</c>: Run each request in a fresh contextvars context. Default: off. Needs uvicorn 0.45.0 or newer.</summary>
    [Flag("reset-contextvars", Boolean = BooleanStyle.Switch, Since = "0.45.0")]
    public bool? ResetContextvars { get; init; }

    /// <summary><c>--factory</c>: Target is a callable returning the app. Default: off.</summary>
    [Flag("factory", Boolean = BooleanStyle.Switch)]
    public bool? Factory { get; init; }

    /// <summary>Flags a newer uvicorn adds, appended verbatim after the typed ones. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
