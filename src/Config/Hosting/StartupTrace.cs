using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Where a launch's start-up and stop time goes, printed to stderr when <c>PRODSERVER_TRACE_STARTUP=1</c> (off by default;
/// costs one environment read otherwise): process start → <c>main</c> → configuration → options → plan → spawn → host
/// built → ready, and stop → servers stopped → host stopped → disposed, each as milliseconds since the process started
/// and as the raw <c>CLOCK_MONOTONIC</c> time, so that a harness that noted its own spawn or signal time (Python's
/// <c>time.monotonic()</c> reads the same clock) can subtract exactly, and with the CPU the launcher has used so far.
/// </summary>
/// <remarks>
/// The marks are kept in memory and written when the host has started and when the run has ended, so that writing them
/// (the console's first use costs milliseconds of JIT) does not move the marks that follow. The process start comes from
/// <c>/proc/self/stat</c>, in the kernel's clock ticks (10 ms on Linux): exact to ±10 ms; the monotonic column is exact.
/// </remarks>
internal static class StartupTrace
{
    /// <summary>The environment variable that turns the trace on (<c>1</c>).</summary>
    public const string Variable = "PRODSERVER_TRACE_STARTUP";

    private const int MaxMarks = 32;

    private static readonly bool Enabled = IsEnabled();
    private static readonly (string Phase, long Timestamp, double CpuMilliseconds)[] Marks = new (string, long, double)[MaxMarks];
    private static int s_count;
    private static int s_written;

    // When on, the runtime's own exit is traced too: between "stop-disposed" (the entry point's last step) and this,
    // Main returns and the runtime runs its ProcessExit handlers; what follows this is the runtime's shutdown.
    private static bool IsEnabled()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return false;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Mark("stop-process-exit");
            Flush();
        };
        return true;
    }

    /// <summary>Notes that <paramref name="phase"/> has been reached, once per phase name (up to 32 phases).</summary>
    /// <param name="phase">A short name: <c>main</c>, <c>options</c>, <c>spawn</c>, …</param>
    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        lock (Marks)
        {
            if (s_count < MaxMarks && !Reached(phase))
            {
                Marks[s_count++] = (phase, now, CpuMilliseconds());
            }
        }
    }

    // A plain loop: Array.FindIndex over the marks' value tuples is an instantiation no precompiled image holds, and
    // its compilation landed between the first mark and the next one.
    private static bool Reached(string phase)
    {
        for (var i = 0; i < s_count; i++)
        {
            if (Marks[i].Phase == phase)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes the marks not written yet to stderr.</summary>
    public static void Flush()
    {
        if (!Enabled)
        {
            return;
        }

        var text = new StringBuilder();
        lock (Marks)
        {
            var start = ProcessStartMonotonicMilliseconds();
            foreach (var (phase, timestamp, cpu) in Marks.AsSpan(s_written, s_count - s_written))
            {
                var monotonic = timestamp * 1000.0 / Stopwatch.Frequency;
                text.Append(CultureInfo.InvariantCulture, $"prodserver-startup: {phase,-14} {monotonic - start,8:F1} ms since process start (monotonic {monotonic:F3} ms");
                if (!double.IsNaN(cpu))
                {
                    text.Append(CultureInfo.InvariantCulture, $", cpu {cpu:F0} ms");
                }

                text.Append(")\n");
            }

            s_written = s_count;
        }

        Console.Error.Write(text.ToString());
    }

    // The CPU the whole launcher has used so far (every thread, user and system): after the spawn, what the launcher
    // burns competes with the server's own start on a small machine, so the trace shows it beside the wall time (from
    // .NET 9 on; before, the line goes without it).
    private static double CpuMilliseconds() =>
#if NET9_0_OR_GREATER
        Environment.CpuUsage.TotalTime.TotalMilliseconds;
#else
        double.NaN;
#endif

    // The process's start time from /proc/self/stat (clock ticks since boot). CLOCK_MONOTONIC counts from boot too (minus
    // time suspended, which a server does not spend).
    private static double ProcessStartMonotonicMilliseconds() =>
        Descendants.StartTimeOf(Environment.ProcessId) is { } ticks ? ticks * 1000.0 / Descendants.ClockTicksPerSecond : double.NaN;
}
