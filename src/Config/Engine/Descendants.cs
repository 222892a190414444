using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// Finds, kills and reaps what a server leaves behind outside its process group (Linux): a grandchild that called
/// <c>setsid</c> escapes the group stop and the watchdog, so every server is started with an environment tag
/// (<see cref="TagVariable"/>, unique per start, inherited by everything it starts), and the host is a child subreaper
/// (<c>prctl(PR_SET_CHILD_SUBREAPER)</c>), so such orphans become the host's children instead of init's and can be reaped.
/// When the server exits, every live process carrying its tag is killed; its zombies are reaped.
/// </summary>
/// <remarks>
/// What remains (docs/operations.md#no-orphans): a descendant that clears or replaces its environment before it execs
/// carries no tag; if the host itself is SIGKILLed, escaped descendants are not killed (the watchdog only reaches the
/// group). Orphans of other children the app starts itself are adopted too but not reaped here (their zombies stay until
/// the host exits). A cgroup per server would close the first two gaps; systemd gives one to the whole unit.
/// </remarks>
internal static partial class Descendants
{
    /// <summary>The environment variable that tags every process a server starts: <c>HOSTPID.SERIAL</c>.</summary>
    public const string TagVariable = "PRODSERVER_INSTANCE";

    private const int PR_SET_CHILD_SUBREAPER = 36;
    private const int WNOHANG = 1;

    // USER_HZ, the unit of /proc/PID/stat's times: 100 on every Linux architecture. Were it larger, the floor would only
    // be lower (more processes read), never skip a tagged one.
    internal const double ClockTicksPerSecond = 100;

    private static readonly Lazy<bool> Subreaper = new(() => prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0);

    // Kept by kernels built with CONFIG_PROC_CHILDREN (Debian's, Ubuntu's, Fedora's: checkpoint/restore needs them).
    private static readonly Lazy<bool> ChildrenListsKept = new(() => File.Exists($"/proc/{Environment.ProcessId}/task/{Environment.ProcessId}/children"));
    private static int s_serial;

    /// <summary>Whether descendants are tracked here (Linux: <c>/proc</c> and the subreaper).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>A tag for one server start; the first call makes the host a child subreaper.</summary>
    public static string NewTag()
    {
        if (IsSupported)
        {
            _ = Subreaper.Value;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}.{Interlocked.Increment(ref s_serial)}");
    }

    /// <summary>
    /// Now, in the clock ticks of <c>/proc/PID/stat</c>'s start time (10 ms, counted from boot), rounded down: a process
    /// started after this reads a start time of at least this. Taken before a server is forked, it is a floor below
    /// which no process can carry that server's tag (each one descends from the server).
    /// </summary>
    public static long StartTimeFloor() =>
        (long)(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency * ClockTicksPerSecond) - 1;

    /// <summary>
    /// The live processes, other than <paramref name="except"/>, whose environment carries <paramref name="tag"/>; only
    /// processes started at or after <paramref name="startedFrom"/> (see <see cref="StartTimeFloor"/>) are read, so that the
    /// sweep reads no environment of the host's older neighbours (another user's would fail, each with an exception).
    /// </summary>
    public static List<int> FindTagged(string tag, int except, long startedFrom = 0)
    {
        var found = new List<int>();
        if (!IsSupported)
        {
            return found;
        }

        var needle = Encoding.UTF8.GetBytes(TagVariable + "=" + tag + "\0");
        foreach (var pid in BelowHostOrAll())
        {
            if (pid == except || pid == Environment.ProcessId || (startedFrom > 0 && Stat(pid) is { } stat && stat.StartTime < startedFrom))
            {
                continue;
            }

            try
            {
                // Only processes of the same user are readable, which is every process a server can start.
                if (HasVariable(File.ReadAllBytes($"/proc/{pid}/environ"), needle))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Exited while we looked, or another user's.
            }
        }

        return found;
    }

