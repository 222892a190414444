using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.ServerArgsAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>PSC0002–PSC0011: the waitress settings rules as <see cref="ServerArgsAnalyzer"/> reports them in code.</summary>
public sealed class ServerArgsAnalyzerTests
{
    private static Task VerifyAsync(string members, params DiagnosticResult[] expected) => Verify.AnalyzerAsync<ServerArgsAnalyzer>(Wrap(members), expected);

    private static string Wrap(string initializer) => $$"""
        using System;
        using ProdServer.Config;

        class C
        {
            WaitressArgs M(WaitressArgs w) => w with { {{initializer}} };
        }
        """;

    private static DiagnosticResult D(RuleInfo rule, int markup, params object[] arguments) => Verify.Diagnostic(rule, markup).WithArguments(arguments);

    [Fact]
    public Task Reports_a_privileged_port_in_Port_and_in_Listen() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs A() => new WaitressArgs { {|#0:Port = 80|} };
            WaitressArgs B() => new WaitressArgs { {|#1:Listen = ["0.0.0.0:443"]|} };
            WaitressArgs D() => new WaitressArgs { {|#2:Listen = new[] { "127.0.0.1:8000", "[::]:80" }|} };
        }
        """, D(RuleRegistry.PrivilegedPort, 0, "Port", 80L), D(RuleRegistry.PrivilegedPort, 1, "Listen", 443), D(RuleRegistry.PrivilegedPort, 2, "Listen", 80));

    [Theory]
    [InlineData("Port = 8000")]
    [InlineData("Port = 1024")]
    [InlineData("Listen = [\"127.0.0.1:8000\", \"[::1]:8080\"]")]
    public Task Does_not_report_a_high_port(string setting) => VerifyAsync(setting);

    [Fact]
    public Task Reports_Listen_with_Host_or_Port_and_UnixSocket_with_any_of_them() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs A() => new WaitressArgs { Host = "127.0.0.1", Port = 8000, {|#0:Listen = ["127.0.0.1:8001"]|} };
            WaitressArgs B() => new WaitressArgs { {|#1:UnixSocket = "/run/web.sock"|}, Port = 8000 };
        }
        """, D(RuleRegistry.ConflictingBindSettings, 0, "Listen", "Host and Port"), D(RuleRegistry.ConflictingBindSettings, 1, "UnixSocket", "Port"));

    [Theory]
    [InlineData("Host = \"127.0.0.1\", Port = 8000")]
    [InlineData("Listen = [\"127.0.0.1:8000\"]")]
    [InlineData("UnixSocket = \"/run/web.sock\", UnixSocketPerms = \"660\"")]
    [InlineData("Listen = null, Host = \"127.0.0.1\"")]
    public Task Does_not_report_one_way_of_binding(string setting) => VerifyAsync(setting);

    [Theory]
    [InlineData("666")]
    [InlineData("0777")]
    [InlineData("664")]
    public Task Reports_socket_permissions_wider_than_660(string perms) => VerifyAsync(
        $"UnixSocket = \"/run/web.sock\", {{|#0:UnixSocketPerms = \"{perms}\"|}}", D(RuleRegistry.UnixSocketPermsTooWide, 0, "UnixSocketPerms", perms));

    [Theory]
    [InlineData("660")]
    [InlineData("600")]
    [InlineData("0640")]
    public Task Does_not_report_socket_permissions_of_660_or_less(string perms) => VerifyAsync($"UnixSocketPerms = \"{perms}\"");

    [Fact]
    public Task Reports_more_than_16_threads() => VerifyAsync("{|#0:Threads = 32|}", D(RuleRegistry.TooManyThreads, 0, "Threads", 32L, 16));

    [Fact]
    public Task Does_not_report_16_threads() => VerifyAsync("Threads = 16");

    [Fact]
    public Task Reads_the_thread_limit_from_editorconfig() => Verify.AnalyzerAsync<ServerArgsAnalyzer>(
        Wrap("Threads = 32, {|#0:Port = 80|}") + "\nclass D { ProdServer.Config.WaitressArgs M() => new() { {|#1:Threads = 33|} }; }",
        withLibrary: true,
        editorConfig: "prodserver.max_threads = 32",
        D(RuleRegistry.PrivilegedPort, 0, "Port", 80L), D(RuleRegistry.TooManyThreads, 1, "Threads", 33L, 32));

    [Fact]
    public Task Reports_a_connection_limit_above_the_backlog() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs A() => new WaitressArgs { {|#0:ConnectionLimit = 2000|} };
            WaitressArgs B() => new WaitressArgs { {|#1:ConnectionLimit = 500|}, Backlog = 256 };
        }
        """, D(RuleRegistry.ConnectionLimitAboveBacklog, 0, "ConnectionLimit", 2000L, 1024L), D(RuleRegistry.ConnectionLimitAboveBacklog, 1, "ConnectionLimit", 500L, 256L));

    [Theory]
    [InlineData("ConnectionLimit = 1000")]
    [InlineData("ConnectionLimit = 2000, Backlog = 2048")]
    [InlineData("ConnectionLimit = 2000, Backlog = Environment.ProcessorCount * 1000")]
    [InlineData("Backlog = 64")]
    public Task Does_not_report_a_connection_limit_the_backlog_can_hold(string setting) => VerifyAsync(setting);

    [Fact]
    public Task Reports_a_cleanup_interval_longer_than_the_channel_timeout() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs A() => new WaitressArgs { {|#0:CleanupInterval = 300|} };
            WaitressArgs B() => new WaitressArgs { {|#1:ChannelTimeout = 10|} };
        }
        """, D(RuleRegistry.CleanupIntervalAboveChannelTimeout, 0, "CleanupInterval", 300L, 120L), D(RuleRegistry.CleanupIntervalAboveChannelTimeout, 1, "CleanupInterval", 30L, 10L));

    [Theory]
    [InlineData("ChannelTimeout = 60")]
    [InlineData("CleanupInterval = 10, ChannelTimeout = 10")]
    public Task Does_not_report_a_cleanup_interval_within_the_timeout(string setting) => VerifyAsync(setting);

    [Fact]
    public Task Reports_https_without_a_trusted_proxy() => VerifyAsync("{|#0:UrlScheme = \"https\"|}", D(RuleRegistry.HttpsSchemeWithoutTrustedProxy, 0, "UrlScheme"));

    [Theory]
    [InlineData("UrlScheme = \"https\", TrustedProxy = \"127.0.0.1\", TrustedProxyHeaders = [TrustedProxyHeader.XForwardedProto]")]
    [InlineData("UrlScheme = \"http\"")]
    public Task Does_not_report_https_behind_a_trusted_proxy(string setting) => VerifyAsync(setting);

    [Fact]
    public Task Reports_the_deprecated_send_bytes() => VerifyAsync("{|#0:SendBytes = 18000|}", D(RuleRegistry.DeprecatedSetting, 0, "SendBytes", "waitress 2.0 and later flush output as soon as it is written"));

    [Fact]
    public Task Reports_a_trusted_proxy_without_trusted_headers() => VerifyAsync("{|#0:TrustedProxy = \"127.0.0.1\"|}", D(RuleRegistry.TrustedProxyWithoutHeaders, 0, "TrustedProxy"));

    [Fact]
    public Task Reports_a_Unix_socket_only_when_the_build_targets_Windows()
    {
        var test = new Test
        {
            TestCode = Wrap("{|#0:UnixSocket = \"/run/web.sock\"|}"),
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RuntimeIdentifier = win-x64\n"));
        test.ExpectedDiagnostics.Add(D(RuleRegistry.UnixSocketOnWindows, 0, "UnixSocket"));
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("build_property.TargetFramework = net8.0-windows10.0.19041")]
    [InlineData("build_property.TargetPlatformIdentifier = Windows")]
    public Task Knows_a_Windows_build_by_its_target_framework_or_platform(string property)
    {
        var test = new Test { TestCode = Wrap("{|#0:UnixSocket = \"/run/web.sock\"|}"), ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + property + "\n"));
        test.ExpectedDiagnostics.Add(D(RuleRegistry.UnixSocketOnWindows, 0, "UnixSocket"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Does_not_report_a_Unix_socket_for_a_Linux_build()
    {
        var test = new Test { TestCode = Wrap("UnixSocket = \"/run/web.sock\""), ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RuntimeIdentifier = linux-x64\nbuild_property.TargetFramework = net8.0\n"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Follows_a_local_that_is_never_reassigned() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M()
            {
                var port = 80;
                var threads = 64;
                threads = 8;
                return new WaitressArgs { {|#0:Port = port|}, Threads = threads };
            }
        }
        """, D(RuleRegistry.PrivilegedPort, 0, "Port", 80L));

    [Fact]
    public Task Does_not_follow_a_local_written_again_by_a_deconstruction_or_through_a_ref() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M()
            {
                var port = 80;
                (port, _) = (18207, 1);
                var many = 64;
                ((many, _), _) = ((4, 1), 2);
                var threads = 32;
                ref var alias = ref threads;
                alias = 4;
                var connections = 20;
                var backlog = 10;
                Read(out connections, ref backlog);
                var channel = 10;
                var cleanup = 60;
                (channel, var other) = (900, 1);
                var kept = 70;
                return new WaitressArgs { Port = port, Threads = many, ConnectionLimit = connections, Backlog = backlog, ChannelTimeout = channel, CleanupInterval = cleanup }
                    with { Threads = threads, {|#0:Port = kept|} };
            }

            static void Read(out int connections, ref int backlog) => connections = backlog;
        }
        """, D(RuleRegistry.PrivilegedPort, 0, "Port", 70L));

    [Fact]
    public Task Reports_an_assignment_in_the_records_own_constructor() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        namespace ProdServer.Config
        {
            public sealed partial record WaitressArgs
            {
                public WaitressArgs(bool big)
                {
                    {|#0:Threads = 100|};
                }
            }
        }
        """, D(RuleRegistry.TooManyThreads, 0, "Threads", 100L, 16));

    [Fact]
    public Task Does_not_give_production_advice_inside_an_IsDevelopment_branch() => Verify.AnalyzerAsync<ServerArgsAnalyzer>($$"""
        using ProdServer.Config;

        {{Verify.HostingStandIn}}

        namespace App
        {
            using Microsoft.Extensions.Hosting;

            class C
            {
                WaitressArgs M(IHostEnvironment env, WaitressArgs w, bool verbose)
                {
                    if (env.IsDevelopment())
                    {
                        w = w with { ExposeTracebacks = true, Threads = 64 };
                    }
                    else
                    {
                        w = w with { {|#0:Port = 80|} };
                    }

                    if (!env.IsDevelopment())
                    {
                        w = w with { {|#1:SendBytes = 1|} };
                    }
                    else
                    {
                        w = w with { ExposeTracebacks = true };
                    }

                    if (verbose && env.IsDevelopment())
                    {
                        w = w with { ExposeTracebacks = true };
                    }

                    // Waitress refuses this everywhere, so development code is still told.
                    if (env.IsDevelopment())
                    {
                        w = w with { Host = "127.0.0.1", {|#2:Listen = ["127.0.0.1:8000"]|} };
                    }

                    return env.IsDevelopment() ? w with { ExposeTracebacks = true } : w with { {|#3:ExposeTracebacks = true|} };
                }
            }
        }
        """,
        D(RuleRegistry.PrivilegedPort, 0, "Port", 80L),
        D(RuleRegistry.DeprecatedSetting, 1, "SendBytes", "waitress 2.0 and later flush output as soon as it is written"),
        D(RuleRegistry.ConflictingBindSettings, 2, "Listen", "Host"),
        D(RuleRegistry.ExposeTracebacksInProduction, 3, "ExposeTracebacks"));

    [Fact]
    public Task Does_not_give_production_advice_where_Production_is_ruled_out_through_a_local_IsProduction_or_an_early_return() => Verify.AnalyzerAsync<ServerArgsAnalyzer>($$"""
        using ProdServer.Config;

        {{Verify.HostingStandIn}}

        namespace App
        {
            using Microsoft.Extensions.Hosting;

            class C
            {
                WaitressArgs M(IHostEnvironment env, WaitressArgs w)
                {
                    var isDev = env.IsDevelopment();
                    if (isDev)
                    {
                        w = w with { ExposeTracebacks = true };
                    }

                    if (env.IsProduction())
                    {
                        w = w with { {|#0:ExposeTracebacks = true|} };
                    }
                    else
                    {
                        w = w with { ExposeTracebacks = true };
                    }

                    if (!env.IsProduction())
                    {
                        return w with { ExposeTracebacks = true };
                    }

                    return w;
                }

                WaitressArgs Early(IHostEnvironment env, WaitressArgs w)
                {
                    if (env.IsProduction())
                    {
                        return w;
                    }

                    return w with { ExposeTracebacks = true };
                }
            }
        }
        """, D(RuleRegistry.ExposeTracebacksInProduction, 0, "ExposeTracebacks"));

    [Fact]
    public Task Does_not_report_when_the_library_is_not_referenced() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        record WaitressArgs
        {
            public int? Port { get; init; }
            public int? Threads { get; init; }
        }

        class C
        {
            WaitressArgs M() => new WaitressArgs { Port = 80, Threads = 64 };
        }
        """, withLibrary: false, editorConfig: null);
}
