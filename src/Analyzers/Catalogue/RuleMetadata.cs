using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The catalogue: every rule's ID, title, message, description, category, default severity and scope, in one place.
/// The analyzers (<c>Rules</c>) and the runtime's start-up check both compile this file, so what the IDE says,
/// what <c>dotnet build</c> says and what the log says at start-up are the same words.
/// </summary>
/// <remarks>Free of Roslyn types: the runtime links it (see <c>src/Config/Config.csproj</c>).</remarks>
internal static class RuleMetadata
{
    /// <summary>Where the rule pages live; each page is <c>docs/diagnostics/{ID}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/";

    /// <summary>The help page of a rule.</summary>
    /// <param name="id">A diagnostic ID such as <c>PSC0001</c>.</param>
    /// <returns>The address of <c>docs/diagnostics/{id}.md</c> on GitHub.</returns>
    public static string GetHelpLink(string id) => HelpLinkBase + id + ".md";

    public static readonly RuleInfo ExposeTracebacksInProduction = new(
        RuleIdentifiers.ExposeTracebacksInProduction,
        "Tracebacks are exposed to clients",
        "Process option '{0}' is set to true: waitress will show Python tracebacks to every client. Never enable it in production.",
        "With --expose-tracebacks, waitress sends the traceback of every unhandled exception in the response body. " +
        "Tracebacks reveal source paths, settings and data to anyone who can make the app fail. Use it only on a developer machine.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production);

    public static readonly RuleInfo UnixSocketOnWindows = new(
        RuleIdentifiers.UnixSocketOnWindows,
        "Unix sockets are not available on Windows",
        "'{0}' is set but this build targets Windows, where waitress cannot serve a Unix socket; use Listen (\"127.0.0.1:8000\") behind your proxy instead.",
        "waitress only serves Unix sockets on POSIX systems; on Windows it stops with an error at start. " +
        "A build whose RuntimeIdentifier, TargetFramework (-windows) or TargetPlatformIdentifier names Windows gets this error.",
        RuleCategories.Usage, RuleSeverity.Error, RuleScope.Everywhere);

    public static readonly RuleInfo PrivilegedPort = new(
        RuleIdentifiers.PrivilegedPort,
        "Binding a privileged port",
        "'{0}' binds port {1}, below 1024, which needs root or CAP_NET_BIND_SERVICE; serve on a high port (8000) behind a reverse proxy or a load balancer instead.",
        "Ports below 1024 can only be bound by a privileged process. Running the Python server as root to get port 80 gives " +
        "every bug in the app root's rights; the usual layout is a proxy on 80/443 forwarding to the app on a high port.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production);

    public static readonly RuleInfo ConflictingBindSettings = new(
        RuleIdentifiers.ConflictingBindSettings,
        "Listen or UnixSocket combined with Host or Port",
        "'{0}' cannot be combined with {1}: waitress refuses to start. Use Listen alone (Listen = [\"host:port\"]), Host and Port alone, or UnixSocket alone.",
        "waitress raises an error at start when --listen is given together with --host or --port, or --unix-socket " +
        "together with any of them. Choose one way to say where the server listens.",
        RuleCategories.Usage, RuleSeverity.Error, RuleScope.Everywhere);

    public static readonly RuleInfo UnixSocketPermsTooWide = new(
        RuleIdentifiers.UnixSocketPermsTooWide,
        "Unix socket permissions are too wide",
        "'{0}' is {1}, which lets users outside the socket's owner and group connect; use 660 (owner and group, e.g. the proxy's group) or stricter.",
        "Anyone who may write to the socket file can send requests that bypass the reverse proxy (and its TLS, " +
        "authentication and rate limits). Owner and group read/write (660) is all a proxy needs.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production);

    public static readonly RuleInfo TooManyThreads = new(
        RuleIdentifiers.TooManyThreads,
        "Too many request threads",
        "'{0}' is {1}, above {2}: more threads than that rarely serve more requests under the GIL and use more memory; start from 4 to 8, measure, and run more processes instead (raise the limit with prodserver.max_threads in .editorconfig).",
        "waitress's threads share one Python interpreter lock, so beyond a handful they mostly wait. Large pools cost " +
        "memory and database connections; the waitress guide says \"don't overdo it\". The limit is 16 unless .editorconfig sets prodserver.max_threads.",
        RuleCategories.Performance, RuleSeverity.Warning, RuleScope.Production);

    public static readonly RuleInfo ConnectionLimitAboveBacklog = new(
        RuleIdentifiers.ConnectionLimitAboveBacklog,
        "ConnectionLimit is above Backlog",
        "'{0}' is {1} but Backlog is {2}: raise Backlog to at least {1} together with the connection limit, or the listen queue overflows first.",
        "The backlog is the queue of connections waiting to be accepted. Raising the connection limit without the backlog " +
        "means bursts are refused by the kernel before waitress's own limit is ever reached; the waitress guide raises both together.",
        RuleCategories.Performance, RuleSeverity.Warning, RuleScope.Production);

    public static readonly RuleInfo CleanupIntervalAboveChannelTimeout = new(
        RuleIdentifiers.CleanupIntervalAboveChannelTimeout,
        "CleanupInterval is longer than ChannelTimeout",
        "'{0}' is {1} s but ChannelTimeout is {2} s: idle connections outlive their timeout by up to {1} s; set CleanupInterval to at most the channel timeout.",
        "waitress only closes idle connections when its cleanup sweep runs. A sweep interval longer than the timeout " +
        "keeps dead connections (and their slots under ConnectionLimit) open far longer than intended.",
        RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Production);

    public static readonly RuleInfo HttpsSchemeWithoutTrustedProxy = new(
        RuleIdentifiers.HttpsSchemeWithoutTrustedProxy,
        "UrlScheme is https without a trusted proxy",
        "'{0}' is \"https\" but no TrustedProxy is set: every request, even plain HTTP, looks secure to the app; set TrustedProxy and TrustedProxyHeaders = [XForwardedProto] so the proxy says which requests came over TLS.",
        "waitress does not speak TLS; a forced https scheme makes Django treat every request as secure (secure cookies, " +
        "redirects, CSRF origin checks) whatever the client used. Let the TLS-terminating proxy tell waitress instead.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production);

    public static readonly RuleInfo DeprecatedSetting = new(
        RuleIdentifiers.DeprecatedSetting,
        "Deprecated waitress setting",
        "'{0}' is deprecated by waitress and will be removed in a future release; remove it ({1}).",
        "waitress warns when a deprecated option is given, and a future waitress will refuse it at start.",
        RuleCategories.Usage, RuleSeverity.Warning, RuleScope.Everywhere);

    public static readonly RuleInfo TrustedProxyWithoutHeaders = new(
        RuleIdentifiers.TrustedProxyWithoutHeaders,
        "A trusted proxy without trusted headers",
        "'{0}' is set without TrustedProxyHeaders: waitress trusts only X-Forwarded-Proto by an implicit, deprecated default; list the headers your proxy sets (TrustedProxyHeaders = [XForwardedFor, XForwardedProto]).",
        "Without an explicit list, waitress falls back to trusting X-Forwarded-Proto alone and warns that this default " +
        "will be removed; client addresses from X-Forwarded-For are then ignored, and a future waitress trusts nothing.",
        RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Production);

    public static readonly RuleInfo DuplicateProcessName = new(
        RuleIdentifiers.DuplicateProcessName,
        "A process name is declared twice",
        "Process '{0}' is already declared in this AddProdServer call; the second declaration replaces the first one's backend or app. Give each process its own name.",
        "Process names are case-insensitive and unique: declaring the same name again (o.UseWaitress(...) declares 'web') " +
        "silently reconfigures the earlier process instead of adding a second one.",
        RuleCategories.Usage, RuleSeverity.Warning, RuleScope.Everywhere);

    public static readonly RuleInfo NoProcessDeclared = new(
        RuleIdentifiers.NoProcessDeclared,
        "AddProdServer declares no process",
        "This AddProdServer lambda declares no process; declare one (o.UseWaitress(\"mysite.wsgi:application\")), or call AddProdServer() without a lambda when every process comes from configuration.",
        "A configuration lambda that declares nothing is usually a process that was forgotten; the start then fails unless " +
        "configuration happens to declare one.",
        RuleCategories.Usage, RuleSeverity.Warning, RuleScope.Everywhere);

    public static readonly RuleInfo AppTargetNotModuleObject = new(
        RuleIdentifiers.AppTargetNotModuleObject,
        "The app target is not module:object",
        "App '{0}' is not 'module:object': use a dotted module, a colon and the object's name, for example mysite.wsgi:application.",
        "Servers import the app from a dotted module path and an attribute, separated by a colon. Anything else fails at start " +
        "(waitress 2.1 does not accept module.object).",
        RuleCategories.Usage, RuleSeverity.Error, RuleScope.Everywhere);

    public static readonly RuleInfo AppInterfaceMismatch = new(
        RuleIdentifiers.AppInterfaceMismatch,
        "The app's interface does not match the server",
        "App '{0}' points at Django's {1} entry point, but {2} serves {3} apps; point it at the {3} module ({4}) or use a server for {1}.",
        "Django's asgi.py and wsgi.py expose different interfaces. A WSGI server such as waitress calls an ASGI app the " +
        "wrong way and every request fails with a server error.",
        RuleCategories.Usage, RuleSeverity.Warning, RuleScope.Everywhere);

    public static readonly RuleInfo GunicornReloadInProduction = Reload(RuleIdentifiers.GunicornReloadInProduction, "Gunicorn");

    public static readonly RuleInfo GunicornDaemon = new(
        RuleIdentifiers.GunicornDaemon,
        "Gunicorn is told to daemonize under a supervisor",
        "'{0}' is true: gunicorn would fork into the background and its parent would exit, so ProdServer sees the server stop and loses its child; remove it, ProdServer already keeps gunicorn running.",
        "With --daemon, gunicorn detaches from the process that started it. ProdServer supervises its child: it reads " +
        "the child's logs, stops it on shutdown and restarts it when it exits. A daemonized gunicorn escapes all of that and " +
        "keeps running unsupervised; ProdServer's start-up validation refuses it too.",
        RuleCategories.Reliability, RuleSeverity.Error, RuleScope.Everywhere);

    public static readonly RuleInfo GunicornDebugLogLevel = DebugLogLevel(RuleIdentifiers.GunicornDebugLogLevel, "Gunicorn", "info");

    public static readonly RuleInfo UvicornReloadInProduction = Reload(RuleIdentifiers.UvicornReloadInProduction, "Uvicorn");

    public static readonly RuleInfo UvicornDebugLogLevel = DebugLogLevel(RuleIdentifiers.UvicornDebugLogLevel, "Uvicorn", "info");

    public static readonly RuleInfo GranianReloadInProduction = Reload(RuleIdentifiers.GranianReloadInProduction, "Granian");

    public static readonly RuleInfo GranianDebugLogLevel = DebugLogLevel(RuleIdentifiers.GranianDebugLogLevel, "Granian", "info");

    public static readonly RuleInfo CeleryDebugLogLevel = DebugLogLevel(RuleIdentifiers.CeleryDebugLogLevel, "Celery", "INFO");

    public static readonly RuleInfo CeleryBeatTwice = new(
        RuleIdentifiers.CeleryBeatTwice,
        "Celery beat runs more than once for one app",
        "Celery beat is already declared for app '{0}' in this AddProdServer call; remove the second one: with two beats every periodic task is sent twice.",
        "Beat is Celery's scheduler: each running beat sends every periodic task on its own schedule, so two beats for one app " +
        "run every task twice. Keep a single beat process (and a single replica of it when deploying).",
        RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Everywhere);

    public static readonly RuleInfo CeleryUrlPassword = new(
        RuleIdentifiers.CeleryUrlPassword,
        "A Celery URL holds a password",
        "'{0}' holds a password in its URL; remove it from code and settings files: set {0} through an environment variable, or leave it unset and let the Celery app read its URL from the environment (an env file or a secret).",
        "A password written into code or appsettings.json ends up in source control, in build artefacts and in every copy of " +
        "the settings; passed as --broker it is also visible to anyone who can list processes. ProdServer masks it in what it " +
        "prints, but the safe place for it is the environment: an env file (--env-file, EnvFile) or a secret read by the app's settings.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production);

    public static readonly RuleInfo FlowerWithoutAuthentication = new(
        RuleIdentifiers.FlowerWithoutAuthentication,
        "Celery Flower serves everyone without authentication",
        "'{0}': Flower would listen on {1} without authentication, and anyone who reaches it can shut workers down and revoke tasks; set BasicAuth (user:password) or Auth with AuthProvider, or Address 127.0.0.1 behind an authenticating proxy.",
        "Flower's UI and API can shut down and restart workers, change pool sizes and rate limits, and revoke tasks. It has " +
        "no authentication unless --basic-auth or --auth is given, and without --address it listens on every interface " +
        "(0.0.0.0 and ::, although its banner says 127.0.0.1). Listening beyond loopback needs authentication; on loopback or " +
        "a Unix socket, an authenticating proxy in front can provide it. ProdServer's start-up validation refuses it too.",
        RuleCategories.Security, RuleSeverity.Error, RuleScope.Everywhere);

    public static readonly RuleInfo FlowerDebug = new(
        RuleIdentifiers.FlowerDebug,
        "Celery Flower runs in debug mode in production",
        "'{0}' is true: Flower runs tornado in debug mode, which reloads on code changes and sends Python tracebacks to the browser; remove it in production.",
        "Flower passes --debug to tornado, whose debug mode switches on autoreload (the process restarts when a source file " +
        "changes, dropping connections) and serve_traceback (an unhandled error's traceback, with paths and settings, goes to " +
        "whoever made the request). Both are development conveniences.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production);

    public static readonly RuleInfo StopTimeoutsDoNotNest = new(
        RuleIdentifiers.StopTimeoutsDoNotNest,
        "Stop timeouts do not nest",
        "{0} is {1} s, but {2} is {3} s, so {4}; raise {2} or lower {0}",
        "A graceful stop only works when each waiting party gives the next one time: the server's own graceful timeout " +
        "(Gunicorn GracefulTimeout, Uvicorn TimeoutGracefulShutdown, Granian WorkersKillTimeout) must be shorter than the " +
        "process's StopTimeout, which must be shorter than the host's ShutdownTimeout (and the exported systemd, supervisord, " +
        "Compose and Kubernetes timeouts, which ProdServer derives longer still). Otherwise requests in flight are cut off by a kill.",
        RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Everywhere);

    /// <summary>Every rule, in ID order.</summary>
    public static IReadOnlyList<RuleInfo> All { get; } =
    [
        ExposeTracebacksInProduction, UnixSocketOnWindows, PrivilegedPort, ConflictingBindSettings, UnixSocketPermsTooWide,
        TooManyThreads, ConnectionLimitAboveBacklog, CleanupIntervalAboveChannelTimeout, HttpsSchemeWithoutTrustedProxy,
        DeprecatedSetting, TrustedProxyWithoutHeaders, DuplicateProcessName, NoProcessDeclared, AppTargetNotModuleObject,
        AppInterfaceMismatch, StopTimeoutsDoNotNest, GunicornReloadInProduction, GunicornDaemon, GunicornDebugLogLevel, UvicornReloadInProduction,
        UvicornDebugLogLevel, GranianReloadInProduction, GranianDebugLogLevel, CeleryDebugLogLevel, CeleryBeatTwice,
        CeleryUrlPassword, FlowerWithoutAuthentication, FlowerDebug,
    ];

    // One wording for the same advice to every server that has it; each server keeps its own ID (its block of IDs).
    private static RuleInfo Reload(string id, string server) => new(
        id,
        server + " reloads on code changes in production",
        "'{0}' is true: " + server.ToLowerInvariant() + " watches the source files and restarts its workers when one changes, which costs CPU and drops requests in flight; remove it in production and restart the process on deploy instead.",
        "Auto-reload is a development convenience: the server polls or watches every source file and restarts when one " +
        "changes. In production it wastes CPU, restarts workers in the middle of requests when files are replaced during a " +
        "deploy, and can run half-deployed code. Deploy, then restart the process.",
        RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Production);

    private static RuleInfo DebugLogLevel(string id, string server, string safeLevel) => new(
        id,
        server + " logs at debug level in production",
        "'{0}' is {1}: " + server.ToLowerInvariant() + " logs every detail, which floods the logs and can write request data to them; use " + safeLevel + " (or warning) in production.",
        "Debug logging is meant for chasing a problem on a developer machine. In production it multiplies log volume and " +
        "cost, slows the server down, and can write request headers, payloads or task arguments (cookies, tokens, personal " +
        "data) to the logs. Keep the default level and raise it only while investigating.",
        RuleCategories.Reliability, RuleSeverity.Warning, RuleScope.Production);

}
