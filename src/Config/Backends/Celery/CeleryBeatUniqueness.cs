using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// One beat per Celery app: two schedulers (two CeleryBeat processes, or one beside a worker with <c>Beat = true</c>) send
/// every periodic task twice. A rule across processes, so <c>ProdServerOptionsValidator</c> calls it with all of them.
/// </summary>
internal static class CeleryBeatUniqueness
{
    /// <summary>The Celery app as <c>celery -A</c> reads it: <c>proj.celery:app</c> and <c>proj.celery.app</c> are the same app.</summary>
    public static string AppKey(string app) => app.Trim().Replace(':', '.');

    /// <summary>The problems with <paramref name="processes"/>: each beat after the first for the same app.</summary>
    /// <param name="processes">Every declared process.</param>
    /// <returns>The process and the problem, for each duplicate beat.</returns>
    public static IEnumerable<ProcessProblem> Check(IEnumerable<ProcessDefinition> processes)
    {
        var beats = processes.Where(p => p.App is not null && p.RunsCeleryBeat).ToList();
        foreach (var copied in beats.Where(p => p.Replicas > 1))
        {
            yield return new ProcessProblem(copied, new SettingProblem("Replicas",
                $"Replicas is {copied.Replicas}, but this process runs Celery beat: every copy would send every periodic task. Keep Replicas at 1."));
        }

        foreach (var group in beats.GroupBy(p => AppKey(p.App!), StringComparer.Ordinal))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                var key = duplicate.Args is CeleryBeatArgs ? "Backend" : "Args:Beat";
                yield return new ProcessProblem(duplicate, new SettingProblem(key,
                    $"Process '{first.Name}' already runs Celery beat for app '{first.App}': two beats send every periodic task twice. Keep one beat per app."));
            }
        }
    }
}
