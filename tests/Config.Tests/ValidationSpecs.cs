using Microsoft.Extensions.DependencyInjection;
using System;
using System.Collections.Generic;
using System.Linq;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Mistakes caught at start (<c>ValidateOnStart</c>) rather than by a waitress traceback: one test per rule of
/// <see cref="WaitressArgsValidator"/> and <c>ProdServerOptionsValidator</c>, each message naming the process and the key.
/// </summary>
public sealed class ValidationSpecs
{
    private const string App = "mysite.wsgi:application";

    private static string FailureFor(Func<WaitressArgs, WaitressArgs> configure) =>
        Options.SingleFailure(o => o.UseWaitress(App, configure));

    private static void AssertNames(string failure, string key, string problem)
    {
        Assert.StartsWith("Process 'web': ", failure, StringComparison.Ordinal);
        Assert.Contains(problem, failure, StringComparison.Ordinal);
        Assert.EndsWith($"(ProdServer:Processes:web:{key})", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_process_starts_without_complaint()
    {
        var options = Options.Resolve(o => o.UseWaitress(App, w => w with
        {
            Host = "127.0.0.1", Port = 8000, Threads = 4, ChannelTimeout = 60,
            TrustedProxy = "127.0.0.1", TrustedProxyCount = 1, TrustedProxyHeaders = [TrustedProxyHeader.XForwardedProto],
            UnixSocketPerms = "0660", ChannelRequestLookahead = 0, ExtraArgs = ["--some-newer-flag"],
        }));

        Assert.Equal("web", Assert.Single(options.Processes).Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(-80)]
    public void A_port_outside_1_to_65535_is_refused(int port)
    {
        AssertNames(FailureFor(w => w with { Port = port }), "Args:Port", $"Port must be between 1 and 65535, got {port}.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_host_is_refused(string host)
    {
        AssertNames(FailureFor(w => w with { Host = host }), "Args:Host", "Host must not be empty");
    }

    [Fact]
    public void Zero_threads_are_refused()
    {
        // The exact message users see; documented in the brief and the docs.
        Assert.Equal(
            "Process 'web': Threads must be at least 1, got 0. (ProdServer:Processes:web:Args:Threads)",
            FailureFor(w => w with { Threads = 0 }));
    }

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData(null, 8000)]
    public void Listen_cannot_be_combined_with_host_or_port(string? host, int? port)
    {
        AssertNames(FailureFor(w => w with { Host = host, Port = port, Listen = ["127.0.0.1:8000"] }), "Args:Listen", "Listen cannot be combined with Host or Port");
    }

    [Fact]
    public void A_unix_socket_cannot_be_combined_with_host_port_or_listen()
    {
        var failures = Options.Failures(o =>
        {
            o.UseWaitress(App, w => w with { UnixSocket = "/run/a.sock", Host = "127.0.0.1" });
            o.Process("two").UseWaitress(App, w => w with { UnixSocket = "/run/b.sock", Port = 8000 });
            o.Process("three").UseWaitress(App, w => w with { UnixSocket = "/run/c.sock", Listen = ["*:8000"] });
        });

        Assert.Equal(3, failures.Count);
        foreach (var (failure, name) in failures.Zip(["web", "two", "three"]))
        {
            Assert.Contains($"Process '{name}'", failure, StringComparison.Ordinal);
            Assert.Contains("UnixSocket cannot be combined with Host, Port or Listen", failure, StringComparison.Ordinal);
            Assert.EndsWith($"(ProdServer:Processes:{name}:Args:UnixSocket)", failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_empty_unix_socket_path_is_refused()
    {
        AssertNames(FailureFor(w => w with { UnixSocket = "" }), "Args:UnixSocket", "UnixSocket must be a path.");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:")]
    [InlineData(":8000")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:http")]
    [InlineData("[::1]:70000")]
    public void A_listen_entry_without_a_usable_port_is_refused_and_the_key_names_the_entry(string entry)
    {
        var failure = FailureFor(w => w with { Listen = ["127.0.0.1:8000", entry] });

        AssertNames(failure, "Args:Listen:1", $"Listen entry '{entry}' must be HOST:PORT");
    }

    [Theory]
    [InlineData("999")]
    [InlineData("rw-rw----")]
    [InlineData("66")]
    [InlineData("0o660")]
    public void Unix_socket_perms_that_are_not_an_octal_mode_are_refused(string perms)
    {
        AssertNames(FailureFor(w => w with { UnixSocketPerms = perms }), "Args:UnixSocketPerms", "UnixSocketPerms must be an octal file mode");
    }

    [Fact]
    public void A_trusted_proxy_count_below_1_is_refused()
    {
        AssertNames(FailureFor(w => w with { TrustedProxy = "*", TrustedProxyCount = 0 }), "Args:TrustedProxyCount", "TrustedProxyCount must be at least 1, got 0.");
    }

    [Fact]
    public void A_trusted_proxy_count_needs_a_trusted_proxy()
    {
        AssertNames(FailureFor(w => w with { TrustedProxyCount = 2 }), "Args:TrustedProxyCount", "TrustedProxyCount needs TrustedProxy");
    }

    [Fact]
    public void Trusted_proxy_headers_need_a_trusted_proxy()
    {
        AssertNames(FailureFor(w => w with { TrustedProxyHeaders = [TrustedProxyHeader.XForwardedFor] }), "Args:TrustedProxyHeaders", "TrustedProxyHeaders needs TrustedProxy");
    }

    [Fact]
    public void The_forwarded_header_cannot_be_mixed_with_x_forwarded_headers()
    {
        var failure = FailureFor(w => w with
        {
            TrustedProxy = "127.0.0.1",
            TrustedProxyHeaders = [TrustedProxyHeader.Forwarded, TrustedProxyHeader.XForwardedFor],
        });

        AssertNames(failure, "Args:TrustedProxyHeaders", "cannot mix Forwarded with X-Forwarded-* headers");
    }

    [Fact]
    public void The_forwarded_header_alone_is_fine()
    {
        var options = Options.Resolve(o => o.UseWaitress(App, w => w with
        {
            TrustedProxy = "127.0.0.1",
            TrustedProxyHeaders = [TrustedProxyHeader.Forwarded],
        }));

        Assert.Equal([TrustedProxyHeader.Forwarded], options.Waitress().TrustedProxyHeaders);
    }

    public static TheoryData<string> SizesAndCounts => new(
        "Backlog", "RecvBytes", "SendBytes", "OutbufOverflow", "OutbufHighWatermark", "InbufOverflow", "ConnectionLimit",
        "CleanupInterval", "ChannelTimeout", "MaxRequestHeaderSize", "MaxRequestBodySize", "AsyncoreLoopTimeout");

    [Theory]
    [MemberData(nameof(SizesAndCounts))]
    public void A_size_count_or_interval_below_1_is_refused(string property)
    {
        var failure = Options.SingleFailure(o => o.UseWaitress(App), new Dictionary<string, string?>
        {
            [$"ProdServer:Processes:web:Args:{property}"] = "0",
        });

        AssertNames(failure, $"Args:{property}", $"{property} must be at least 1, got 0.");
    }

    [Fact]
    public void A_negative_request_lookahead_is_refused()
    {
        AssertNames(FailureFor(w => w with { ChannelRequestLookahead = -1 }), "Args:ChannelRequestLookahead", "ChannelRequestLookahead must be 0 or more, got -1.");
    }

    [Fact]
    public void A_bad_extra_arg_is_refused_at_start_rather_than_at_launch()
    {
        var failure = FailureFor(w => w with { ExtraArgs = ["--fine", "mysite.other:app"] });

        AssertNames(failure, "Args:ExtraArgs:1", "ExtraArgs entry 'mysite.other:app' must be a long flag");
    }

    [Fact]
    public void A_process_without_an_app_is_refused()
    {
        var failure = Options.SingleFailure(settings: new Dictionary<string, string?> { ["ProdServer:Processes:web:Backend"] = "Waitress" });

        AssertNames(failure, "App", "App is required");
    }

    [Theory]
    [InlineData("mysite.wsgi.application")]
    [InlineData("mysite.wsgi:")]
    [InlineData("mysite/wsgi.py:application")]
    [InlineData("mysite.wsgi:create_app()")]
    public void An_app_that_is_not_module_colon_object_is_refused(string app)
    {
        var failure = Options.SingleFailure(o => o.UseWaitress(app));

        AssertNames(failure, "App", $"App '{app}' must be 'module:object'");
    }

    [Fact]
    public void Declaring_no_process_at_all_is_refused()
    {
        var failure = Options.SingleFailure();

        Assert.Contains("declares no process", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_process_that_is_not_declared_is_refused_with_the_declared_ones()
    {
        var failure = Options.SingleFailure(
            o =>
            {
                o.UseWaitress(App);
                o.Process("admin").UseWaitress(App);
            },
            new Dictionary<string, string?> { ["ProdServer:Default"] = "worker" });

        Assert.Contains("ProdServer:Default names process 'worker'", failure, StringComparison.Ordinal);
        Assert.Contains("declared: web, admin", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_default_process_is_refused_with_the_process_meant()
    {
        var failure = Options.SingleFailure(
            o =>
            {
                o.UseWaitress(App);
                o.Process("admin").UseWaitress(App);
            },
            new Dictionary<string, string?> { ["ProdServer:Default"] = "amdin" });

        Assert.Contains("ProdServer:Default names process 'amdin', which is not declared (did you mean 'admin'?); declared: web, admin.", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_stop_timeout_that_is_not_positive_is_refused(int seconds)
    {
        var failure = Options.SingleFailure(o => o.UseWaitress(App).StopTimeout(TimeSpan.FromSeconds(seconds)));

        AssertNames(failure, "StopTimeout", "StopTimeout must be positive");
    }

    [Fact]
    public void Args_of_another_server_are_refused_for_a_waitress_process()
    {
        var failure = Options.SingleFailure(o =>
        {
            o.UseWaitress(App);
            o.Options.Find("web")!.Args = new OtherServerArgs();
        });

        AssertNames(failure, "Args", "Args must be WaitressArgs for the Waitress backend, not OtherServerArgs.");
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var failures = Options.Failures(
            o =>
            {
                o.UseWaitress(App, w => w with { Port = 0, Threads = 0 });
                o.Process("admin").UseWaitress("admin");
            },
            new Dictionary<string, string?>
            {
                ["ProdServer:Processes:web:Args:ChannelTimeout"] = "soon",
                ["ProdServer:Processes:web:Args:Thread"] = "4",
            });

        Assert.Equal(5, failures.Count);
        Assert.Contains(failures, f => f.Contains("'soon' is not a whole number", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Args:Thread is not an option", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.EndsWith("(ProdServer:Processes:web:Args:Port)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.EndsWith("(ProdServer:Processes:web:Args:Threads)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Process 'admin': App 'admin'", StringComparison.Ordinal));
    }

    /// <summary>Stands in for the args record of some other backend.</summary>
    private sealed class OtherServerArgs : IServerArgs
    {
        public string Command => "other-serve";

        public IReadOnlyList<FlagInfo> Flags => [];

        public void AppendArguments(IList<string> argv)
        {
        }

        public IServerArgs Bind(ArgsConfigurationReader reader) => this;
    }
}
