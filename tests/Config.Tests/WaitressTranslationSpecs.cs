using System;
using System.Collections.Generic;
using System.Linq;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>What <c>waitress-serve</c> receives for each <see cref="WaitressArgs"/> property (the generated <c>AppendArguments</c>).</summary>
public sealed class WaitressTranslationSpecs
{
    // One representative value per option, and the argv waitress's getopt parser expects for it
    // (always the full name with '=', booleans bare or --no-, never --flag=True; see ../shared/reference/README.md).
    private static readonly Dictionary<string, (WaitressArgs Args, string[] Argv)> Cases = new()
    {
        ["Call"] = (new() { Call = true }, ["--call"]),
        ["Host"] = (new() { Host = "127.0.0.1" }, ["--host=127.0.0.1"]),
        ["Port"] = (new() { Port = 8000 }, ["--port=8000"]),
        ["Ipv4"] = (new() { Ipv4 = false }, ["--no-ipv4"]),
        ["Ipv6"] = (new() { Ipv6 = true }, ["--ipv6"]),
        ["Listen"] = (new() { Listen = ["127.0.0.1:8000", "[::1]:8000"] }, ["--listen=127.0.0.1:8000", "--listen=[::1]:8000"]),
        ["Threads"] = (new() { Threads = 4 }, ["--threads=4"]),
        ["TrustedProxy"] = (new() { TrustedProxy = "127.0.0.1" }, ["--trusted-proxy=127.0.0.1"]),
        ["TrustedProxyCount"] = (new() { TrustedProxyCount = 2 }, ["--trusted-proxy-count=2"]),
        // waitress splits this one value on white space itself; repeating the flag would keep only the last.
        ["TrustedProxyHeaders"] = (new() { TrustedProxyHeaders = [TrustedProxyHeader.XForwardedFor, TrustedProxyHeader.XForwardedProto] },
            ["--trusted-proxy-headers=x-forwarded-for x-forwarded-proto"]),
        ["LogUntrustedProxyHeaders"] = (new() { LogUntrustedProxyHeaders = true }, ["--log-untrusted-proxy-headers"]),
        ["ClearUntrustedProxyHeaders"] = (new() { ClearUntrustedProxyHeaders = false }, ["--no-clear-untrusted-proxy-headers"]),
        ["UrlScheme"] = (new() { UrlScheme = "https" }, ["--url-scheme=https"]),
        ["UrlPrefix"] = (new() { UrlPrefix = "/shop" }, ["--url-prefix=/shop"]),
        ["Backlog"] = (new() { Backlog = 2048 }, ["--backlog=2048"]),
        ["RecvBytes"] = (new() { RecvBytes = 16384 }, ["--recv-bytes=16384"]),
        ["SendBytes"] = (new() { SendBytes = 18000 }, ["--send-bytes=18000"]),
        ["OutbufOverflow"] = (new() { OutbufOverflow = 1048576 }, ["--outbuf-overflow=1048576"]),
        ["OutbufHighWatermark"] = (new() { OutbufHighWatermark = 16777216 }, ["--outbuf-high-watermark=16777216"]),
        ["InbufOverflow"] = (new() { InbufOverflow = 524288 }, ["--inbuf-overflow=524288"]),
        ["ConnectionLimit"] = (new() { ConnectionLimit = 1000 }, ["--connection-limit=1000"]),
        ["CleanupInterval"] = (new() { CleanupInterval = 30 }, ["--cleanup-interval=30"]),
        ["ChannelTimeout"] = (new() { ChannelTimeout = 60 }, ["--channel-timeout=60"]),
        ["LogSocketErrors"] = (new() { LogSocketErrors = false }, ["--no-log-socket-errors"]),
        ["MaxRequestHeaderSize"] = (new() { MaxRequestHeaderSize = 262144 }, ["--max-request-header-size=262144"]),
        ["MaxRequestBodySize"] = (new() { MaxRequestBodySize = 1073741824 }, ["--max-request-body-size=1073741824"]),
        ["ExposeTracebacks"] = (new() { ExposeTracebacks = false }, ["--no-expose-tracebacks"]),
        // An empty ident is meaningful: waitress then sends no Server header at all.
        ["Ident"] = (new() { Ident = string.Empty }, ["--ident="]),
        ["AsyncoreLoopTimeout"] = (new() { AsyncoreLoopTimeout = 2 }, ["--asyncore-loop-timeout=2"]),
        ["AsyncoreUsePoll"] = (new() { AsyncoreUsePoll = true }, ["--asyncore-use-poll"]),
        ["UnixSocket"] = (new() { UnixSocket = "/run/mysite/waitress.sock" }, ["--unix-socket=/run/mysite/waitress.sock"]),
        ["UnixSocketPerms"] = (new() { UnixSocketPerms = "660" }, ["--unix-socket-perms=660"]),
        ["Sockets"] = (new() { Sockets = "3" }, ["--sockets=3"]),
        ["ChannelRequestLookahead"] = (new() { ChannelRequestLookahead = 5 }, ["--channel-request-lookahead=5"]),
        ["ServerName"] = (new() { ServerName = "www.example.com" }, ["--server-name=www.example.com"]),
    };

    public static TheoryData<string> Options => new(Cases.Keys);

