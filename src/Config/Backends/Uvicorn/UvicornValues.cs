namespace ProdServer.Config;

/// <summary>uvicorn's event loop (<c>--loop</c>).</summary>
public enum UvicornLoop
{
    /// <summary>uvloop when installed, else asyncio. The default.</summary>
    Auto,
    /// <summary>The standard library loop.</summary>
    Asyncio,
    /// <summary>uvloop; needs the package.</summary>
    Uvloop,
    /// <summary>Leave the loop to the app (uvicorn 0.36.0 or newer).</summary>
    None,
}

/// <summary>uvicorn's HTTP implementation (<c>--http</c>).</summary>
public enum UvicornHttp
{
    /// <summary>httptools when installed, else h11. The default.</summary>
    Auto,
    /// <summary>The pure-Python h11.</summary>
    H11,
    /// <summary>httptools; needs the package.</summary>
    Httptools,
}

/// <summary>uvicorn's WebSocket implementation (<c>--ws</c>).</summary>
public enum UvicornWebSockets
{
    /// <summary>websockets when installed, else wsproto. The default.</summary>
    Auto,
    /// <summary>No WebSocket support: upgrade requests are refused.</summary>
    None,
    /// <summary>The websockets package.</summary>
    Websockets,
    /// <summary>The websockets package's Sans-I/O layer (uvicorn 0.35.0 or newer).</summary>
    WebsocketsSansio,
    /// <summary>The wsproto package.</summary>
    Wsproto,
}

/// <summary>ASGI lifespan handling (<c>--lifespan</c>).</summary>
public enum UvicornLifespan
{
    /// <summary>Use lifespan when the app supports it (Django does not; uvicorn logs that and goes on). The default.</summary>
    Auto,
    /// <summary>Always; an app without lifespan support fails to start.</summary>
    On,
    /// <summary>Never.</summary>
    Off,
}

/// <summary>uvicorn's log threshold (<c>--log-level</c>).</summary>
public enum UvicornLogLevel
{
    /// <summary>Only failures.</summary>
    Critical,
    /// <summary>Errors.</summary>
    Error,
    /// <summary>Warnings and errors.</summary>
    Warning,
    /// <summary>Start, stop and access lines. The default.</summary>
    Info,
    /// <summary>Protocol details.</summary>
    Debug,
    /// <summary>Everything, including ASGI messages.</summary>
    Trace,
}
