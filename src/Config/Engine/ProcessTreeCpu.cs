using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config;

/// <summary>
/// Whether a server's processes have gone quiet: the CPU time of a process and of everything below it (its children
/// from <c>/proc/PID/task/PID/children</c>, each one's main thread from <c>/proc/PID/schedstat</c>, in nanoseconds),
/// sampled over a window. A gunicorn master binds before its workers import the app; once the workers are quiet, it is
/// loaded. Linux only: elsewhere, or where the kernel keeps no <c>schedstat</c>, it cannot tell.
/// </summary>
internal sealed class ProcessTreeCpu(int root)
{
    /// <summary>The shortest window a quiet judgement is made over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(30);

    /// <summary>Quiet: the whole tree used less than this share of one core over the window.</summary>
    public const double QuietShare = 0.1;

    // The processes read at most: a server with more workers is judged on these.
    private const int MaxProcesses = 64;

    private long _since = -1; // Environment.TickCount64 of the sample the window starts at
    private long _cpuThen;

    /// <summary>
    /// Samples the tree: <see langword="true"/> once it used less than <see cref="QuietShare"/> of a core over at least
    /// <see cref="Window"/>, <see langword="false"/> while it is busier or the window is not over yet, <see langword="null"/>
    /// when its time on CPU cannot be read (not Linux, no <c>schedstat</c>, the process gone).
    /// </summary>
    public bool? IsQuiet()
    {
        if (Nanoseconds(root) is not { } cpu)
        {
            return null;
        }

        var now = Environment.TickCount64;
        if (_since < 0)
        {
            (_since, _cpuThen) = (now, cpu);
            return false;
        }

        var elapsed = now - _since;
        if (elapsed < Window.TotalMilliseconds)
        {
            return false;
        }

        var quiet = cpu - _cpuThen < elapsed * 1_000_000 * QuietShare;
        (_since, _cpuThen) = (now, cpu);
        return quiet;
    }

    /// <summary>The nanoseconds on a CPU of <paramref name="pid"/>'s main thread and of every process below it, or <see langword="null"/> when it is gone.</summary>
    internal static long? Nanoseconds(int pid)
    {
        if (!OperatingSystem.IsLinux() || OnCpu(pid) is not { } total)
        {
            return null;
        }

        // A list used as a stack: Stack<int> is JIT-compiled on first use, and this runs every few milliseconds while a
        // server starts.
        var pending = Children(pid);
        for (var seen = 1; pending.Count > 0 && seen < MaxProcesses; seen++)
        {
            var child = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            total += OnCpu(child) ?? 0;
            foreach (var grandchild in Children(child))
            {
                pending.Add(grandchild);
            }
        }

        return total;
    }

    // schedstat: "time-on-cpu-ns wait-ns timeslices".
    private static long? OnCpu(int pid)
    {
        Span<byte> buffer = stackalloc byte[128];
        var length = ProcFile.Read(pid, "schedstat", buffer);
        if (length <= 0)
        {
            return null;
        }

        var text = buffer[..length];
        var end = text.IndexOf((byte)' ');
        return ProcFile.Number(end < 0 ? text.TrimEnd((byte)'\n') : text[..end]) is var ns and >= 0 ? ns : null;
    }

    // The children of pid's main thread (a server's workers are forked by it); a list too long to read whole is judged
    // on what was read. Not Descendants.TryListBelow, which reads every thread's list (a directory listing per process)
    // so that the stop's sweep misses nothing: this runs every few milliseconds while a server starts, and a worker
    // forked by another thread only makes the tree look quiet a little sooner.
    private static List<int> Children(int pid)
    {
        var children = new List<int>();
        _ = ProcFile.ReadChildren(pid, pid.ToString(CultureInfo.InvariantCulture), children);
        return children;
    }
}