    /// <summary>The live processes below <paramref name="root"/> (its children, theirs, …), from the children lists in <c>/proc</c> (or, on a kernel without them, every process's parent).</summary>
    public static List<int> Below(int root)
    {
        if (!IsSupported)
        {
            return [];
        }

        if (TryListBelow(root) is { } listed)
        {
            return listed;
        }

        var below = new List<int>();
        var parents = new Dictionary<int, int>();
        foreach (var pid in AllPids())
        {
            if (Stat(pid) is { } stat)
            {
                parents[pid] = stat.Parent;
            }
        }

        // A pid is below the root when the chain of parents reaches it; the chain is cut at the length of the table, in
        // case pids were reused into a loop while the table was read.
        foreach (var pid in parents.Keys)
        {
            var step = pid;
            for (var hops = 0; hops < parents.Count && parents.TryGetValue(step, out var parent) && parent > 1; hops++)
            {
                if (parent == root)
                {
                    below.Add(pid);
                    break;
                }

                step = parent;
            }
        }

        return below;
    }

    /// <summary>SIGKILLs each of <paramref name="pids"/>.</summary>
    public static void Kill(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            _ = kill(pid, Signals.SIGKILL);
        }
    }

    /// <summary>When <paramref name="pid"/> started, in <c>/proc/PID/stat</c>'s clock ticks since boot; <see langword="null"/> when it is gone.</summary>
    internal static long? StartTimeOf(int pid) => Stat(pid)?.StartTime;

    /// <summary>Whether <paramref name="pid"/> belongs to session <paramref name="session"/> (a server's own group members do).</summary>
    public static bool InSession(int pid, int session) => Stat(pid) is { } stat && stat.Session == session;

    /// <summary>
    /// Waits until every one of <paramref name="pids"/> is gone, reaping those that are this host's zombie children, and
    /// also reaps the host's zombie children from session <paramref name="session"/> (workers that ended before they
    /// were seen). Returns the pids still there after <paramref name="limit"/>.
    /// </summary>
    public static async Task<List<int>> ReapAsync(IReadOnlyCollection<int> pids, int session, TimeSpan limit)
    {
        var left = new List<int>(pids);
        if (!IsSupported)
        {
            return [];
        }

        var clock = Stopwatch.StartNew();
        while (true)
        {
            foreach (var pid in ZombieChildren(session))
            {
                if (!left.Contains(pid))
                {
                    left.Add(pid);
                }
            }

            left.RemoveAll(pid => Stat(pid) is not { } stat || (stat.Zombie && stat.Parent == Environment.ProcessId && waitpid(pid, out _, WNOHANG) == pid));
            if (left.Count == 0 || clock.Elapsed > limit)
            {
                return left;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private static IEnumerable<int> ZombieChildren(int session)
    {
        foreach (var pid in BelowHostOrAll())
        {
            if (Stat(pid) is { Zombie: true } stat && stat.Parent == Environment.ProcessId && stat.Session == session)
            {
                yield return pid;
            }
        }
    }

    // With the host a child subreaper, everything a server starts stays below the host (an orphan is reparented to it,
    // not to init), so the sweep and the reaper read the children lists from the host down (a handful of files) instead
    // of every process on the machine (hundreds on a busy host, in the middle of a stop).
    private static IEnumerable<int> BelowHostOrAll() =>
        Subreaper.IsValueCreated && Subreaper.Value && TryListBelow(Environment.ProcessId) is { } below ? below : AllPids();

    /// <summary>
    /// The processes below <paramref name="root"/>, breadth first, from each thread's children list (a process is the
    /// child of the thread that forked it); <see langword="null"/> when the kernel keeps no such lists or one was too
    /// long to read whole.
    /// </summary>
    internal static List<int>? TryListBelow(int root)
    {
        if (!ChildrenListsKept.Value)
        {
            return null;
        }

        var below = new List<int>();
        var seen = new HashSet<int> { root };
        var children = new List<int>();
        var parent = root;
        for (var next = 0; ; parent = below[next++])
        {
            if (!TryListChildren(parent, children))
            {
                return null; // a list too long to read whole, or threads that kept ending: every process is read instead
            }

            foreach (var child in children)
            {
                if (seen.Add(child))
                {
                    below.Add(child);
                }
            }

            if (next == below.Count)
            {
                return below;
            }
        }
    }

    // The children of every thread of parent. When a thread ends, the kernel moves its children to the first live thread
    // of the process (the main thread, unless it has ended), which may be one already read: a child was then missed (a
    // sweep that left it running). So the threads are read last to first, the main thread last; and they are listed again
    // after their lists were read, and read again when a thread came or went.
    private static bool TryListChildren(int parent, List<int> children)
    {
        var tasks = Tasks(parent);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            children.Clear();
            for (var i = tasks.Count - 1; i >= 0; i--)
            {
                if (!ProcFile.ReadChildren(parent, tasks[i], children))
                {
                    return false;
                }
            }

            var after = Tasks(parent);
            if (Same(after, tasks))
            {
                return true;
            }

            tasks = after;
        }

        return false;
    }

    private static bool Same(List<string> a, List<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // A process's thread ids, in the order the kernel keeps its threads (the main thread first); none once it is gone.
    private static List<string> Tasks(int pid)
    {
        var tasks = new List<string>();
        try
        {
            foreach (var directory in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                tasks.Add(Path.GetFileName(directory));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone while we looked: what it listed so far is still looked at.
        }

        return tasks;
    }

    private static IEnumerable<int> AllPids()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory.AsSpan()), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    // A zombie keeps its stat (not its environment), so sessions and parents still tell whose it is.
    private static (bool Zombie, int Parent, int Session, long StartTime)? Stat(int pid)
    {
        Span<byte> buffer = stackalloc byte[1024]; // comm is at most 16 bytes (64 with escapes): a stat line is far shorter
        var length = ProcFile.Read(pid, "stat", buffer);
        return length > 0 ? ParseStat(buffer[..length]) : null;
    }

    /// <summary>
    /// Reads <c>pid (comm) state ppid pgrp session … starttime (field 22) …</c>: comm may hold spaces and parentheses, so
    /// the fields are read after the last <c>)</c>. <see langword="null"/> for anything else.
    /// </summary>
    internal static (bool Zombie, int Parent, int Session, long StartTime)? ParseStat(ReadOnlySpan<byte> stat)
    {
        var close = stat.LastIndexOf((byte)')');
        if (close < 0 || close + 2 >= stat.Length)
        {
            return null;
        }

        var rest = stat[(close + 2)..];
        ReadOnlySpan<byte> state = default;
        long parent = -1, session = -1, start = -1;
        for (var field = 0; field <= 19 && !rest.IsEmpty; field++)
        {
            var end = rest.IndexOf((byte)' ');
            var value = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            switch (field)
            {
                case 0: state = value; break;
                case 1: parent = ProcFile.Number(value); break;
                case 3: session = ProcFile.Number(value); break;
                case 19: start = ProcFile.Number(value); break;
            }
        }

        return state.Length == 1 && parent is >= 0 and <= int.MaxValue && session is >= 0 and <= int.MaxValue && start >= 0
            ? (state[0] == (byte)'Z', (int)parent, (int)session, start)
            : null;
    }

    // NUL-separated NAME=VALUE entries: the needle ("NAME=VALUE\0") must start an entry.
    private static bool HasVariable(ReadOnlySpan<byte> environment, ReadOnlySpan<byte> needle)
    {
        var offset = 0;
        int at;
        while ((at = environment[offset..].IndexOf(needle)) >= 0)
        {
            var start = offset + at;
            if (start == 0 || environment[start - 1] == 0)
            {
                return true;
            }

            offset = start + 1;
        }

        return false;
    }

    // prctl is variadic in C; with integer arguments only, the fixed five-argument form is what glibc's wrapper reads.
    [LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int waitpid(int pid, out int status, int options);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
