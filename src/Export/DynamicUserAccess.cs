using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Whether a systemd dynamic user (<c>DynamicUser=yes</c>, the default without <c>--user</c>) can reach what its service
/// reads and writes. Such a user owns nothing and is in no group, so only the "others" permission bits count: a home of
/// mode 0700 or a publish directory of 0750 makes the unit fail at its start although it looks right. Looked at on the
/// machine the export runs on, which is the target machine when exported from the published app; a path that is not
/// there is not judged.
/// </summary>
internal static class DynamicUserAccess
{
    private const UnixFileMode OthersEnter = UnixFileMode.OtherExecute;
    private const UnixFileMode OthersRead = UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private const UnixFileMode OthersWrite = UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>One line for each path of <paramref name="process"/>'s unit that a dynamic user could not use, naming the directory in the way.</summary>
    /// <param name="process">The process.</param>
    /// <param name="paths">What the unit reads and writes, and what its sandbox shows and binds.</param>
    public static IEnumerable<string> Problems(ProcessDefinition process, SandboxPaths paths)
    {
        var owner = ExportText.Process(process);
        var read = paths.Reads.Where(r => !paths.Writes.Any(w => SandboxPaths.IsUnder(r.Path, w.Path)));
        foreach (var (path, key, write) in read.Select(r => (r.Path, r.Key, false)).Concat(paths.Writes.Select(w => (w.Path, w.Key, true))).DistinctBy(p => p.Item1))
        {
            var boundFrom = paths.BindReadOnly.Concat(paths.BindWritable).FirstOrDefault(b => SandboxPaths.IsUnder(path, b));
            if (Blocker(path, write, boundFrom) is { } blocker)
            {
                yield return $"{owner}: the unit runs as a dynamic user (no --user), which cannot {(write ? "write" : "read")} "
                    + $"{ExportText.Printable(path)} ({key}): {ExportText.Printable(blocker.Path)} is mode {Octal(blocker.Mode)}. "
                    + (write
                        ? "Export with --user and an account that owns it, or add StateDirectory= in a drop-in (docs/deploy.md)."
                        : "Export with --user and an account that can read it, or let others read it (chmod o+rX).");
            }
        }
    }

    // The first directory on the way that others cannot enter, or the path itself when others cannot read (or write) it.
    // Above a bound directory, what lies in a home or /tmp is the sandbox's own empty directories, not the machine's.
    private static (string Path, UnixFileMode Mode)? Blocker(string path, bool write, string? boundFrom)
    {
        var isFile = File.Exists(path);
        if (!isFile && !Directory.Exists(path))
        {
            return null;
        }

        var ancestors = new List<string>();
        for (var parent = Path.GetDirectoryName(path); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            ancestors.Insert(0, parent);
        }

        foreach (var ancestor in ancestors.Where(a => boundFrom is null || !SandboxPaths.IsHiddenBySandbox(a) || SandboxPaths.IsUnder(a, boundFrom)))
        {
            if (Mode(ancestor) is { } mode && (mode & OthersEnter) != OthersEnter)
            {
                return (ancestor, mode);
            }
        }

        // A file is only read (or written); a directory must also be entered.
        var needed = isFile ? (write ? UnixFileMode.OtherWrite : UnixFileMode.OtherRead) : write ? OthersWrite : OthersRead;
        return Mode(path) is { } own && (own & needed) != needed ? (path, own) : null;
    }

    private static UnixFileMode? Mode(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            return File.GetUnixFileMode(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
}
