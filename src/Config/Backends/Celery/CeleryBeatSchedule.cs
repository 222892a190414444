namespace ProdServer.Config;

/// <summary>Where a Celery beat keeps its schedule: a file of the persistent scheduler, none for another (django_celery_beat's database).</summary>
internal static class CeleryBeatSchedule
{
    /// <summary>
    /// Whether <paramref name="scheduler"/> (the <c>--scheduler</c> option) is the persistent scheduler, which keeps a
    /// schedule file; unset counts as it, though the app's own <c>beat_scheduler</c> setting may choose another.
    /// </summary>
    public static bool KeepsFile(string? scheduler) =>
        scheduler is null or "celery.beat:PersistentScheduler" or "celery.beat.PersistentScheduler";

    /// <summary>Whether <paramref name="process"/> runs a beat that writes <c>celerybeat-schedule</c> into its working directory: the persistent scheduler with no file set.</summary>
    public static bool WritesDefaultFile(ProcessDefinition process) => process.Args switch
    {
        CeleryBeatArgs beat => KeepsFile(beat.Scheduler) && beat.Schedule is null,
        CeleryWorkerArgs { Beat: true } worker => KeepsFile(worker.Scheduler) && worker.ScheduleFilename is null,
        _ => false,
    };
}
