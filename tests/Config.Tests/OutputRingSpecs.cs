using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The tail's ring: a follower slower than the server is told how many lines it missed, never skips in silence.</summary>
public sealed class OutputRingSpecs
{
    [Fact]
    public async Task A_follower_that_fell_behind_the_ring_gets_the_kept_lines_and_the_count_it_missed()
    {
        var ring = new OutputRing(3);
        var (_, next) = ring.Last(0);
        for (var i = 0; i < 10; i++)
        {
            ring.Add("line " + i);
        }

        var (lines, after, skipped) = await ring.WaitAfterAsync(next, CancellationToken.None);

        Assert.Equal(["line 7", "line 8", "line 9"], lines);
        Assert.Equal(10, after);
        Assert.Equal(7, skipped);
        Assert.Equal("-- 7 lines skipped: written faster than tail read them (the log has every line) --",
            ControlCommandLine.SkippedNote(new ControlResponse { Ok = true, Lines = lines, Skipped = skipped }));
    }

    [Fact]
    public async Task A_follower_that_kept_up_misses_nothing_and_is_told_nothing()
    {
        var ring = new OutputRing(3);
        var (_, next) = ring.Last(0);
        ring.Add("a");
        ring.Add("b");

        var (lines, _, skipped) = await ring.WaitAfterAsync(next, CancellationToken.None);

        Assert.Equal(["a", "b"], lines);
        Assert.Equal(0, skipped);
        Assert.Null(ControlCommandLine.SkippedNote(new ControlResponse { Ok = true, Lines = lines }));
    }
}
