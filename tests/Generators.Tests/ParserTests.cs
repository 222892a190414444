using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>The parser's text rules, which decide what reaches the command line.</summary>
public sealed class ParserTests
{
    [Theory]
    [InlineData("XForwardedFor", "x-forwarded-for")]
    [InlineData("Forwarded", "forwarded")]
    [InlineData("HTTPOnly", "http-only")]
    [InlineData("Ipv6", "ipv6")]
    [InlineData("Http2Server", "http2-server")]
    [InlineData("Already_Snake", "already-snake")]
    [InlineData("lower", "lower")]
    public void Enum_members_without_ServerValue_are_kebab_cased(string member, string expected) =>
        Assert.Equal(expected, Parser.KebabCase(member));

    [Theory]
    [InlineData("channel-timeout", true)]
    [InlineData("ipv4", true)]
    [InlineData("", false)]
    [InlineData("-x", false)]
    [InlineData("a b", false)]
    [InlineData("a\tb", false)]
    [InlineData("a=b", false)]
    public void Flag_names(string name, bool valid) =>
        Assert.Equal(valid, Parser.FlagNameProblem(name) is null);

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    public void Literals_are_escaped(string text, string expected) =>
        Assert.Equal(expected, Emitter.Literal(text));
}
