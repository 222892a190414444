using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Runs a process with <c>python -m celery --app=APP [global options] flower [options]</c>: Celery Flower, the monitoring web UI.
/// Flower reads every option from <c>FLOWER_&lt;OPTION&gt;</c> variables too, so those are scrubbed like celery's own. It is
/// ready when its port accepts connections. SIGTERM stops it at once (exit 0).
/// </summary>
internal sealed class CeleryFlowerBackend : CeleryBackend<CeleryFlowerArgs>
{
    private const int DefaultPort = 5555;

    /// <inheritdoc />
    public override string Name => "CeleryFlower";

    /// <inheritdoc />
    public override string Subcommand => "flower";

    /// <inheritdoc />
    public override string InstallHint => "pip install flower (no Debian package); it adds the flower subcommand to celery";

    /// <inheritdoc />
    public override IReadOnlyList<string> ScrubbedEnvironment => [.. base.ScrubbedEnvironment, "FLOWER_*"];

    /// <inheritdoc />
    /// <remarks>Nothing for a Unix socket; otherwise Address (empty: every interface) and Port (5555).</remarks>
    public override IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process)
    {
        if (process?.Args is not CeleryFlowerArgs args || args.UnixSocket is { Length: > 0 })
        {
            return [];
        }

        return [new ListenEndpoint(string.IsNullOrEmpty(args.Address) ? "0.0.0.0" : args.Address, args.Port is > 0 ? args.Port.Value : DefaultPort)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> GetUnixSockets(ProcessDefinition process) =>
        process?.Args is CeleryFlowerArgs { UnixSocket: { Length: > 0 } path } ? [path] : [];

    /// <inheritdoc />
    private protected override IEnumerable<WrittenFile> GetSubcommandFiles(CeleryFlowerArgs args) =>
        WrittenFile.Set((args.LogFilePrefix, nameof(args.LogFilePrefix)));

    /// <inheritdoc />
    internal override string? PluginCommand => Subcommand;

    // flower resolves the login handler class (celery's instantiate, module.Class or module:Class) when a login page is
    // asked for, not at start: a typo started fine and then failed every login.
    /// <inheritdoc />
    internal override IReadOnlyList<ImportedName> GetImportedNames(ProcessDefinition process) =>
        process.Args is CeleryFlowerArgs { AuthProvider: { } provider } && !string.IsNullOrWhiteSpace(provider)
            ? [new("Args:AuthProvider", provider.Trim(), "flower imports at every login")]
            : [];

    /// <inheritdoc />
    private protected override void CheckArgs(CeleryFlowerArgs args, ArgsProblems found) => CeleryFlowerArgsRules.Check(args, found);
}
