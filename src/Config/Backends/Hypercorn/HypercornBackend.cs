using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Runs a process with <c>python -m hypercorn [options] TARGET</c>. Two instances: <see cref="ServerBackends.Hypercorn"/>
/// serves an ASGI app (the target as given, which every release reads as ASGI) and <see cref="ServerBackends.HypercornWsgi"/>
/// a WSGI app, written <c>wsgi:module:object</c> so that hypercorn never has to guess (0.14.0 or newer; Debian's 0.13.2 is
/// ASGI-only and would answer every request with 500). SIGTERM is a graceful stop: requests in flight get
/// <c>--graceful-timeout</c> (3 s by default).
/// </summary>
internal sealed class HypercornBackend : ServerBackend<HypercornArgs>
{
    /// <summary>How long a graceful stop may run past <c>--graceful-timeout</c>.</summary>
    public static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(5);

    private const int DefaultGracefulTimeout = 3;

    internal HypercornBackend(bool wsgi) => IsWsgi = wsgi;

    /// <summary>Whether this backend serves a WSGI app (<c>wsgi:module:object</c>) rather than an ASGI one.</summary>
    public bool IsWsgi { get; }

    /// <inheritdoc />
    public override string Name => IsWsgi ? "HypercornWsgi" : "Hypercorn";

    /// <inheritdoc />
    internal override bool ImportsApp => true;

    /// <inheritdoc />
    public override string Command => "hypercorn";

    /// <inheritdoc />
    public override LaunchKind LaunchKind => LaunchKind.PythonModule;

    /// <inheritdoc />
    public override string InstallHint => "apt-get install python3-hypercorn (Debian/Ubuntu) or pip install hypercorn";

    /// <inheritdoc />
    public override string? DistributionName => "hypercorn";

    /// <summary>The graceful timeout (hypercorn's 3 s unless set) plus <see cref="StopMargin"/>.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The timeout.</returns>
    public override TimeSpan GetDefaultStopTimeout(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var graceful = (process.Args as HypercornArgs)?.GracefulTimeout ?? DefaultGracefulTimeout;
        return TimeSpan.FromSeconds(graceful) + StopMargin;
    }

    /// <summary>The options, then the target (<c>wsgi:</c>-prefixed for the WSGI variant).</summary>
    /// <param name="process">The process.</param>
    /// <returns>The arguments after <c>python -m hypercorn</c>.</returns>
    public override IReadOnlyList<string> BuildArguments(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var argv = new List<string>();
        process.Args.AppendArguments(argv);
        if (process.App is { } app)
        {
            argv.Add(IsWsgi ? "wsgi:" + app : app);
        }

        return argv;
    }

    /// <inheritdoc />
    public override IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process) =>
        process?.Args is HypercornArgs args ? SocketBind.TcpEndpoints(args.Bind) : [];

    /// <inheritdoc />
    public override IReadOnlyList<string> GetUnixSockets(ProcessDefinition process) =>
        process?.Args is HypercornArgs args ? SocketBind.UnixSockets(args.Bind) : [];

    /// <inheritdoc />
    /// <remarks>Its pid file and log files (<c>-</c>, stdout or stderr, is none).</remarks>
    internal override IEnumerable<WrittenFile> GetWrittenFiles(ProcessDefinition process) =>
        process.Args is HypercornArgs a ? base.GetWrittenFiles(process).Concat(WrittenFile.Set((a.Pid, nameof(a.Pid)), (a.AccessLogfile, nameof(a.AccessLogfile)), (a.ErrorLogfile, nameof(a.ErrorLogfile)))) : base.GetWrittenFiles(process);

    /// <summary>The flags hypercorn accepts only from some release on, the WSGI prefix (0.14.0), Workers = 0 (0.15.0) and a json:/toml: LogConfig (0.14.0).</summary>
    /// <param name="process">The process.</param>
    /// <returns>The requirements.</returns>
    public override IReadOnlyList<VersionRequirement> GetVersionRequirements(ProcessDefinition process)
    {
        var requirements = base.GetVersionRequirements(process).ToList();
        if (IsWsgi)
        {
            requirements.Add(new("Backend", "Backend HypercornWsgi (a wsgi: target)", "0.14.0", null));
        }

        if (process?.Args is HypercornArgs { Workers: 0 })
        {
            // 0.13.2 exits 0 at once with -w 0; from 0.15.0 it serves in the main process.
            requirements.Add(new("Args:Workers", "Workers 0 (serve in the main process)", "0.15.0", null));
        }

        if (process?.Args is HypercornArgs { LogConfig: { } logConfig }
            && (logConfig.StartsWith("json:", StringComparison.Ordinal) || logConfig.StartsWith("toml:", StringComparison.Ordinal)))
        {
            requirements.Add(new("Args:LogConfig", "LogConfig with a json:/toml: prefix", "0.14.0", null));
        }

        return requirements;
    }

    // -k uvloop and -k trio import their package in every worker at start (hypercorn.tsv: "uvloop and trio need their packages").
    /// <inheritdoc />
    internal override IReadOnlyList<ImportedName> GetRequiredModules(ProcessDefinition process) =>
        process.Args is HypercornArgs { WorkerClass: HypercornWorkerClass.Uvloop or HypercornWorkerClass.Trio } args
            ? [new("Args:WorkerClass", args.WorkerClass == HypercornWorkerClass.Uvloop ? "uvloop" : "trio")]
            : [];

    /// <inheritdoc />
    private protected override void CheckArgs(HypercornArgs args, ArgsProblems found) => HypercornArgsRules.Check(args, found);

    // hypercorn reads module[:object] (the object defaults to "app"); the asgi:/wsgi: prefix is the backend's to write.
    /// <inheritdoc />
    protected override string? ValidateApp(string app) =>
        app.StartsWith("asgi:", StringComparison.Ordinal) || app.StartsWith("wsgi:", StringComparison.Ordinal)
            ? $"App '{app}' must not carry the asgi:/wsgi: prefix: choose Backend Hypercorn (ASGI) or HypercornWsgi (WSGI) instead."
            : AppTargetSyntax.ModuleColonObjectProblem(app, IsWsgi ? "mysite.wsgi:application" : "mysite.asgi:application");
}