    private static string[] Translate(WaitressArgs args)
    {
        var argv = new List<string>();
        args.AppendArguments(argv);
        return [.. argv];
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void I_can_set_any_waitress_option_and_waitress_gets_exactly_its_flag(string property)
    {
        var (args, expected) = Cases[property];
        // A decimal comma, a Unicode minus and a group separator: any culture-sensitive formatting shows up as a wrong flag.
        using var _ = CultureScope.Hostile("fr-FR");

        Assert.Equal(expected, Translate(args));
    }

    [Fact]
    public void Every_waitress_option_has_a_translation_case_here()
    {
        var options = WaitressArgs.ServerFlags.Where(f => f.Kind != FlagKind.Extra).Select(f => f.Property);

        Assert.Equal(options.Order(), Cases.Keys.Order());
        Assert.Equal(35, Cases.Count);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("de-DE")]
    public void My_numbers_reach_waitress_in_invariant_form_whatever_the_machine_culture(string culture)
    {
        using var _ = CultureScope.Hostile(culture);
        var args = new WaitressArgs
        {
            Threads = 12345,
            MaxRequestBodySize = 10L * 1024 * 1024 * 1024, // 10 GiB: beyond int, so the long path is exercised
            // Not a valid waitress value (the validator refuses it), but formatting must not depend on validation.
            ChannelRequestLookahead = -1,
        };

        Assert.Equal(
            ["--threads=12345", "--max-request-body-size=10737418240", "--channel-request-lookahead=-1"],
            Translate(args));
    }

    [Theory]
    [InlineData(true, "--ipv4")]
    [InlineData(false, "--no-ipv4")]
    public void I_can_turn_ipv4_on_and_off(bool value, string expected)
    {
        Assert.Equal([expected], Translate(new WaitressArgs { Ipv4 = value }));
    }

    [Theory]
    [InlineData(true, "--expose-tracebacks")]
    [InlineData(false, "--no-expose-tracebacks")]
    public void I_can_turn_expose_tracebacks_on_and_off_without_the_value_form_waitress_rejects(bool value, string expected)
    {
        var argv = Translate(new WaitressArgs { ExposeTracebacks = value });

        Assert.Equal([expected], argv);
        // waitress-serve --expose-tracebacks=True exits 1: "option --expose-tracebacks must not have an argument".
        Assert.DoesNotContain(argv, a => a.Contains('='));
    }

    [Fact]
    public void I_can_mark_the_app_as_a_factory_with_call()
    {
        Assert.Equal(["--call"], Translate(new WaitressArgs { Call = true }));
    }

    [Fact]
    public void Setting_call_to_false_passes_nothing_because_waitress_has_no_no_call()
    {
        Assert.Empty(Translate(new WaitressArgs { Call = false }));
    }

    [Fact]
    public void Options_I_leave_unset_are_not_passed_so_waitress_defaults_apply()
    {
        Assert.Empty(Translate(new WaitressArgs()));
    }

    [Fact]
    public void I_can_listen_on_several_addresses_with_one_flag_each()
    {
        var argv = Translate(new WaitressArgs { Listen = ["0.0.0.0:8000", "[::]:8000", "*:8080"] });

        Assert.Equal(["--listen=0.0.0.0:8000", "--listen=[::]:8000", "--listen=*:8080"], argv);
    }

    [Fact]
    public void I_can_trust_several_proxy_headers_in_one_space_separated_argument()
    {
        var argv = Translate(new WaitressArgs
        {
            TrustedProxy = "10.0.0.1",
            TrustedProxyHeaders = [TrustedProxyHeader.XForwardedFor, TrustedProxyHeader.XForwardedHost, TrustedProxyHeader.XForwardedProto, TrustedProxyHeader.XForwardedPort],
        });

        Assert.Equal(
            ["--trusted-proxy=10.0.0.1", "--trusted-proxy-headers=x-forwarded-for x-forwarded-host x-forwarded-proto x-forwarded-port"],
            argv);
    }

    [Fact]
    public void Empty_lists_pass_nothing()
    {
        Assert.Empty(Translate(new WaitressArgs { Listen = [], TrustedProxyHeaders = [], ExtraArgs = [] }));
    }

    [Fact]
    public void A_fully_configured_record_writes_its_flags_in_declaration_order_and_extra_args_last()
    {
        // Every case's value in one record, built by copying each case's property over.
        object all = new WaitressArgs { ExtraArgs = ["--a-flag-from-a-newer-waitress=1", "--another-one"] };
        foreach (var property in Cases.Keys)
        {
            var info = typeof(WaitressArgs).GetProperty(property)!;
            info.SetValue(all, info.GetValue(Cases[property].Args));
        }

        var argv = Translate((WaitressArgs)all);

        var expected = WaitressArgs.ServerFlags
            .Where(f => f.Kind != FlagKind.Extra)
            .SelectMany(f => Cases[f.Property].Argv)
            .Concat(["--a-flag-from-a-newer-waitress=1", "--another-one"]);
        Assert.Equal(expected, argv);
        Assert.Equal("ExtraArgs", WaitressArgs.ServerFlags[^1].Property);
    }

    [Fact]
    public void I_can_pass_a_flag_this_sdk_does_not_know_yet_through_extra_args()
    {
        var argv = Translate(new WaitressArgs { Port = 8000, ExtraArgs = ["--app=mysite.wsgi:application"] });

        Assert.Equal(["--port=8000", "--app=mysite.wsgi:application"], argv);
    }

    [Theory]
    [InlineData("mysite.wsgi:application")] // a positional word would be taken for the app target
    [InlineData("-v")]
    [InlineData("--")]
    [InlineData("--threads=4\n--call")]
    [InlineData("--ident=a\rb")]
    public void An_extra_arg_that_is_not_one_long_flag_is_refused_naming_extra_args(string entry)
    {
        var args = new WaitressArgs { ExtraArgs = ["--fine", entry] };

        var ex = Assert.Throws<ArgumentException>(() => Translate(args));

        Assert.Equal("ExtraArgs", ex.ParamName);
        Assert.Contains("ExtraArgs", ex.Message, StringComparison.Ordinal);
    }
}
