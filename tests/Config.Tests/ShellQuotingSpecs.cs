using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>A printed command line (<c>--dry-run</c>) can be pasted into a POSIX shell and runs the same argv.</summary>
public sealed class ShellQuotingSpecs
{
    [Theory]
    [InlineData("waitress-serve")]
    [InlineData("--port=8000")]
    [InlineData("--listen=0.0.0.0:8000")]
    [InlineData("/usr/bin/python3")]
    [InlineData("mysite.wsgi:application")]
    [InlineData("user@host,a+b%c")]
    public void A_plain_word_is_left_as_it_is(string word)
    {
        Assert.Equal(word, ShellQuoting.Quote(word));
    }

    [Theory]
    [InlineData("--trusted-proxy-headers=x-forwarded-for x-forwarded-proto", "'--trusted-proxy-headers=x-forwarded-for x-forwarded-proto'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("a\"b", "'a\"b'")]
    [InlineData("*:8000", "'*:8000'")]
    [InlineData("[::1]:8000", "'[::1]:8000'")]
    [InlineData("a;rm -rf ~", "'a;rm -rf ~'")]
    [InlineData("`id`", "'`id`'")]
    [InlineData("", "''")]
    public void A_word_the_shell_would_split_or_expand_is_single_quoted(string word, string quoted)
    {
        Assert.Equal(quoted, ShellQuoting.Quote(word));
    }

    [Fact]
    public void A_single_quote_inside_a_word_survives_quoting()
    {
        // 'it'\''s': close the quote, an escaped quote, reopen — the POSIX way, since nothing escapes inside '...'.
        Assert.Equal("'it'\\''s'", ShellQuoting.Quote("it's"));
    }

    [Fact]
    public void The_plan_prints_each_argument_quoted_as_needed()
    {
        var plan = new LaunchPlan("web", "/opt/my app/bin/waitress-serve", ["--ident=my site", "--port=8000", "mysite.wsgi:application"], "/srv", new System.Collections.Generic.Dictionary<string, string>());

        Assert.Equal("'/opt/my app/bin/waitress-serve' '--ident=my site' --port=8000 mysite.wsgi:application", plan.CommandLine);
    }
}
