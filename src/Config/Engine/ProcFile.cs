using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>
/// Reads the small files of <c>/proc</c> with <c>open</c>, <c>read</c> and <c>close</c> alone: <see cref="System.IO.File"/>
/// adds an <c>fstat</c>, a <c>flock</c> and a second read, and the engine reads one of these per process on the machine
/// in the middle of a stop (the sweep) or every few milliseconds while a server starts (each system call costs
/// microseconds on a virtual machine). Linux only.
/// </summary>
internal static partial class ProcFile
{
    private const int OpenReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC

    /// <summary>
    /// <paramref name="pid"/>'s command line as one printable line of at most 100 characters (its words joined by spaces,
    /// the first 512 bytes read), or <c>?</c> when it cannot be read.
    /// </summary>
    public static string CommandLine(int pid)
    {
        Span<byte> buffer = stackalloc byte[512];
        var length = Read(pid, "cmdline", buffer);
        if (length <= 0)
        {
            return "?";
        }

        var text = System.Text.Encoding.UTF8.GetString(buffer[..length]).TrimEnd('\0').Replace('\0', ' ');
        return Names.Printable(text, 100);
    }

    /// <summary>
    /// Reads <c>/proc/<paramref name="pid"/>/<paramref name="file"/></c> into <paramref name="buffer"/> (one read: these
    /// files are produced whole), returning the bytes read, or -1 when it cannot be opened (the process is gone, another
    /// user's) or read.
    /// </summary>
    public static unsafe int Read(int pid, string file, Span<byte> buffer)
    {
        Span<byte> path = stackalloc byte[64];
        if (!TryWritePath(pid, file, path))
        {
            return -1;
        }

        fixed (byte* name = path)
        fixed (byte* into = buffer)
        {
            var descriptor = open(name, OpenReadOnlyCloseOnExec);
            if (descriptor < 0)
            {
                return -1;
            }

            var length = (int)read(descriptor, into, buffer.Length);
            _ = close(descriptor);
            return length;
        }
    }

    // "/proc/PID/FILE" and a NUL, written by hand: the interpolated UTF-8 writer's int formatting is JIT-compiled on first
    // use, and the first use is while a server starts (its quiet check) or in the middle of a stop.
    private static bool TryWritePath(int pid, string file, Span<byte> path)
    {
        ReadOnlySpan<byte> prefix = "/proc/"u8;
        var digits = 1;
        for (var rest = pid / 10; rest > 0; rest /= 10)
        {
            digits++;
        }

        if (pid < 0 || prefix.Length + digits + 1 + file.Length + 1 > path.Length)
        {
            return false;
        }

        prefix.CopyTo(path);
        var at = prefix.Length + digits;
        for (var rest = pid; at > prefix.Length; rest /= 10)
        {
            path[--at] = (byte)('0' + (rest % 10));
        }

        at = prefix.Length + digits;
        path[at++] = (byte)'/';
        foreach (var c in file)
        {
            if (c is '\0' or > '\u007f')
            {
                return false;
            }

            path[at++] = (byte)c;
        }

        path[at] = 0;
        return true;
    }

    /// <summary>
    /// Adds the pids in <c>/proc/<paramref name="pid"/>/task/<paramref name="task"/>/children</c> (the children that thread
    /// forked, each followed by a space) to <paramref name="into"/>. Returns <see langword="false"/> when the list filled the
    /// buffer (over ~1000 children of one thread) and may go on past what was read; its last, possibly cut, pid is then
    /// left out.
    /// </summary>
    public static bool ReadChildren(int pid, string task, List<int> into)
    {
        Span<byte> buffer = stackalloc byte[8192];
        var length = Read(pid, $"task/{task}/children", buffer);
        if (length <= 0)
        {
            return true; // gone, or no children lists in this kernel: nothing to add
        }

        var whole = length < buffer.Length;
        ReadOnlySpan<byte> text = buffer[..length];
        if (!whole)
        {
            text = text[..Math.Max(0, text.LastIndexOf((byte)' '))];
        }

        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)' ');
            if (Number(end < 0 ? text : text[..end]) is var child and > 0 and <= int.MaxValue)
            {
                into.Add((int)child);
            }

            text = end < 0 ? default : text[(end + 1)..];
        }

        return whole;
    }

    /// <summary>A non-negative decimal of up to 18 digits; -1 for anything else.</summary>
    public static long Number(ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty || digits.Length > 18)
        {
            return -1;
        }

        long value = 0;
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (digit - '0');
        }

        return value;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int open(byte* path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint read(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc")]
    private static partial int close(int descriptor);
}
