using System;
using System.Diagnostics;
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
}
