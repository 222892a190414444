using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// <c>Replicas</c> on the targets that run every process on one machine (systemd, supervisord, a Procfile): what becomes
/// of it, said rather than dropped. Copies side by side share the machine's ports, paths and host name, which a
/// container or pod of their own never do; supervisord's <c>numprocs</c> carries them only when nothing of that is shared.
/// </summary>
internal static class SameMachineCopies
{
    /// <summary>Why copies of <paramref name="process"/> cannot run side by side on one machine, or <see langword="null"/> when they can.</summary>
    public static string? Obstacle(ProcessDefinition process)
    {
        if (process.Backend.GetListenEndpoints(process).FirstOrDefault() is { } endpoint)
        {
            return $"every copy would listen on port {endpoint.Port}";
        }

        if (WritablePaths.Files(process).FirstOrDefault() is { Path: { } path, Key: var key })
        {
            return $"every copy would write {ExportText.Printable(path)} ({key})";
        }

        // celery's node name comes from the host name (%h, %n): one machine gives every copy the same one.
        return process.Args is CeleryWorkerArgs
            ? "every copy would take the same Celery node name (%h is the machine's host name); raise Args:Concurrency instead"
            : null;
    }

    /// <summary>The note for a target that runs one copy of <paramref name="process"/> whatever its <c>Replicas</c>.</summary>
    /// <param name="process">The process, with <c>Replicas</c> above 1.</param>
    /// <param name="target">The target as notes name it (<c>systemd</c>).</param>
    /// <param name="why">Why the target runs one copy, and what to do instead.</param>
    public static string NotCarried(ProcessDefinition process, string target, string why) =>
        $"{ExportText.Process(process)}: Replicas {process.Replicas} is not carried by {target}, which runs one copy: {why}"
        + (Obstacle(process) is { } obstacle ? $" (copies on one machine would clash: {obstacle})" : "") + ".";

    /// <summary>The notes for every process of <paramref name="processes"/> with <c>Replicas</c> above 1.</summary>
    public static IEnumerable<string> NotCarried(IEnumerable<ProcessDefinition> processes, string target, string why) =>
        processes.Where(p => p.Replicas > 1).Select(p => NotCarried(p, target, why));
}
