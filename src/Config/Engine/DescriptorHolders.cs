using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ProdServer.Config;

/// <summary>
/// The processes that hold an open file descriptor to one of a set of kernel objects, named as <c>/proc/PID/fd</c> links
/// show them (<c>socket:[INODE]</c>, <c>pipe:[INODE]</c>): who listens on a port, or who still holds a pipe this process
/// reads. Only processes whose descriptors this user may read are seen (its own, or all as root). Linux only; elsewhere
/// none are found.
/// </summary>
internal static class DescriptorHolders
{
    /// <summary>
    /// The pids that hold one of <paramref name="targets"/>, in <c>/proc</c>'s order, <paramref name="except"/> left out; at
    /// most <paramref name="limit"/> of them.
    /// </summary>
    /// <param name="targets">The objects, as the links name them.</param>
    /// <param name="except">A pid not to report (0 for none), such as this process for a pipe it reads itself.</param>
    /// <param name="limit">The most pids to find.</param>
    /// <param name="writersOnly">
    /// Only holders that may write to it (<c>/proc/PID/fdinfo</c>'s access mode): a pipe's writers are what a child was
    /// given as its output; a process this one forks holds copies of its read ends until it execs, and is not one.
    /// </param>
    public static List<int> Find(IReadOnlySet<string> targets, int except = 0, int limit = int.MaxValue, bool writersOnly = false)
    {
        var holders = new List<int>();
        try
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == except)
                {
                    continue;
                }

                if (Holds(directory, targets, writersOnly))
                {
                    holders.Add(pid);
                    if (holders.Count >= limit)
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No /proc (not Linux): none found.
        }

        return holders;
    }

    /// <summary>What this process's descriptor <paramref name="descriptor"/> refers to (<c>pipe:[INODE]</c>), or <see langword="null"/>.</summary>
    public static string? OwnTarget(IntPtr descriptor)
    {
        try
        {
            return new FileInfo(string.Create(CultureInfo.InvariantCulture, $"/proc/self/fd/{descriptor}")).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Holds(string process, IReadOnlySet<string> targets, bool writersOnly)
    {
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
            {
                if (new FileInfo(fd).LinkTarget is { } target && targets.Contains(target)
                    && (!writersOnly || Writes(File.ReadAllText(Path.Combine(process, "fdinfo", Path.GetFileName(fd))), target)))
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another user's process, or one that just exited.
        }

        return false;
    }

    /// <summary>
    /// Whether a descriptor whose link names <paramref name="target"/> may write to it, from its <c>/proc/PID/fdinfo/N</c>
    /// text: the <c>flags:</c> line is the open flags in octal, the access mode their lowest two bits (1 write, 2
    /// read-write). The link and this file are two reads, and in between the number may have been closed and given to
    /// another file (a fork of this host holds copies of its read ends until it execs, which closes them; what the new
    /// program opens next takes the lowest free numbers): so the <c>ino:</c> line (Linux 5.14 and later), read in the same
    /// read as the flags, must name <paramref name="target"/>'s inode too, or the descriptor is not counted. Without that
    /// line (an older kernel), the flags alone decide.
    /// </summary>
    internal static bool Writes(string fdinfo, string target)
    {
        var inode = InodeOf(target);
        var writes = false;
        foreach (var line in fdinfo.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                var octal = line["flags:".Length..].Trim();
                writes = octal.Length > 0 && (octal[^1] - '0') % 4 is 1 or 2;
            }
            else if (line.StartsWith("ino:", StringComparison.Ordinal) && !inode.IsEmpty && !line["ino:".Length..].Trim().SequenceEqual(inode))
            {
                return false;
            }
        }

        return writes;
    }

    // The N of "pipe:[N]" or "socket:[N]"; empty for a path, whose link names no inode.
    private static ReadOnlySpan<char> InodeOf(string target) =>
        target.EndsWith(']') && target.IndexOf(":[", StringComparison.Ordinal) is > 0 and var open
            ? target.AsSpan(open + 2, target.Length - open - 3)
            : default;
}
