namespace ProdServer.Config;

/// <summary>The file watcher gunicorn's <c>--reload</c> uses (<c>--reload-engine</c>).</summary>
public enum GunicornReloadEngine
{
    /// <summary>inotify when available, else polling. The default.</summary>
    Auto,
    /// <summary>Poll file modification times.</summary>
    Poll,
    /// <summary>Linux inotify; needs the <c>inotify</c> package.</summary>
    Inotify,
}

/// <summary>The error log threshold (<c>--log-level</c>). Gunicorn silently reads an unknown name as <c>info</c>, hence an enum.</summary>
public enum GunicornLogLevel
{
    /// <summary>Everything, including per-request details.</summary>
    Debug,
    /// <summary>Start, stop and worker events. The default.</summary>
    Info,
    /// <summary>Warnings and errors.</summary>
    Warning,
    /// <summary>Errors only.</summary>
    Error,
    /// <summary>Only failures that stop gunicorn.</summary>
    Critical,
}

/// <summary>The syslog facility (<c>--log-syslog-facility</c>).</summary>
public enum SyslogFacility
{
    /// <summary><c>auth</c>.</summary>
    Auth,
    /// <summary><c>authpriv</c>.</summary>
    Authpriv,
    /// <summary><c>cron</c>.</summary>
    Cron,
    /// <summary><c>daemon</c>.</summary>
    Daemon,
    /// <summary><c>ftp</c>.</summary>
    Ftp,
    /// <summary><c>kern</c>.</summary>
    Kern,
    /// <summary><c>lpr</c>.</summary>
    Lpr,
    /// <summary><c>mail</c>.</summary>
    Mail,
    /// <summary><c>news</c>.</summary>
    News,
    /// <summary><c>security</c>.</summary>
    Security,
    /// <summary><c>syslog</c>.</summary>
    Syslog,
    /// <summary><c>user</c>, the default.</summary>
    User,
    /// <summary><c>uucp</c>.</summary>
    Uucp,
    /// <summary><c>local0</c>.</summary>
    Local0,
    /// <summary><c>local1</c>.</summary>
    Local1,
    /// <summary><c>local2</c>.</summary>
    Local2,
    /// <summary><c>local3</c>.</summary>
    Local3,
    /// <summary><c>local4</c>.</summary>
    Local4,
    /// <summary><c>local5</c>.</summary>
    Local5,
    /// <summary><c>local6</c>.</summary>
    Local6,
    /// <summary><c>local7</c>.</summary>
    Local7,
}

/// <summary>How gunicorn reads the PROXY protocol header (<c>--proxy-protocol</c>, always written with its value).</summary>
public enum GunicornProxyProtocol
{
    /// <summary>No PROXY protocol. The default.</summary>
    Off,
    /// <summary>Accept version 1 or 2.</summary>
    Auto,
    /// <summary>Text version 1 only.</summary>
    V1,
    /// <summary>Binary version 2 only.</summary>
    V2,
}

/// <summary>The wire protocol on gunicorn's listeners (<c>--protocol</c>, gunicorn 24.0.0 or newer).</summary>
public enum GunicornProtocol
{
    /// <summary>HTTP. The default.</summary>
    Http,
    /// <summary>The uwsgi binary protocol, behind nginx's <c>uwsgi_pass</c>.</summary>
    Uwsgi,
}

/// <summary>An HTTP version gunicorn may offer (<c>--http-protocols</c>, gunicorn 25.0.0 or newer).</summary>
public enum GunicornHttpProtocol
{
    /// <summary><c>h1</c>: HTTP/1.1. The default.</summary>
    [ServerValue("h1")] Http1,
    /// <summary><c>h2</c>: HTTP/2.</summary>
    [ServerValue("h2")] Http2,
    /// <summary><c>h3</c>: HTTP/3.</summary>
    [ServerValue("h3")] Http3,
}

/// <summary>What gunicorn does with header names that contain underscores (<c>--header-map</c>, gunicorn 22.0.0 or newer).</summary>
public enum GunicornHeaderMap
{
    /// <summary>Drop such headers. The default.</summary>
    Drop,
    /// <summary>Answer the request with an error.</summary>
    Refuse,
    /// <summary>Pass them on, where they can spoof other headers; unsafe behind most proxies.</summary>
    Dangerous,
}

/// <summary>The event loop of gunicorn's <c>asgi</c> worker (<c>--asgi-loop</c>, gunicorn 24.0.0 or newer).</summary>
public enum GunicornAsgiLoop
{
    /// <summary>uvloop when installed, else asyncio. The default.</summary>
    Auto,
    /// <summary>The standard library loop.</summary>
    Asyncio,
    /// <summary>uvloop; needs the package.</summary>
    Uvloop,
}

/// <summary>Lifespan handling of gunicorn's <c>asgi</c> worker (<c>--asgi-lifespan</c>, gunicorn 24.0.0 or newer).</summary>
public enum GunicornAsgiLifespan
{
    /// <summary>Use lifespan when the app supports it. The default.</summary>
    Auto,
    /// <summary>Always; an app without lifespan support fails.</summary>
    On,
    /// <summary>Never.</summary>
    Off,
}

/// <summary>The HTTP parser of gunicorn's <c>asgi</c> worker (<c>--http-parser</c>, gunicorn 25.2.0 or newer).</summary>
public enum GunicornHttpParser
{
    /// <summary>The fast parser when installed, else Python. The default.</summary>
    Auto,
    /// <summary>The C parser; needs <c>gunicorn_h1c</c>.</summary>
    Fast,
    /// <summary>The pure-Python parser.</summary>
    Python,
}
