namespace ProdServer.Config.Analyzers;

/// <summary>
/// Every diagnostic ID, named by intent. An ID is never reused or renumbered, even when its rule is removed.
/// <c>PSC00xx</c>: Waitress settings; <c>PSC01xx</c>: how the SDK is called; <c>PSC02xx</c> and up: the other backends'
/// settings, one hundred per backend as they arrive; <c>PSC1xxx</c>: the generator.
/// </summary>
/// <remarks>Plain constants only: the runtime links this file (see <c>src/Config/Config.csproj</c>).</remarks>
internal static class RuleIdentifiers
{
    /// <summary>Waitress's <c>--expose-tracebacks</c> is switched on.</summary>
    public const string ExposeTracebacksInProduction = "PSC0001";

    /// <summary>A Unix socket is configured for a build that targets Windows.</summary>
    public const string UnixSocketOnWindows = "PSC0002";

    /// <summary>The server binds a port below 1024.</summary>
    public const string PrivilegedPort = "PSC0003";

    /// <summary><c>Listen</c> or <c>UnixSocket</c> is combined with <c>Host</c>/<c>Port</c> (or each other).</summary>
    public const string ConflictingBindSettings = "PSC0004";

    /// <summary>The Unix socket's file mode grants more than owner and group read/write.</summary>
    public const string UnixSocketPermsTooWide = "PSC0005";

    /// <summary>More request threads than the configured maximum.</summary>
    public const string TooManyThreads = "PSC0006";

    /// <summary><c>ConnectionLimit</c> above the listen backlog.</summary>
    public const string ConnectionLimitAboveBacklog = "PSC0007";

    /// <summary>Idle connections are swept less often than they time out.</summary>
    public const string CleanupIntervalAboveChannelTimeout = "PSC0008";

    /// <summary><c>UrlScheme = "https"</c> with no trusted proxy.</summary>
    public const string HttpsSchemeWithoutTrustedProxy = "PSC0009";

    /// <summary>A setting waitress deprecates (<c>--send-bytes</c>).</summary>
    public const string DeprecatedSetting = "PSC0010";

    /// <summary>A trusted proxy with no explicit list of trusted headers.</summary>
    public const string TrustedProxyWithoutHeaders = "PSC0011";

    /// <summary>The same process name is declared twice.</summary>
    public const string DuplicateProcessName = "PSC0101";

    /// <summary><c>AddProdServer</c>'s lambda declares no process.</summary>
    public const string NoProcessDeclared = "PSC0102";

    /// <summary>An app target that is not <c>module:object</c>.</summary>
    public const string AppTargetNotModuleObject = "PSC0103";

    /// <summary>A WSGI server pointed at an ASGI module, or the other way round.</summary>
    public const string AppInterfaceMismatch = "PSC0104";

    /// <summary>The stop timeouts do not nest: the server's graceful timeout &lt; the process's StopTimeout &lt; the host's ShutdownTimeout.</summary>
    public const string StopTimeoutsDoNotNest = "PSC0105";

    /// <summary>Gunicorn's <c>--reload</c> is switched on.</summary>
    public const string GunicornReloadInProduction = "PSC0201";

    /// <summary>Gunicorn's <c>--daemon</c> is switched on under ProdServer's supervision.</summary>
    public const string GunicornDaemon = "PSC0202";

    /// <summary>Gunicorn logs at <c>debug</c>.</summary>
    public const string GunicornDebugLogLevel = "PSC0203";

    /// <summary>Uvicorn's <c>--reload</c> is switched on.</summary>
    public const string UvicornReloadInProduction = "PSC0301";

    /// <summary>Uvicorn logs at <c>debug</c> or <c>trace</c>.</summary>
    public const string UvicornDebugLogLevel = "PSC0302";

    /// <summary>Granian's <c>--reload</c> is switched on.</summary>
    public const string GranianReloadInProduction = "PSC0401";

    /// <summary>Granian logs at <c>debug</c> or <c>notset</c>.</summary>
    public const string GranianDebugLogLevel = "PSC0402";

    /// <summary>A Celery worker or beat logs at <c>DEBUG</c>.</summary>
    public const string CeleryDebugLogLevel = "PSC0501";

    /// <summary>Celery beat is declared twice for the same Celery app.</summary>
    public const string CeleryBeatTwice = "PSC0502";

    /// <summary>A Celery broker or result-backend URL written in code or a settings file holds a password.</summary>
    public const string CeleryUrlPassword = "PSC0503";

    /// <summary>Celery Flower listens beyond loopback (its default is every interface) without authentication.</summary>
    public const string FlowerWithoutAuthentication = "PSC0504";

    /// <summary>Celery Flower runs with tornado's <c>--debug</c>.</summary>
    public const string FlowerDebug = "PSC0505";
}
