namespace ProdServer.Config;

/// <summary>The HTTP versions granian serves (<c>--http</c>).</summary>
public enum GranianHttp
{
    /// <summary>HTTP/1 and HTTP/2 (negotiated). The default.</summary>
    Auto,
    /// <summary><c>1</c>: HTTP/1 only.</summary>
    [ServerValue("1")] Http1,
    /// <summary><c>2</c>: HTTP/2 only.</summary>
    [ServerValue("2")] Http2,
}

/// <summary>granian's Rust runtime mode (<c>--runtime-mode</c>, granian 2.0.0 or newer).</summary>
public enum GranianRuntimeMode
{
    /// <summary>Chosen from the other settings. The default (since granian 2.6.0).</summary>
    Auto,
    /// <summary><c>mt</c>: multi-threaded runtime.</summary>
    [ServerValue("mt")] MultiThreaded,
    /// <summary><c>st</c>: single-threaded runtime.</summary>
    [ServerValue("st")] SingleThreaded,
}

/// <summary>granian's event loop (<c>--loop</c>).</summary>
public enum GranianLoop
{
    /// <summary>The best installed loop. The default.</summary>
    Auto,
    /// <summary>The standard library loop.</summary>
    Asyncio,
    /// <summary>rloop; needs the package.</summary>
    Rloop,
    /// <summary>uvloop; needs the package.</summary>
    Uvloop,
    /// <summary>winloop (Windows); needs the package and granian 2.6.0 or newer.</summary>
    Winloop,
}

/// <summary>granian's asyncio task implementation (<c>--task-impl</c>).</summary>
public enum GranianTaskImpl
{
    /// <summary>The standard library's tasks. The default.</summary>
    Asyncio,
    /// <summary>granian's Rust tasks (falls back to asyncio on Python 3.12+).</summary>
    Rust,
}

/// <summary>granian's log threshold (<c>--log-level</c>).</summary>
public enum GranianLogLevel
{
    /// <summary>Only failures.</summary>
    Critical,
    /// <summary>Errors.</summary>
    Error,
    /// <summary>Warnings and errors.</summary>
    Warning,
    /// <summary>The same as <see cref="Warning"/>.</summary>
    Warn,
    /// <summary>Start, stop and worker events. The default.</summary>
    Info,
    /// <summary>Details.</summary>
    Debug,
    /// <summary>Everything.</summary>
    Notset,
}

/// <summary>The lowest TLS version granian accepts (<c>--ssl-protocol-min</c>, granian 2.6.0 or newer).</summary>
public enum GranianTlsVersion
{
    /// <summary><c>tls1.2</c>.</summary>
    [ServerValue("tls1.2")] Tls12,
    /// <summary><c>tls1.3</c>, the default.</summary>
    [ServerValue("tls1.3")] Tls13,
}
