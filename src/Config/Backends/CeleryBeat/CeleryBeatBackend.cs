using System.Collections.Generic;

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

    // An unset Schedule is celerybeat-schedule in the working directory, unless the app's settings name another file or
    // scheduler: not known here, so only a configured one is checked.
    /// <inheritdoc />
    private protected override IEnumerable<WrittenFile> GetSubcommandFiles(CeleryBeatArgs args) =>
        WrittenFile.Set((CeleryBeatSchedule.KeepsFile(args.Scheduler) ? args.Schedule : null, nameof(args.Schedule)));

    // beat imports its scheduler class before the first tick: --scheduler, else the app's beat_scheduler setting
    // (django-celery-beat's DatabaseScheduler, usually, whose package may be missing).
    /// <inheritdoc />
    internal override IReadOnlyList<ImportedName> GetImportedNames(ProcessDefinition process) =>
        process.Args is CeleryBeatArgs { Scheduler: { } scheduler } && !string.IsNullOrWhiteSpace(scheduler) ? [new("Args:Scheduler", scheduler.Trim())] : [];

    /// <inheritdoc />
    private protected override IEnumerable<string> GetImportedSettings(CeleryBeatArgs args) =>
        string.IsNullOrWhiteSpace(args.Scheduler) ? ["beat_scheduler"] : [];
}
