using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of <c>waitress-serve</c> (waitress 3.0.2; Debian's 2.1.2 accepts the same set).
/// A <see langword="null"/> property is not passed, so waitress's own default applies (given on each property).
/// The flags are written in the order declared here; see <c>docs/backends/waitress.md</c>.
/// </summary>
[ServerBuilder(
    "UseWaitress",
    "Waitress",
    App = "The WSGI application target, for example <c>mysite.wsgi:application</c>.",
    Summary = "Runs this process with Waitress: <c>waitress-serve [options] module:object</c>.",
    Declares = "served by Waitress",
    Configure = "Sets waitress's options, typically <c>w =&gt; w with { Port = 8000 }</c>.")]
[ServerArgs("waitress-serve")]
public sealed partial record WaitressArgs
{
    /// <summary><c>--call</c>: the app target is a factory that waitress calls to obtain the WSGI app. Default off.</summary>
    [Flag("call", Boolean = BooleanStyle.Switch)]
    public bool? Call { get; init; }

    /// <summary><c>--host</c>: the address to bind. Default <c>0.0.0.0</c>. Cannot be combined with <see cref="Listen"/> or <see cref="UnixSocket"/>.</summary>
    [Flag("host")]
    public string? Host { get; init; }

    /// <summary><c>--port</c>: the TCP port to bind. Default 8080. Cannot be combined with <see cref="Listen"/> or <see cref="UnixSocket"/>.</summary>
    [Flag("port", Minimum = 1, Maximum = 65535)]
    public int? Port { get; init; }

    /// <summary><c>--[no-]ipv4</c>: allow IPv4 when resolving listen addresses. Default on.</summary>
    [Flag("ipv4", Boolean = BooleanStyle.Negatable)]
    public bool? Ipv4 { get; init; }

    /// <summary><c>--[no-]ipv6</c>: allow IPv6 when resolving listen addresses. Default on.</summary>
    [Flag("ipv6", Boolean = BooleanStyle.Negatable)]
    public bool? Ipv6 { get; init; }

    /// <summary><c>--listen</c>, once per entry: <c>HOST:PORT</c>, <c>[v6]:PORT</c> or <c>*:PORT</c>. Default <c>0.0.0.0:8080</c>. Cannot be combined with <see cref="Host"/>, <see cref="Port"/> or <see cref="UnixSocket"/>.</summary>
    [Flag("listen", SplitsOnWhiteSpace = true)]
    public IReadOnlyList<string>? Listen { get; init; }

    /// <summary><c>--threads</c>: size of the request thread pool. Default 4.</summary>
    [Flag("threads", Minimum = 1)]
    public int? Threads { get; init; }

    /// <summary><c>--trusted-proxy</c>: the peer allowed to send proxy headers; <c>*</c> for any, <c>localhost</c> for a Unix socket. Default none.</summary>
    [Flag("trusted-proxy")]
    public string? TrustedProxy { get; init; }

    /// <summary><c>--trusted-proxy-count</c>: how many chained proxies to trust. Default 1. Requires <see cref="TrustedProxy"/>.</summary>
    [Flag("trusted-proxy-count", Minimum = 1)]
    public int? TrustedProxyCount { get; init; }

    /// <summary><c>--trusted-proxy-headers</c>: the proxy headers to trust, written space-separated in one argument. Default none (<c>x-forwarded-proto</c> implied with a trusted proxy). Requires <see cref="TrustedProxy"/>.</summary>
    [Flag("trusted-proxy-headers", Separator = " ")]
    public IReadOnlyList<TrustedProxyHeader>? TrustedProxyHeaders { get; init; }

    /// <summary><c>--[no-]log-untrusted-proxy-headers</c>: log proxy headers removed as untrusted. Default off.</summary>
    [Flag("log-untrusted-proxy-headers", Boolean = BooleanStyle.Negatable)]
    public bool? LogUntrustedProxyHeaders { get; init; }

    /// <summary><c>--[no-]clear-untrusted-proxy-headers</c>: remove proxy headers that are not trusted. Default on (off in 2.1.2, with a warning).</summary>
    [Flag("clear-untrusted-proxy-headers", Boolean = BooleanStyle.Negatable)]
    public bool? ClearUntrustedProxyHeaders { get; init; }

    /// <summary><c>--url-scheme</c>: the value of <c>wsgi.url_scheme</c>. Default <c>http</c>.</summary>
    [Flag("url-scheme")]
    public string? UrlScheme { get; init; }

    /// <summary><c>--url-prefix</c>: the <c>SCRIPT_NAME</c> prefix removed from <c>PATH_INFO</c>. Default empty.</summary>
    [Flag("url-prefix")]
    public string? UrlPrefix { get; init; }

    /// <summary><c>--backlog</c>: the <c>listen()</c> queue length. Default 1024.</summary>
    [Flag("backlog", Minimum = 1)]
    public int? Backlog { get; init; }

    /// <summary><c>--recv-bytes</c>: bytes asked for per socket <c>recv()</c>. Default 8192.</summary>
    [Flag("recv-bytes", Minimum = 1)]
    public int? RecvBytes { get; init; }

    /// <summary><c>--send-bytes</c>: flush threshold in bytes. Default 1 (the help text's 18000 is wrong). Deprecated by waitress.</summary>
    [Flag("send-bytes", Minimum = 1)]
    public int? SendBytes { get; init; }

    /// <summary><c>--outbuf-overflow</c>: pending output bytes before spooling to a temporary file. Default 1048576.</summary>
    [Flag("outbuf-overflow", Minimum = 1)]
    public long? OutbufOverflow { get; init; }

    /// <summary><c>--outbuf-high-watermark</c>: pending output bytes that pause the app iterator. Default 16777216.</summary>
    [Flag("outbuf-high-watermark", Minimum = 1)]
    public long? OutbufHighWatermark { get; init; }

    /// <summary><c>--inbuf-overflow</c>: request body bytes before spooling to a temporary file. Default 524288.</summary>
    [Flag("inbuf-overflow", Minimum = 1)]
    public long? InbufOverflow { get; init; }

    /// <summary><c>--connection-limit</c>: maximum simultaneously open connections. Default 100.</summary>
    [Flag("connection-limit", Minimum = 1)]
    public int? ConnectionLimit { get; init; }

    /// <summary><c>--cleanup-interval</c>: seconds between sweeps for idle connections. Default 30.</summary>
    [Flag("cleanup-interval", Minimum = 1)]
    public int? CleanupInterval { get; init; }

    /// <summary><c>--channel-timeout</c>: seconds before an idle connection is closed (whole seconds only). Default 120.</summary>
    [Flag("channel-timeout", Minimum = 1)]
    public int? ChannelTimeout { get; init; }

    /// <summary><c>--[no-]log-socket-errors</c>: log tracebacks when clients disconnect early. Default on.</summary>
    [Flag("log-socket-errors", Boolean = BooleanStyle.Negatable)]
    public bool? LogSocketErrors { get; init; }

    /// <summary><c>--max-request-header-size</c>: byte limit for all request headers together. Default 262144.</summary>
    [Flag("max-request-header-size", Minimum = 1)]
    public long? MaxRequestHeaderSize { get; init; }

    /// <summary><c>--max-request-body-size</c>: byte limit for a request body. Default 1073741824.</summary>
    [Flag("max-request-body-size", Minimum = 1)]
    public long? MaxRequestBodySize { get; init; }

    /// <summary><c>--[no-]expose-tracebacks</c>: show unhandled exception tracebacks to clients. Default off. Never on in production (PSC0001).</summary>
    [Flag("expose-tracebacks", Boolean = BooleanStyle.Negatable)]
    public bool? ExposeTracebacks { get; init; }

    /// <summary><c>--ident</c>: the <c>Server</c> response header; an empty value drops the header. Default <c>waitress</c>.</summary>
    [Flag("ident")]
    public string? Ident { get; init; }

    /// <summary><c>--asyncore-loop-timeout</c>: seconds the event loop waits in <c>select</c>/<c>poll</c>. Default 1.</summary>
    [Flag("asyncore-loop-timeout", Minimum = 1)]
    public int? AsyncoreLoopTimeout { get; init; }

    /// <summary><c>--[no-]asyncore-use-poll</c>: use <c>poll()</c> rather than <c>select()</c>. Default off.</summary>
    [Flag("asyncore-use-poll", Boolean = BooleanStyle.Negatable)]
    public bool? AsyncoreUsePoll { get; init; }

    /// <summary><c>--unix-socket</c>: serve on this Unix socket path (not on Windows). Cannot be combined with <see cref="Host"/>, <see cref="Port"/> or <see cref="Listen"/>.</summary>
    [Flag("unix-socket")]
    public string? UnixSocket { get; init; }

    /// <summary><c>--unix-socket-perms</c>: the socket file's mode, always read as octal (<c>660</c>). Default <c>600</c>.</summary>
    [Flag("unix-socket-perms")]
    public string? UnixSocketPerms { get; init; }

    /// <summary><c>--sockets</c>: accepted by waitress but useless from the command line (a string yields no sockets). Kept for completeness; leave unset.</summary>
    [Flag("sockets")]
    public string? Sockets { get; init; }

    /// <summary><c>--channel-request-lookahead</c>: extra requests read ahead while one is served. Default 0.</summary>
    [Flag("channel-request-lookahead", Minimum = 0)]
    public int? ChannelRequestLookahead { get; init; }

    /// <summary><c>--server-name</c>: <c>SERVER_NAME</c> for HTTP/1.0 requests without a <c>Host</c> header. Default <c>waitress.invalid</c>.</summary>
    [Flag("server-name")]
    public string? ServerName { get; init; }

    /// <summary>Flags a newer waitress adds, appended verbatim after the typed ones. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
