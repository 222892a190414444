using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The entry point's own words on the command line, told apart from host configuration.</summary>
public sealed class CommandLineSpecs
{
    [Fact]
    public void Bare_words_are_process_names()
    {
        var parsed = ProdServerCommandLine.Parse(["web", "worker"]);

        Assert.Equal(["web", "worker"], parsed.Names);
        Assert.False(parsed.List || parsed.DryRun || parsed.Help);
    }

    [Theory]
    [InlineData("--environment Production web --dry-run")]
    [InlineData("--environment=Production web --dry-run")]
    [InlineData("/environment Production web --dry-run")]
    [InlineData("--dry-run --ProdServer:Processes:web:Args:Threads 8 web")]
    public void The_value_of_a_host_option_is_not_a_process_name(string commandLine)
    {
        var parsed = ProdServerCommandLine.Parse(commandLine.Split(' '));

        Assert.Equal(["web"], parsed.Names);
        Assert.True(parsed.DryRun);
    }

    [Fact]
    public void Words_after_a_double_dash_are_never_process_names()
    {
        var parsed = ProdServerCommandLine.Parse(["web", "--", "admin"]);

        Assert.Equal(["web"], parsed.Names);
    }
}
