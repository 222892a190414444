using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.IO;
using System.Text;
using CsCheck;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The sweep after a server exits reads the environment only of processes started since the server was forked (its tag
/// can be in no older one): the floor it compares start times with must never be above a younger process's start time,
/// and must be above the older ones'. (Linux: /proc, where the tests run.)
/// </summary>
public sealed class DescendantsSweepSpecs
{
    [Fact]
    public void A_process_started_after_the_floor_is_read_and_this_older_one_is_skipped()
    {
        var floor = Descendants.StartTimeFloor();
        using var younger = Process.Start(new ProcessStartInfo("sleep", "5") { UseShellExecute = false })!;
        try
        {
            Assert.True(Descendants.StartTimeOf(younger.Id) >= floor, $"started at {Descendants.StartTimeOf(younger.Id)}, floor {floor}");
            Assert.True(Descendants.StartTimeOf(Environment.ProcessId) < floor, "this test host, started before, is below the floor");
        }
        finally
        {
            younger.Kill();
            younger.WaitForExit();
        }
    }

    [Fact]
    public void A_stat_line_is_read_after_the_last_parenthesis_whatever_the_command_name_holds()
    {
        // comm is up to 15 bytes of the program's name, which may hold spaces, parentheses and digits.
        var name = Gen.OneOf(Gen.Const(")"), Gen.Const("("), Gen.Const(" "), Gen.Const(") 1 2 ("), Gen.String.AlphaNumeric).Array[0, 4]
            .Select(parts => string.Concat(parts));
        Gen.Select(name, Gen.OneOf(Gen.Const('S'), Gen.Const('Z'), Gen.Const('R')), Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Long[0, long.MaxValue / 100])
            .Sample((comm, state, parent, session, start) =>
            {
                var line = $"4242 ({comm}) {state} {parent} 77 {session} 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 {start} 1 2 18446744073709551615 3\n";

                Assert.Equal((state == 'Z', parent, session, start), Descendants.ParseStat(Encoding.UTF8.GetBytes(line)));
            });
    }

    [Theory]
    [InlineData("")]
    [InlineData("4242 (no closing parenthesis S 1 2 3")]
    [InlineData("4242 (cut) S 1 77")]
    [InlineData("4242 (x) S -1 77 5 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 9")]
    public void A_stat_line_that_is_cut_or_malformed_is_no_process(string line)
    {
        Assert.Null(Descendants.ParseStat(Encoding.UTF8.GetBytes(line)));
    }

    [Fact]
    public void This_process_stat_read_from_proc_matches_the_file()
    {
        var stat = Descendants.ParseStat(File.ReadAllBytes($"/proc/{Environment.ProcessId}/stat"));

        Assert.NotNull(stat);
        Assert.Equal(stat.Value.StartTime, Descendants.StartTimeOf(Environment.ProcessId));
        Assert.True(Descendants.InSession(Environment.ProcessId, stat.Value.Session));
    }

    [Fact]
    public void A_tagged_child_is_found_with_the_floor_taken_before_it_started()
    {
        var floor = Descendants.StartTimeFloor();
        var tag = Descendants.NewTag();
        var info = new ProcessStartInfo("sleep", "5") { UseShellExecute = false };
        info.Environment[Descendants.TagVariable] = tag;
        using var tagged = Process.Start(info)!;
        try
        {
            Assert.Equal([tagged.Id], Descendants.FindTagged(tag, except: 0, startedFrom: floor));
        }
        finally
        {
            tagged.Kill();
            tagged.WaitForExit();
        }
    }

    [Fact]
    public void A_grandchild_is_listed_below_this_process_and_below_its_parent_from_the_children_lists()
    {
        var info = new ProcessStartInfo("sh", ["-c", "sleep 30 & echo $!; wait"]) { UseShellExecute = false, RedirectStandardOutput = true };
        using var child = Process.Start(info)!;
        try
        {
            var grandchild = int.Parse(child.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);

            var belowHere = Descendants.TryListBelow(Environment.ProcessId);
            Assert.NotNull(belowHere);
            Assert.Contains(child.Id, belowHere);
            Assert.Contains(grandchild, belowHere);
            Assert.Equal([grandchild], Descendants.TryListBelow(child.Id));
            Assert.Equal([grandchild], Descendants.Below(child.Id));
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
    }

    [Fact]
    public void A_child_is_listed_while_the_thread_that_forked_it_ends_and_the_kernel_moves_it_to_another_thread()
    {
        // A child belongs to the thread that forked it; when that thread ends, the kernel moves it to another thread of the
        // process, possibly one the walk had read already. Each round walks while the forking thread ends.
        var missed = new List<int>();
        for (var round = 0; round < 200; round++)
        {
            Process? child = null;
            using var started = new ManualResetEventSlim();
            var forker = new Thread(() =>
            {
                child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
                started.Set();
            });
            forker.Start();
            started.Wait();
            try
            {
                while (forker.IsAlive)
                {
                    if (Descendants.TryListBelow(Environment.ProcessId) is { } below && !below.Contains(child!.Id))
                    {
                        missed.Add(child.Id);
                    }
                }
            }
            finally
            {
                child!.Kill();
                child.WaitForExit();
                child.Dispose();
            }
        }

        Assert.Empty(missed);
    }
}
