using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace ProdServer.Config;

/// <summary>
/// Gives back, once a server is ready, the memory that only start-up needed: garbage of the host's start-up on the GC
/// heap, and the pages of the program's own file that start-up read (a NativeAOT launcher reads its whole
/// <c>.rodata</c> once to build its type data, and touches code it will not run again) — under NativeAOT, those of the
/// C libraries too.
/// </summary>
/// <remarks>
/// <para>
/// Only the launcher entry points trim (<c>ProdServerHost.RunAsync</c>, <c>RunProdServerAsync</c>), once every server they
/// started is ready: the process is then a launcher and nothing else. A host that runs ProdServer among other work
/// (<c>AddProdServer</c> and its own <c>RunAsync</c>) never does: its GC is its own business, and a blocking full
/// collection would pause it for tens of milliseconds.
/// </para>
/// <para>
/// The pages are released with <c>madvise(MADV_DONTNEED)</c> on read-only, private, file-backed mappings that hold
/// no private copy of a page: they stay in the page cache, and what the launcher runs later is mapped again on its
/// first use (a minor fault, no disk read). Writable mappings, and read-only ones with a written page (the relocated
/// RELRO data), are never touched: there the call would throw away the process's own data.
/// </para>
/// </remarks>
internal static class WorkingSet
{
    private const int MadviseDontNeed = 4;

    private static int s_requests;
    private static int s_requested;

    // Armed by TrimAfterStartUp only: a host that never trims creates nothing here.
    private static QuietAfterOutput? s_afterStartUpOutput;

    /// <summary>How many trims were asked for in this process, ever (for tests: who asks, and when).</summary>
    internal static int Requested => Volatile.Read(ref s_requested);

    /// <summary>
    /// Asks for a trim now, and again once the start-up output that follows has gone quiet: output logged after readiness
    /// (a gunicorn master is ready before its workers boot and log) maps the log path's pages back in. For the launcher
    /// entry points, once every server is ready.
    /// </summary>
    public static void TrimAfterStartUp()
    {
        TrimSoon();
        if (Volatile.Read(ref s_afterStartUpOutput) is not { } quiet)
        {
            quiet = new QuietAfterOutput(TimeProvider.System, TrimSoon);
            if (Interlocked.CompareExchange(ref s_afterStartUpOutput, quiet, null) is { } other)
            {
                quiet.Dispose();
                quiet = other;
            }
        }

        quiet.Arm();
    }

    /// <summary>Notes that a server's output was logged (see <see cref="TrimAfterStartUp"/>); one field read when not armed.</summary>
    public static void OutputWritten() => Volatile.Read(ref s_afterStartUpOutput)?.OutputWritten();

    /// <summary>Asks for a trim; several asked for while one runs make one more.</summary>
    public static void TrimSoon()
    {
        Interlocked.Increment(ref s_requested);
        if (Interlocked.Increment(ref s_requests) == 1)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static _ => TrimWhileAsked(), null);
        }
    }

    private static void TrimWhileAsked()
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref s_requests);
            Trim();
        }
        while (Interlocked.Add(ref s_requests, -seen) != 0);
    }

    /// <summary>Compacts the GC heap and releases the program's start-up pages (see the remarks on the class).</summary>
    internal static void Trim()
    {
        // Under the JIT the program's pages go first: reading /proc/self/smaps allocates ~1 MB of lines, which the
        // collection then takes. Under NativeAOT the collector is code of the program's own file, and a collection after
        // the release would map ~2 MB of it back in.
        var collectorInProgram = !RuntimeFeature.IsDynamicCodeSupported;
        if (collectorInProgram)
        {
            CollectStartUpGarbage();
        }

        if (OperatingSystem.IsLinux())
        {
            ReleaseProgramPages();
        }

        if (!collectorInProgram)
        {
            CollectStartUpGarbage();
        }
    }

    // Start-up allocates a few MB and, below the first gen0 budget, never collects: the GC heap holds them all.
    // Aggressive: compacted, and the emptied regions decommitted at once rather than kept for the next allocations.
    private static void CollectStartUpGarbage() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    // /proc/self/smaps: a header line per mapping ("start-end perms offset dev inode path"), then its "Key: N kB" lines.
    private static void ReleaseProgramPages()
    {
        // Not SymbolicLinks.FinalTarget: this is the kernel's one link naming the running program as smaps names its
        // mapping, read once (a chain followed from there could end at another file, put at that path since); and when
        // /proc cannot say, nothing at all is released.
        string? program;
        try
        {
            program = File.ResolveLinkTarget("/proc/self/exe", returnFinalTarget: false)?.FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (program is null)
        {
            return;
        }

        // Under NativeAOT the C libraries' start-up pages go too: ld.so maps and relocates a library before anything
        // else sees it, and never writes to a read-only mapping later. The JIT runtime's own image loader does (an
        // assembly mapped read-only, then made writable for its fixups), so there only the program file is released.
        var everyLibrary = !RuntimeFeature.IsDynamicCodeSupported;
        var releasable = new List<(nint Start, nint Length)>();
        (nint Start, nint Length)? candidate = null;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/smaps"))
            {
                if (line.Length > 0 && char.IsAsciiHexDigitLower(line[0]))
                {
                    candidate = Releasable(line, program, everyLibrary); // a mapping's header; its fields start upper-case
                }
                else if (candidate is { } mapping && line.StartsWith("Anonymous:", StringComparison.Ordinal))
                {
                    candidate = null;
                    if (line.AsSpan("Anonymous:".Length).Trim() is "0 kB")
                    {
                        releasable.Add(mapping);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return; // no /proc (a sandbox), or it went away: nothing released, nothing broken
        }

        // All at the end: every page of code that runs after a release is mapped back, with the 64 kB around it (the
        // kernel's fault-around), and releasing each mapping as its line was read let the rest of the parse map ~1.8 MB
        // of the program and ~0.4 MB of libc back (perf record -e page-faults). The list stays valid meanwhile: the
        // program and the libraries stay mapped while it runs (.NET never unloads a native library).
        foreach (var (start, length) in releasable)
        {
            _ = madvise(start, (nuint)length, MadviseDontNeed);
        }
    }

    // The range of the mapping if it is a read-only, private mapping of the program's file (or of any file, with
    // everyFile); otherwise null.
    private static (nint Start, nint Length)? Releasable(string header, string program, bool everyFile)
    {
        var fields = header.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6 || fields[1].Length != 4 || fields[1][1] == 'w' || fields[1][3] != 'p')
        {
            return null;
        }

        var path = fields[5].Trim();
        if (!(everyFile ? path.StartsWith('/') : string.Equals(path, program, StringComparison.Ordinal)))
        {
            return null;
        }

        var dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        if (dash < 0
            || !long.TryParse(fields[0].AsSpan(0, dash), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var start)
            || !long.TryParse(fields[0].AsSpan(dash + 1), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var end))
        {
            return null;
        }

        return ((nint)start, (nint)(end - start));
    }

    // Blittable signature: no marshalling stub, so it is trim- and NativeAOT-safe. No SetLastError: a release that
    // fails (EINVAL, a mapping gone meanwhile) leaves the pages resident, which is all there is to know.
    [DllImport("libc")]
    private static extern int madvise(nint address, nuint length, int advice);
}
