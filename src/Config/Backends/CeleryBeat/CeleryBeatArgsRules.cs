namespace ProdServer.Config;

/// <summary>The constraints <c>celery beat</c> itself enforces (or silently mishandles), checked before launch.</summary>
internal static class CeleryBeatArgsRules
{
    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(CeleryBeatArgs a, ArgsProblems found)
    {
        CeleryCommonRules.CheckGlobal(a, found);
        CeleryCommonRules.CheckDaemon(a, found);

        found.NotBlankWhenSet(a.Schedule, nameof(a.Schedule), "Schedule must be a file path; leave it unset for celerybeat-schedule in the working directory.");
        found.NotBlankWhenSet(a.Scheduler, nameof(a.Scheduler), "Scheduler must be a class path such as celery.beat:PersistentScheduler.");

        found.ExtraArgs(a, a.ExtraArgs);
    }
}
