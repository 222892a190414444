
namespace ProdServer.Config;

/// <summary>
/// Runs a process with <c>python -m celery --app=APP [global options] beat [options]</c>: the periodic task scheduler.
/// Declare exactly one per schedule. SIGTERM stops it at once after saving the schedule, so the default 10 s stop timeout applies.
/// </summary>
internal sealed class CeleryBeatBackend : CeleryBackend<CeleryBeatArgs>
{
    /// <inheritdoc />
    public override string Name => "CeleryBeat";

    /// <inheritdoc />
    public override string Subcommand => "beat";

    /// <inheritdoc />
    private protected override void CheckArgs(CeleryBeatArgs args, ArgsProblems found) => CeleryBeatArgsRules.Check(args, found);
}
