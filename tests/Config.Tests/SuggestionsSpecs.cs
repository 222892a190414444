using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>"Did you mean": which slips find the name meant, and which names are too far off to guess.</summary>
public sealed class SuggestionsSpecs
{
    private static readonly string[] Processes = ["web", "worker", "beat"];
    private static readonly string[] Keys = ["Threads", "ChannelTimeout", "Port"];

    [Theory]
    [InlineData("wbe", "web")]          // two letters swapped
    [InlineData("webb", "web")]         // one letter too many
    [InlineData("wokrer", "worker")]
    [InlineData("Threds", "Threads")]   // one letter missing
    [InlineData("Thraeds", "Threads")]
    [InlineData("channel_timeout", "ChannelTimeout")] // case, '-' and '_' ignored
    [InlineData("prot", "Port")]
    public void A_slip_finds_the_name_meant(string written, string meant) =>
        Assert.Equal(meant, Suggestions.Closest(written, [.. Processes, .. Keys]));

    [Theory]
    [InlineData("redis")]
    [InlineData("ebw")]      // a swap and more: not one slip
    [InlineData("flower")]
    public void A_name_too_far_from_every_candidate_gets_no_guess(string written) =>
        Assert.Null(Suggestions.Closest(written, [.. Processes, .. Keys]));

    [Fact]
    public void The_message_text_names_the_guess_or_is_empty()
    {
        Assert.Equal(" (did you mean 'web'?)", Suggestions.DidYouMean("wbe", Processes));
        Assert.Equal(string.Empty, Suggestions.DidYouMean("redis", Processes));
    }
}
