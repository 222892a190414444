using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of <c>daphne</c>, Django Channels' ASGI server (daphne 4.2.2; Debian's 4.0.0 lacks those marked "Needs
/// daphne X", reported before launch when the installed daphne is older). A <see langword="null"/> property is not passed,
/// so daphne's own default applies (given on each property). daphne binds every address it is given: Bind/Port, UnixSocket,
/// Fd and each Endpoints entry add up. See <c>docs/backends/daphne.md</c>.
/// </summary>
[ServerBuilder(
    "UseDaphne",
    "Daphne",
    App = "The ASGI application target, <c>module:object</c>, for example <c>mysite.asgi:application</c>.",
    Summary = "Runs this process with Daphne, Django Channels' ASGI server: <c>python -m daphne [options] module:object</c>.",
    Declares = "served by Daphne",
    Configure = "Sets daphne's options, typically <c>d =&gt; d with { Bind = \"127.0.0.1\", Port = 8000 }</c>.")]
[ServerArgs("daphne")]
public sealed partial record DaphneArgs
{
    /// <summary><c>--bind</c>: Address to bind. Default: 127.0.0.1 when no bind option is given.</summary>
    [Flag("bind")]
    public string? Bind { get; init; }

    /// <summary><c>--port</c>: TCP port. Default: 8000 when only Bind, or no bind option, is given. 0 (a free port at random) is refused: the readiness probe, the port check and the exports need to know it.</summary>
    [Flag("port", Minimum = 1, Maximum = 65535)]
    public int? Port { get; init; }

    /// <summary><c>--unix-socket</c>: Also listen on this Unix socket (removed on exit). Default: not set.</summary>
    [Flag("unix-socket")]
    public string? UnixSocket { get; init; }

    /// <summary><c>--fd</c>: Also serve on this inherited, already listening socket descriptor. Default: not set.</summary>
    [Flag("fd", Minimum = 0)]
    public int? Fd { get; init; }

    /// <summary><c>--endpoint</c>: Raw Twisted endpoint strings such as <c>tcp:port=8000:interface=127.0.0.1</c>, in addition to the others. Once per entry.</summary>
    [Flag("endpoint")]
    public IReadOnlyList<string>? Endpoints { get; init; }

    /// <summary><c>--websocket_timeout</c>: Seconds a WebSocket may stay open; -1 is no limit. Default: 86400.</summary>
    [Flag("websocket_timeout", Minimum = -1)]
    public int? WebSocketTimeout { get; init; }

    /// <summary><c>--websocket_connect_timeout</c>: Seconds allowed for the WebSocket handshake; -1 is no limit. Default: 5.</summary>
    [Flag("websocket_connect_timeout", Minimum = -1)]
    public int? WebSocketConnectTimeout { get; init; }

    /// <summary><c>--verbosity</c>: 0 warning, 1 info, 2 debug, 3 debug with asyncio debug; 1 and above also write the access log to stdout. Default: 1.</summary>
    [Flag("verbosity", Minimum = 0, Maximum = 3)]
    public int? Verbosity { get; init; }

    /// <summary><c>--http-timeout</c>: Seconds to wait for the app before the HTTP request times out. Default: no limit.</summary>
    [Flag("http-timeout", Minimum = 1)]
    public int? HttpTimeout { get; init; }

    /// <summary><c>--access-log</c>: Access log file; <c>-</c> is stdout; given, it logs even at verbosity 0. Default: stdout at verbosity 1 and above.</summary>
    [Flag("access-log")]
    public string? AccessLog { get; init; }

    /// <summary><c>--log-fmt</c>: Format of the server log (stderr). Default: <c>%(asctime)-15s %(levelname)-8s %(message)s</c>.</summary>
    [Flag("log-fmt")]
    public string? LogFormat { get; init; }

    /// <summary><c>--ping-interval</c>: Seconds of WebSocket idleness before a keepalive ping. Default: 20.</summary>
    [Flag("ping-interval", Minimum = 1)]
    public int? PingInterval { get; init; }

    /// <summary><c>--ping-timeout</c>: Seconds to wait for the ping's answer before closing. Default: 30.</summary>
    [Flag("ping-timeout", Minimum = 1)]
    public int? PingTimeout { get; init; }

    /// <summary><c>--websocket-max-message-size</c>: Largest incoming WebSocket message in bytes; 0 is no limit. Default: 1048576. Needs daphne 4.2.2 or newer (4.0.0 has no limit).</summary>
    [Flag("websocket-max-message-size", Since = "4.2.2", Minimum = 0)]
    public int? WebSocketMaxMessageSize { get; init; }

    /// <summary><c>--websocket-max-frame-size</c>: Largest incoming WebSocket frame in bytes; 0 is no limit. Default: 1048576. Needs daphne 4.2.2 or newer.</summary>
    [Flag("websocket-max-frame-size", Since = "4.2.2", Minimum = 0)]
    public int? WebSocketMaxFrameSize { get; init; }

    /// <summary><c>--application-close-timeout</c>: Seconds the app gets after a client disconnects before it is killed. Default: 10.</summary>
    [Flag("application-close-timeout", Minimum = 0)]
    public int? ApplicationCloseTimeout { get; init; }

    /// <summary><c>--root-path</c>: ASGI root_path; note that a <c>Daphne-Root-Path</c> request header overrides it. Default: empty.</summary>
    [Flag("root-path")]
    public string? RootPath { get; init; }

    /// <summary><c>--proxy-headers</c>: Take the client's address, port and scheme from X-Forwarded-* headers of any peer (daphne has no trusted-proxy list). Default: off.</summary>
    [Flag("proxy-headers", Boolean = BooleanStyle.Switch)]
    public bool? ProxyHeaders { get; init; }

    /// <summary><c>--proxy-headers-host</c>: Header holding the client address; needs ProxyHeaders. Default: X-Forwarded-For.</summary>
    [Flag("proxy-headers-host")]
    public string? ProxyHeadersHost { get; init; }

    /// <summary><c>--proxy-headers-port</c>: Header holding the client port; needs ProxyHeaders. Default: X-Forwarded-Port.</summary>
    [Flag("proxy-headers-port")]
    public string? ProxyHeadersPort { get; init; }

    /// <summary><c>--server-name</c>: Value of the Server response header. Default: daphne.</summary>
    [Flag("server-name")]
    public string? ServerName { get; init; }

    /// <summary><c>--no-server-name</c>: Send no Server header. Default: off.</summary>
    [Flag("no-server-name", Boolean = BooleanStyle.Switch)]
    public bool? NoServerName { get; init; }

    /// <summary>Flags a newer daphne adds, appended verbatim after the typed ones. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
