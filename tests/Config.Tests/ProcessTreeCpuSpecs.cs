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

    [Fact]
    public void A_process_that_waits_is_quiet()
    {
        using var idle = Start("exec sleep 30");
        try
        {
            Assert.True(QuietWithin(idle.Id, TimeSpan.FromSeconds(5)));
        }
        finally
        {
            idle.Kill(entireProcessTree: true);
            idle.WaitForExit();
        }
    }

    [Fact]
    public void A_waiting_parent_whose_child_keeps_a_core_busy_is_not_quiet()
    {
        // The parent only waits; its child spins, as gunicorn's master waits while its workers import the app.
        using var parent = Start("sh -c 'while :; do :; done' & wait");
        try
        {
            Assert.False(QuietWithin(parent.Id, TimeSpan.FromMilliseconds(400)));
            Assert.True(ProcessTreeCpu.Nanoseconds(parent.Id) > 0);
        }
        finally
        {
            parent.Kill(entireProcessTree: true);
            parent.WaitForExit();
        }
    }

    [Fact]
    public void A_process_that_is_gone_cannot_be_told_and_has_no_time()
    {
        using var gone = Start("exit 0");
        gone.WaitForExit();

        Assert.Null(ProcessTreeCpu.Nanoseconds(gone.Id));
        Assert.Null(new ProcessTreeCpu(gone.Id).IsQuiet());
    }
}
