using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace ProdServer.Config.Integration.Tests;

/// <summary>What /proc says about process groups, and bounded waits on it.</summary>
internal static class ProcessTable
{
    /// <summary>The live (not zombie) members of process group <paramref name="pgid"/>.</summary>
    public static IReadOnlyList<int> GroupMembers(int pgid)
    {
        var members = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && int.Parse(fields[2], CultureInfo.InvariantCulture) == pgid)
                {
                    members.Add(pid);
                }
            }
            catch (IOException)
            {
                // Exited while we looked.
            }
        }

        return members;
    }

    /// <summary>Whether <paramref name="pid"/> exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Where <paramref name="pid"/> sleeps in the kernel (<c>/proc/PID/wchan</c>): <c>pipe_write</c> while it waits for room in a pipe.</summary>
    public static string WaitChannel(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/wchan");
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>Waits until <paramref name="pid"/> is gone from /proc (exited and reaped, not a zombie); false after <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitUntilReapedAsync(int pid, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Directory.Exists($"/proc/{pid}"))
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Waits until the group has no live member; returns how long it took, or null after <paramref name="timeout"/>.</summary>
    public static async Task<TimeSpan?> WaitUntilGoneAsync(int pgid, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (GroupMembers(pgid).Count > 0)
        {
            if (clock.Elapsed > timeout)
            {
                return null;
            }

            await Task.Delay(50);
        }

        return clock.Elapsed;
    }

    /// <summary>Waits until the group has at least <paramref name="count"/> live members.</summary>
    public static async Task<IReadOnlyList<int>> WaitForMembersAsync(int pgid, int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var members = GroupMembers(pgid);
            if (members.Count >= count || clock.Elapsed > timeout)
            {
                return members;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILLs whatever is left of a group, for finally blocks.</summary>
    public static void KillGroup(int pgid)
    {
        if (pgid > 1)
        {
            _ = kill(-pgid, 9);
        }
    }

    public static int Signal(int pid, int signal) => kill(pid, signal);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
