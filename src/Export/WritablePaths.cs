using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// The directories a process writes to, which a sandbox with a read-only file system must leave writable (systemd
/// <c>ReadWritePaths=</c>, Kubernetes <c>emptyDir</c> volumes): the directory of each Unix socket it listens on, of a
/// Celery beat schedule (the working directory when unset), and the working directory when it holds a SQLite database.
/// </summary>
internal static class WritablePaths
{
    private static readonly string[] DatabasePatterns = ["*.sqlite3", "*.sqlite", "*.db"];

    /// <summary>The directories, absolute, each once, with the setting that needs it.</summary>
    /// <param name="process">The process.</param>
    /// <param name="contentRoot">Where relative working directories resolve, as at run time.</param>
    public static IReadOnlyList<(string Directory, string Key)> Of(ProcessDefinition process, string contentRoot)
    {
        // Checked before Path.GetFullPath, which throws on a NUL.
        var owner = ExportText.Process(process);
        var workingDirectory = Path.GetFullPath(ExportText.Carryable(owner, "WorkingDirectory", process.WorkingDirectory ?? "."), contentRoot);
        var paths = new List<(string, string)>();
        foreach (var (path, key) in Files(process))
        {
            paths.Add((Path.GetDirectoryName(Path.GetFullPath(ExportText.Carryable(owner, key, path), workingDirectory)) ?? "/", key));
        }

        if (process.RunsCeleryBeat && Schedule(process) is null)
        {
            paths.Add((workingDirectory, "Args:Schedule (unset: celerybeat-schedule in the working directory)"));
        }

        if (HoldsDatabase(workingDirectory))
        {
            paths.Add((workingDirectory, "WorkingDirectory (a SQLite database)"));
        }

        return paths.DistinctBy(p => p.Item1).ToList();
    }

    /// <summary>The files the process creates or rewrites, as configured (maybe relative to its working directory).</summary>
    public static IEnumerable<(string Path, string Key)> Files(ProcessDefinition process)
    {
        // The backend's own list, the one the engine checks and probes: every server's socket settings, in one place.
        foreach (var socket in process.Backend.GetUnixSockets(process))
        {
            yield return (socket, "its Unix socket");
        }

        if (Schedule(process) is { } schedule)
        {
            yield return (schedule, "Args:Schedule");
        }

        if (process.Args is ICeleryDaemonOptions daemon)
        {
            foreach (var (file, key) in new[] { (daemon.LogFile, "Args:LogFile"), (daemon.PidFile, "Args:PidFile") })
            {
                if (file is not null)
                {
                    yield return (file, key);
                }
            }
        }
    }

    // Looked for on the machine the export runs on, which is the target machine when exported from the published app.
    private static bool HoldsDatabase(string directory)
    {
        try
        {
            return Directory.Exists(directory) && DatabasePatterns.Any(p => Directory.EnumerateFiles(directory, p).Any());
        }
        catch (System.Exception ex) when (ex is IOException or System.UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? Schedule(ProcessDefinition process) => process.Args switch
    {
        CeleryBeatArgs { Schedule: { } schedule } => schedule,
        CeleryWorkerArgs { Beat: true, ScheduleFilename: { } schedule } => schedule,
        _ => null,
    };
}
