using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>A configured value in a message: quoted whole when short, cut and measured when long.</summary>
public sealed class QuotedSpecs
{
    [Fact]
    public void A_short_value_is_quoted_whole_and_a_missing_one_as_empty()
    {
        Assert.Equal("'250m'", Quoted.Value("250m"));
        Assert.Equal("''", Quoted.Value(null));
        Assert.Equal("'" + new string('x', Quoted.LongestShown) + "'", Quoted.Value(new string('x', Quoted.LongestShown)));
    }

    [Fact]
    public void A_long_value_shows_its_start_and_its_length_and_never_half_a_character()
    {
        Assert.Equal("'" + new string('x', Quoted.LongestShown) + "…' (100000 characters)", Quoted.Value(new string('x', 100_000)));

        var astral = new string('x', Quoted.LongestShown - 1) + "𝄞" + new string('y', 50);
        Assert.Equal("'" + new string('x', Quoted.LongestShown - 1) + "…' (151 characters)", Quoted.Value(astral));
    }

    [Fact]
    public void A_value_start_up_refuses_is_quoted_so_in_its_message()
    {
        var message = SupervisionLimits.Cpu(new string('9', 5000) + "x");

        Assert.NotNull(message);
        Assert.EndsWith("…' (5001 characters).", message);
        Assert.True(message!.Length < 300, message);
    }
}
