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

        if (CeleryBeatSchedule.WritesDefaultFile(process))
        {
            paths.Add((workingDirectory, "Args:Schedule (unset: celerybeat-schedule in the working directory)"));
        }

        if (HoldsDatabase(workingDirectory))
        {
            paths.Add((workingDirectory, "WorkingDirectory (a SQLite database)"));
        }

        return paths.DistinctBy(p => p.Item1).ToList();
    }

    /// <summary>
    /// The files the process creates or rewrites, as configured (maybe relative to its working directory): the backend's
    /// own list, the one the engine checks before each start (<see cref="ServerBackend.GetWrittenFiles"/>).
    /// </summary>
    public static IEnumerable<(string Path, string Key)> Files(ProcessDefinition process) =>
        process.Backend.GetWrittenFiles(process).Select(f => (f.Path, f.Key));

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
}
