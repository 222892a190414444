using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Runs a process with <c>python -m daphne [options] module:object</c>, Django Channels' ASGI server. daphne stops at
/// once on SIGTERM (exit 0) and cuts requests still running: it has no drain, so a graceful stop belongs to the proxy in
/// front (stop sending, then stop daphne). It reads no option from the environment.
/// </summary>
internal sealed class DaphneBackend : ServerBackend<DaphneArgs>
{
    internal DaphneBackend()
    {
    }

    /// <inheritdoc />
    public override string Name => "Daphne";

    /// <inheritdoc />
    internal override bool ImportsApp => true;

    /// <inheritdoc />
    public override string Command => "daphne";

    /// <inheritdoc />
    public override LaunchKind LaunchKind => LaunchKind.PythonModule;

    /// <inheritdoc />
    public override string InstallHint => "apt-get install python3-daphne (Debian/Ubuntu) or pip install daphne";

    /// <inheritdoc />
    public override string? DistributionName => "daphne";

    /// <summary>The options, then the app target (daphne's documented order).</summary>
    /// <param name="process">The process.</param>
    /// <returns>The arguments after <c>python -m daphne</c>.</returns>
    public override IReadOnlyList<string> BuildArguments(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var argv = new List<string>();
        process.Args.AppendArguments(argv);
        if (process.App is { } app)
        {
            argv.Add(app);
        }

        return argv;
    }

    /// <inheritdoc />
    /// <remarks>daphne imports the application before it starts listening.</remarks>
    public override bool ListensOnceAppLoaded(ProcessDefinition process) => true;

    /// <inheritdoc />
    /// <remarks>Bind and Port with daphne's defaults (127.0.0.1, 8000) when one is given or nothing else binds; a Unix socket, an fd or a raw endpoint alone is not probed.</remarks>
    public override IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process)
    {
        if (process?.Args is not DaphneArgs args)
        {
            return [];
        }

        var nothingElse = args.UnixSocket is null && args.Fd is null && args.Endpoints is not { Count: > 0 };
        return args.Bind is not null || args.Port is not null || nothingElse
            ? [new ListenEndpoint(args.Bind ?? "127.0.0.1", args.Port ?? 8000)]
            : [];
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> GetUnixSockets(ProcessDefinition process) =>
        process?.Args is DaphneArgs { UnixSocket: { Length: > 0 } path } ? [path] : [];

    /// <inheritdoc />
    /// <remarks>Its access log (<c>-</c>, stdout, is none).</remarks>
    internal override IEnumerable<WrittenFile> GetWrittenFiles(ProcessDefinition process) =>
        process.Args is DaphneArgs a ? base.GetWrittenFiles(process).Concat(WrittenFile.Set((a.AccessLog, nameof(a.AccessLog)))) : base.GetWrittenFiles(process);

    /// <inheritdoc />
    private protected override void CheckArgs(DaphneArgs args, ArgsProblems found) => DaphneArgsRules.Check(args, found);

    // daphne splits on the colon and imports the module: "module.object" is a ValueError traceback.
    /// <inheritdoc />
    protected override string? ValidateApp(string app) => AppTargetSyntax.ModuleColonObjectProblem(app, "mysite.asgi:application");
}
