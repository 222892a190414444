using System;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The restart back-off: exponential, jittered, capped.</summary>
public sealed class BackoffSpecs
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(1000, 30)]
    public void Without_jitter_the_delay_doubles_per_failed_start_up_to_the_cap(int failures, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), ProcessSupervisor.Backoff(Second, Cap, failures, random: 0.5));
    }

    [Fact]
    public void Jitter_spreads_the_delay_by_a_quarter_either_way_but_never_past_the_cap()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), ProcessSupervisor.Backoff(Second, Cap, 3, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(5), ProcessSupervisor.Backoff(Second, Cap, 3, random: 1));
        Assert.Equal(Cap, ProcessSupervisor.Backoff(Second, Cap, 10, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(22.5), ProcessSupervisor.Backoff(Second, Cap, 10, random: 0));
    }
}
