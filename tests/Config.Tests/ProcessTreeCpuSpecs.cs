using System;
using System.Diagnostics;
using System.Threading;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Whether a server's processes have gone quiet (spawn-first's wait for a gunicorn whose workers import the app after
/// its master listens): the whole tree's CPU over a window, the processes below the server included. Linux (/proc).
/// </summary>
public sealed class ProcessTreeCpuSpecs
{
    // Samples as the wait does, every 5 ms, for up to the given time; whether the tree was judged quiet.
    private static bool QuietWithin(int pid, TimeSpan limit)
    {
        var activity = new ProcessTreeCpu(pid);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (activity.IsQuiet() == true)
            {
                return true;
            }

            Thread.Sleep(5);
        }

        return false;
    }

    private static Process Start(string script) =>
        Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { UseShellExecute = false })!;

    // Runs check on a shell running script, then kills it and everything it started.
    private static void While(string script, Action<Process> check)
    {
        using var process = Start(script);
        try
        {
            check(process);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    [Fact]
    public void A_process_that_waits_is_quiet() =>
        While("exec sleep 30", idle => Assert.True(QuietWithin(idle.Id, TimeSpan.FromSeconds(5))));

    [Fact]
    public void A_waiting_parents_time_counts_what_its_busy_child_uses() =>
        // The parent only waits; its child spins, as gunicorn's master waits while its workers import the app. Counted in
        // CPU time rather than judged over one window: on a loaded machine the child may get little of a core for a while.
        While("sh -c 'while :; do :; done' & wait", parent =>
        {
            var before = ProcessTreeCpu.Nanoseconds(parent.Id)!.Value;
            var ownBefore = OwnNanoseconds(parent.Id);
            var clock = Stopwatch.StartNew();
            long tree;
            while ((tree = ProcessTreeCpu.Nanoseconds(parent.Id)!.Value - before) < 100_000_000 && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                Thread.Sleep(10);
            }

            Assert.True(tree >= 100_000_000, $"the tree used {tree / 1e6:F0} ms of CPU in {clock.ElapsedMilliseconds} ms");
            Assert.True(OwnNanoseconds(parent.Id) - ownBefore < tree / 2, "the waiting parent itself should account for little of it");
        });

    private static long OwnNanoseconds(int pid) =>
        long.Parse(System.IO.File.ReadAllText($"/proc/{pid}/schedstat").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_process_that_is_gone_cannot_be_told_and_has_no_time()
    {
        using var gone = Start("exit 0");
        gone.WaitForExit();

        Assert.Null(ProcessTreeCpu.Nanoseconds(gone.Id));
        Assert.Null(new ProcessTreeCpu(gone.Id).IsQuiet());
    }
}
