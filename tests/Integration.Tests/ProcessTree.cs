using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The children of a process, read from <c>/proc</c> (Linux), to check that a server's workers are gone after a stop.</summary>
internal static class ProcessTree
{
    /// <summary>
    /// Whether <paramref name="pid"/> is the engine's watchdog: the forked launcher shell that stays in the server's group
    /// (its command line still names <c>prodserver-&lt;process&gt;</c>; the server itself has exec'd into its own).
    /// </summary>
    public static bool IsWatchdog(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("\0prodserver-", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The children of <paramref name="parent"/> other than the engine's watchdog: a server's workers.</summary>
    public static IReadOnlyList<int> Workers(int parent) => Children(parent).Where(pid => !IsWatchdog(pid)).ToList();

    /// <summary>The children of <paramref name="parent"/>, zombies included.</summary>
    public static IReadOnlyList<int> Children(int parent) => Where(fields => fields[1] == parent);

    /// <summary>The processes of group <paramref name="group"/>, zombies included (they are still there until reaped).</summary>
    public static IReadOnlyList<int> InGroup(int group) => Where(fields => fields[2] == group);

    // The processes whose /proc/PID/stat fields after the command name (state, parent, group, …; the state read as 0) match.
    private static IReadOnlyList<int> Where(Func<int[], bool> match)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ', 4);
                if (match([0, int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture)]))
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process exited while we looked.
            }
        }

        return children;
    }
}
