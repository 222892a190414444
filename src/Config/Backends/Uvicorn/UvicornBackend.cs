using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Runs a process with <c>python -m uvicorn module:object [options]</c> (Debian's python3-uvicorn has no <c>uvicorn</c> script).
/// Two instances: <see cref="ServerBackends.Uvicorn"/> serves an ASGI app (uvicorn tells ASGI 3 from ASGI 2 itself) and
/// <see cref="ServerBackends.UvicornWsgi"/> a WSGI app with <c>--interface=wsgi</c>, which uvicorn never picks on its own.
/// </summary>
internal sealed partial class UvicornBackend : ServerBackend<UvicornArgs>
{
    /// <summary>How long a graceful stop may run past <c>--timeout-graceful-shutdown</c>.</summary>
    public static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(5);

    internal UvicornBackend(bool wsgi) => IsWsgi = wsgi;

    /// <summary>Whether this backend serves a WSGI app (<c>--interface=wsgi</c>) rather than an ASGI one.</summary>
    public bool IsWsgi { get; }

    /// <inheritdoc />
    public override string Name => IsWsgi ? "UvicornWsgi" : "Uvicorn";

    /// <inheritdoc />
    internal override bool ImportsApp => true;

    /// <inheritdoc />
    public override string Command => "uvicorn";

    /// <inheritdoc />
    public override LaunchKind LaunchKind => LaunchKind.PythonModule;

    /// <inheritdoc />
    public override string InstallHint => "apt-get install python3-uvicorn (Debian/Ubuntu) or pip install uvicorn";

    /// <inheritdoc />
    public override string? DistributionName => "uvicorn";

    // click reads UVICORN_<OPTION> (UVICORN_APP too); --workers and --forwarded-allow-ips default to these variables.
    /// <inheritdoc />
    public override IReadOnlyList<string> ScrubbedEnvironment { get; } = ["UVICORN_*", "WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS"];

    // uvicorn imports the chosen loop, HTTP and WebSocket implementations at start (Config.load); "auto" falls back on
    // what is installed, a named one is a package the interpreter may lack.
    /// <inheritdoc />
    internal override IReadOnlyList<ImportedName> GetRequiredModules(ProcessDefinition process)
    {
        if (process.Args is not UvicornArgs args)
        {
            return [];
        }

        var modules = new List<ImportedName>();
        if (args.Loop == UvicornLoop.Uvloop)
        {
            modules.Add(new("Args:Loop", "uvloop"));
        }

        if (args.Http == UvicornHttp.Httptools)
        {
            modules.Add(new("Args:Http", "httptools"));
        }

        if (args.WebSockets is UvicornWebSockets.Websockets or UvicornWebSockets.WebsocketsSansio or UvicornWebSockets.Wsproto)
        {
            modules.Add(new("Args:WebSockets", args.WebSockets == UvicornWebSockets.Wsproto ? "wsproto" : "websockets"));
        }

        return modules;
    }

    /// <inheritdoc />
    private protected override void CheckArgs(UvicornArgs args, ArgsProblems found) => UvicornArgsRules.Check(args, found);

    /// <summary>
    /// SIGTERM is uvicorn's graceful stop. It waits for open connections without limit unless <c>--timeout-graceful-shutdown</c>
    /// is set (uvicorn 0.22.0 or newer); then ProdServer waits that long plus <see cref="StopMargin"/>, otherwise the default.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <returns>The timeout.</returns>
    public override TimeSpan GetDefaultStopTimeout(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Args is UvicornArgs { TimeoutGracefulShutdown: { } seconds }
            ? TimeSpan.FromSeconds(seconds) + StopMargin
            : base.GetDefaultStopTimeout(process);
    }

    /// <summary>The app target first, then <c>--interface=wsgi</c> for the WSGI variant, then the options (uvicorn's own order).</summary>
    /// <param name="process">The process.</param>
    /// <returns>The arguments after <c>python -m uvicorn</c>.</returns>
    public override IReadOnlyList<string> BuildArguments(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var argv = new List<string>();
        if (process.App is { } app)
        {
            argv.Add(app);
        }

        if (IsWsgi)
        {
            argv.Add("--interface=wsgi");
        }

        process.Args.AppendArguments(argv);
        return argv;
    }

    /// <summary>The flags uvicorn accepts only from some release on, and the values added later.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The requirements.</returns>
    public override IReadOnlyList<VersionRequirement> GetVersionRequirements(ProcessDefinition process)
    {
        var requirements = base.GetVersionRequirements(process).ToList();
        if (process.Args is UvicornArgs args)
        {
            if (args.Loop == UvicornLoop.None)
            {
                requirements.Add(new("Args:Loop", "Loop None (--loop=none)", "0.36.0", null));
            }

            if (args.WebSockets == UvicornWebSockets.WebsocketsSansio)
            {
                requirements.Add(new("Args:WebSockets", "WebSockets WebsocketsSansio (--ws=websockets-sansio)", "0.35.0", null));
            }
        }

        return requirements;
    }

    // uvicorn imports "module:attribute" only; "module.attribute" is refused.
    /// <inheritdoc />
    protected override string? ValidateApp(string app) => AppTargetSyntax.ModuleColonObjectProblem(app, IsWsgi ? "mysite.wsgi:application" : "mysite.asgi:application");
}
