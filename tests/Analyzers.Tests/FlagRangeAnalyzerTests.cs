using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.FlagRangeAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// PSC0111: a C# constant outside the range its flag declares (<c>Threads = 0</c>), read from the property's own
/// <c>[Flag(Minimum = …, Maximum = …)]</c> — the declaration the start-up check, the schema and PSC0110 read.
/// </summary>
public sealed class FlagRangeAnalyzerTests
{
    private const string StandIn = """
        #nullable enable
        namespace ProdServer.Config
        {
            public sealed class FlagAttribute(string name) : System.Attribute
            {
                public string Name { get; } = name;
                public double Minimum { get; set; } = double.NaN;
                public double Maximum { get; set; } = double.NaN;
            }

            public sealed record WaitressArgs
            {
                [Flag("port", Minimum = 1, Maximum = 65535)] public int? Port { get; init; }
                [Flag("threads", Minimum = 1)] public int? Threads { get; init; }
                [Flag("backlog", Minimum = 0)] public int? Backlog { get; init; }
                [Flag("channel-timeout")] public int? ChannelTimeout { get; init; }
                [Flag("timeout", Maximum = 3600)] public double? Timeout { get; init; }
            }
        }
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", StandIn));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Range(int markup, string problem) =>
        new DiagnosticResult(FlagRangeAnalyzer.Descriptor).WithLocation(markup).WithArguments(problem);

    [Fact]
    public async Task Zero_threads_in_a_with_expression_is_reported_in_the_start_up_checks_words()
    {
        await VerifyAsync(
            """
            using ProdServer.Config;
            class Startup { WaitressArgs Configure(WaitressArgs w) => w with { Threads = {|#0:0|} }; }
            """,
            Range(0, "Threads must be at least 1, got 0"));
    }

    [Fact]
    public async Task A_port_above_65535_a_negative_backlog_and_a_timeout_above_its_maximum_are_each_reported()
    {
        await VerifyAsync(
            """
            using ProdServer.Config;
            class Startup
            {
                WaitressArgs Args() => new() { Port = {|#0:70000|}, Backlog = {|#1:-1|}, Timeout = {|#2:7200.5|} };
            }
            """,
            Range(0, "Port must be between 1 and 65535, got 70000"),
            Range(1, "Backlog must be 0 or more, got -1"),
            Range(2, "Timeout must be at most 3600, got 7200.5"));
    }

    [Fact]
    public async Task A_named_constant_is_read_like_a_literal()
    {
        await VerifyAsync(
            """
            using ProdServer.Config;
            class Startup
            {
                const int NoThreads = 0;
                WaitressArgs Args() => new() { Threads = {|#0:NoThreads|} };
            }
            """,
            Range(0, "Threads must be at least 1, got 0"));
    }

    [Fact]
    public async Task A_local_assigned_once_is_followed_as_the_other_rules_follow_it_and_one_written_again_is_not()
    {
        await VerifyAsync(
            """
            using ProdServer.Config;
            class Startup
            {
                WaitressArgs Args()
                {
                    var threads = 0;
                    int? port = 70000;
                    var timeout = 7200.5;
                    var copy = timeout;
                    var backlog = -1;
                    backlog = 2048;
                    var changed = 0;
                    (changed, _) = (4, 1);
                    var aliased = 0;
                    ref var alias = ref aliased;
                    alias = 8;
                    return new WaitressArgs { Threads = {|#0:threads|}, Port = {|#1:port|}, Timeout = {|#2:copy|}, Backlog = backlog }
                        with { Threads = changed } with { Threads = aliased };
                }
            }
            """,
            Range(0, "Threads must be at least 1, got 0"),
            Range(1, "Port must be between 1 and 65535, got 70000"),
            Range(2, "Timeout must be at most 3600, got 7200.5"));
    }

    [Fact]
    public async Task Values_in_range_unbounded_flags_and_values_known_only_at_run_time_are_not_reported()
    {
        await VerifyAsync(
            """
            using ProdServer.Config;
            class Startup
            {
                WaitressArgs Args(int fromConfiguration) => new()
                {
                    Port = 65535, Threads = 1, Backlog = 0, Timeout = 3600,
                    ChannelTimeout = -5, // no range declared: the server decides
                };
                WaitressArgs More(WaitressArgs w, int fromConfiguration) => w with { Threads = fromConfiguration, Port = null };
            }
            """);
    }

    [Fact]
    public async Task Properties_of_other_types_with_the_same_names_are_not_reported()
    {
        await VerifyAsync(
            """
            class Pool { public int Threads { get; set; } }
            class Startup { Pool Make() => new Pool { Threads = 0 }; }
            """);
    }
}
