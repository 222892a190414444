using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using ExposeTracebacksTest = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.ServerArgsAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>PSC0001 as <see cref="ServerArgsAnalyzer"/> reports it in code.</summary>

public sealed class ExposeTracebacksAnalyzerTests
{
    private static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<ServerArgsAnalyzer>(source, expected);

    private static Task VerifyAnalyzerAsync(string source, bool withLibrary) =>
        Verify.AnalyzerAsync<ServerArgsAnalyzer>(source, withLibrary, editorConfig: null);

    private static DiagnosticResult Diagnostic(int markupKey) =>
        Verify.Diagnostic(RuleRegistry.ExposeTracebacksInProduction, markupKey).WithArguments("ExposeTracebacks");

    [Fact]
    public Task Reports_true_in_an_object_initializer() => VerifyAnalyzerAsync("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs { Host = "127.0.0.1", {|#0:ExposeTracebacks = true|} };
        }
        """, Diagnostic(0));

    [Fact]
    public Task Reports_true_in_a_target_typed_new() => VerifyAnalyzerAsync("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new() { {|#0:ExposeTracebacks = true|} };
        }
        """, Diagnostic(0));

    [Fact]
    public Task Reports_true_in_a_with_expression_inside_a_configure_lambda() => VerifyAnalyzerAsync("""
        using System;
        using ProdServer.Config;

        class C
        {
            static void UseWaitress(string app, Func<WaitressArgs, WaitressArgs> configure) { }

            void M() => UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1", {|#0:ExposeTracebacks = true|} });
        }
        """, Diagnostic(0));

    [Fact]
    public Task Reports_true_when_reassigning_with_a_with_expression() => VerifyAnalyzerAsync("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M(WaitressArgs args)
            {
                args = args with { {|#0:ExposeTracebacks = true|} };
                return args;
            }
        }
        """, Diagnostic(0));

    [Fact]
    public Task Reports_a_constant_that_is_true() => VerifyAnalyzerAsync("""
        using ProdServer.Config;

        class C
        {
            const bool Debug = true;

            WaitressArgs M()
            {
                const bool expose = true;
                var a = new WaitressArgs { {|#0:ExposeTracebacks = expose|} };
                return a with { {|#1:ExposeTracebacks = Debug|}, Port = 8000 };
            }

            WaitressArgs N() => new WaitressArgs { {|#2:ExposeTracebacks = (bool?)!false|} };
        }
        """, Diagnostic(0), Diagnostic(1), Diagnostic(2));

    [Fact]
    public Task Reports_true_in_the_record_itself() => VerifyAnalyzerAsync("""
        namespace ProdServer.Config
        {
            public sealed partial record WaitressArgs
            {
                public static WaitressArgs Debugging { get; } = new() { {|#0:ExposeTracebacks = true|} };

                public WaitressArgs() { }

                public WaitressArgs(int port)
                {
                    Port = port;
                    {|#1:ExposeTracebacks = true|};
                }
            }
        }
        """, Diagnostic(0), Diagnostic(1));

    [Fact]
    public Task Reports_true_when_the_library_is_a_referenced_assembly()
    {
        var test = new ExposeTracebacksTest
        {
            TestCode = """
                using ProdServer.Config;

                class C
                {
                    WaitressArgs M() => new WaitressArgs { {|#0:ExposeTracebacks = true|} };
                }
                """,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalProjects["ProdServer.Config"].Sources.Add(("/ProdServer.Config/ProdServer.Config.cs", Verify.StandIn));
        test.TestState.AdditionalProjectReferences.Add("ProdServer.Config");
        test.ExpectedDiagnostics.Add(Diagnostic(0));
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("null")]
    [InlineData("default")]
    [InlineData("(bool?)null")]
    [InlineData("!true")]
    public Task Does_not_report_a_value_that_is_not_true(string value) => VerifyAnalyzerAsync($$"""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M(WaitressArgs args) => new WaitressArgs { ExposeTracebacks = {{value}} } with { ExposeTracebacks = {{value}} };
        }
        """);

    [Fact]
    public Task Does_not_report_a_value_known_only_at_run_time() => VerifyAnalyzerAsync("""
        using System;
        using ProdServer.Config;

        class C
        {
            WaitressArgs M(bool isDevelopment, WaitressArgs other)
            {
                // Written twice: which value is read depends on the path taken, and the rule never guesses.
                var expose = true;
                if (isDevelopment) { expose = false; }
                return new WaitressArgs
                {
                    ExposeTracebacks = isDevelopment,
                } with
                {
                    ExposeTracebacks = other.ExposeTracebacks,
                } with
                {
                    ExposeTracebacks = Environment.GetEnvironmentVariable("DEBUG") == "1",
                } with
                {
                    ExposeTracebacks = expose,
                };
            }
        }
        """);

    [Fact]
    public Task Does_not_report_reading_or_comparing_the_property() => VerifyAnalyzerAsync("""
        using ProdServer.Config;

        class C
        {
            bool M(WaitressArgs args) => args.ExposeTracebacks == true;
        }
        """);

    [Fact]
    public Task Does_not_report_a_property_of_the_same_name_on_another_type() => VerifyAnalyzerAsync("""
        using ProdServer.Config;

        namespace MyApp
        {
            record WaitressArgs
            {
                public bool? ExposeTracebacks { get; init; }
            }

            class Settings
            {
                public bool ExposeTracebacks { get; set; }
            }

            class C
            {
                void M()
                {
                    var a = new WaitressArgs { ExposeTracebacks = true };
                    var s = new Settings { ExposeTracebacks = true };
                    s.ExposeTracebacks = true;
                }
            }
        }
        """);

    [Fact]
    public Task Does_not_report_when_the_library_is_not_referenced() => VerifyAnalyzerAsync("""
        record WaitressArgs
        {
            public bool? ExposeTracebacks { get; init; }
        }

        class C
        {
            WaitressArgs M() => new WaitressArgs { ExposeTracebacks = true };
        }
        """, withLibrary: false);
}
