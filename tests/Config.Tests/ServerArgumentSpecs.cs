using System;
using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The hand-written formatting every generated translator calls (for backends beyond waitress too).</summary>
public sealed class ServerArgumentSpecs
{
    [Fact]
    public void A_fractional_number_is_written_with_a_dot_on_a_machine_that_uses_a_decimal_comma()
    {
        using var _ = CultureScope.Hostile("fr-FR");
        var argv = new List<string>();

        ServerArgument.Value(argv, "timeout-graceful-shutdown", 2.5);
        ServerArgument.Value(argv, "limit", -0.25);

        Assert.Equal(["--timeout-graceful-shutdown=2.5", "--limit=-0.25"], argv);
    }

    [Theory]
    [InlineData(BooleanStyle.Negatable, true, new[] { "--reload" })]
    [InlineData(BooleanStyle.Negatable, false, new[] { "--no-reload" })]
    [InlineData(BooleanStyle.Switch, true, new[] { "--reload" })]
    [InlineData(BooleanStyle.Switch, false, new string[0])]
    [InlineData(BooleanStyle.NegativeSwitch, true, new string[0])]
    [InlineData(BooleanStyle.NegativeSwitch, false, new[] { "--no-reload" })]
    [InlineData(BooleanStyle.Value, true, new[] { "--reload=true" })]
    [InlineData(BooleanStyle.Value, false, new[] { "--reload=false" })]
    public void A_boolean_is_spelled_the_way_its_server_parses_it(BooleanStyle style, bool value, string[] expected)
    {
        var argv = new List<string>();

        ServerArgument.Boolean(argv, "reload", value, style);

        Assert.Equal(expected, argv);
    }

    [Fact]
    public void A_boolean_without_a_declared_style_is_refused_rather_than_guessed()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ServerArgument.Boolean(new List<string>(), "reload", true, BooleanStyle.Unspecified));

        Assert.Contains("--reload", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unset_boolean_writes_nothing_in_any_style()
    {
        var argv = new List<string>();

        foreach (var style in Enum.GetValues<BooleanStyle>())
        {
            ServerArgument.Boolean(argv, "reload", null, style);
        }

        Assert.Empty(argv);
    }

    [Fact]
    public void A_repeated_list_writes_one_flag_per_value_and_a_joined_list_one_flag_in_all()
    {
        var argv = new List<string>();

        ServerArgument.Repeated(argv, "bind", ["a:1", "b:2"]);
        ServerArgument.Joined(argv, "forwarded-allow-ips", ["10.0.0.1", "10.0.0.2"], ",");

        Assert.Equal(["--bind=a:1", "--bind=b:2", "--forwarded-allow-ips=10.0.0.1,10.0.0.2"], argv);
    }

    [Theory]
    [InlineData("--new-flag", true)]
    [InlineData("--new-flag=value with spaces", true)]
    [InlineData("new-flag", false)]
    [InlineData("-n", false)]
    [InlineData("--", false)]
    [InlineData("--a\nb", false)]
    [InlineData(null, false)]
    public void An_extra_argument_is_acceptable_only_as_one_long_flag(string? entry, bool acceptable)
    {
        Assert.Equal(acceptable, ServerArgument.ExtraArgumentProblem(entry) is null);
    }

    [Theory]
    [InlineData("--a\nb\u001b[31m", "'--a\\nb\\x1b[31m' must not contain a line break")]
    [InlineData("-x\r\nkind", "'-x\\r\\nkind' must be a long flag")]
    public void A_refused_extra_argument_is_shown_on_one_line_with_its_control_characters_escaped(string entry, string shown)
    {
        var refused = Assert.Throws<ArgumentException>(() => ServerArgument.Extra(new List<string>(), "ExtraArgs", [entry]));

        Assert.Contains(shown, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.DoesNotContain('\u001b', refused.Message);
    }
}
