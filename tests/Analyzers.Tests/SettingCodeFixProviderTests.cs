using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ProdServer.Config.Analyzers.CodeFixes;
using Xunit;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>The fixes that set a safe value (PSC0005, PSC0006) or move Host and Port into Listen (PSC0004).</summary>
public sealed class SettingCodeFixProviderTests
{
    private static DiagnosticResult D(RuleInfo rule, int markup, params object[] arguments) => Verify.Diagnostic(rule, markup).WithArguments(arguments);

    [Fact]
    public Task Sets_threads_to_the_limit_and_socket_permissions_to_660() => Verify.CodeFixAsync<ServerArgsAnalyzer, SetSafeValueCodeFixProvider>("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M(WaitressArgs w) => w with { {|#0:Threads = 64|}, UnixSocket = "/run/web.sock", {|#1:UnixSocketPerms = "777"|} };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            WaitressArgs M(WaitressArgs w) => w with { Threads = 16, UnixSocket = "/run/web.sock", UnixSocketPerms = "660" };
        }
        """, D(RuleRegistry.TooManyThreads, 0, "Threads", 64L, 16), D(RuleRegistry.UnixSocketPermsTooWide, 1, "UnixSocketPerms", "777"));

    [Fact]
    public Task Moves_Host_and_Port_into_Listen() => Verify.CodeFixAsync<ServerArgsAnalyzer, MoveHostPortIntoListenCodeFixProvider>("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs
            {
                Host = "127.0.0.1",
                Port = 8000,
                {|#0:Listen = ["[::1]:8000"]|},
                Threads = 4,
            };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs
            {
                Listen = ["[::1]:8000", "127.0.0.1:8000"],
                Threads = 4,
            };
        }
        """, D(RuleRegistry.ConflictingBindSettings, 0, "Listen", "Host and Port"));

    [Fact]
    public Task Moves_a_lone_Port_into_an_array_with_waitress_default_host() => Verify.CodeFixAsync<ServerArgsAnalyzer, MoveHostPortIntoListenCodeFixProvider>("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs { {|#0:Listen = new[] { "127.0.0.1:8000" }|}, Port = 9000 };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs { Listen = new[] { "127.0.0.1:8000", "0.0.0.0:9000" } };
        }
        """, D(RuleRegistry.ConflictingBindSettings, 0, "Listen", "Port"));

    [Fact]
    public Task Offers_no_move_when_the_host_is_known_only_at_run_time()
    {
        const string source = """
            using ProdServer.Config;

            class C
            {
                WaitressArgs M(string host) => new WaitressArgs { Host = host, {|#0:Listen = ["127.0.0.1:8000"]|} };
            }
            """;
        return Verify.CodeFixAsync<ServerArgsAnalyzer, MoveHostPortIntoListenCodeFixProvider>(source, source, D(RuleRegistry.ConflictingBindSettings, 0, "Listen", "Host"));
    }
}
