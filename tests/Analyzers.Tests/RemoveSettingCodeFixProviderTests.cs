using System.Threading.Tasks;
using Xunit;
using Microsoft.CodeAnalysis.Testing;
using ProdServer.Config.Analyzers.CodeFixes;

namespace ProdServer.Config.Analyzers.Tests;

public sealed class RemoveSettingCodeFixProviderTests
{
    private static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        Verify.CodeFixAsync<ServerArgsAnalyzer, RemoveSettingCodeFixProvider>(source, fixedSource, expected);

    private static DiagnosticResult Diagnostic(int markupKey) =>
        Verify.Diagnostic(RuleRegistry.ExposeTracebacksInProduction, markupKey).WithArguments("ExposeTracebacks");

    [Fact]
    public Task Removes_the_first_member() => VerifyCodeFixAsync("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs { {|#0:ExposeTracebacks = true|}, Host = "127.0.0.1", Port = 8000 };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs { Host = "127.0.0.1", Port = 8000 };
        }
        """, Diagnostic(0));

    [Fact]
    public Task Removes_a_middle_member() => VerifyCodeFixAsync("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs { Host = "127.0.0.1", {|#0:ExposeTracebacks = true|}, Port = 8000 };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs { Host = "127.0.0.1", Port = 8000 };
        }
        """, Diagnostic(0));

    [Fact]
    public Task Removes_the_last_member() => VerifyCodeFixAsync("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs { Host = "127.0.0.1", Port = 8000, {|#0:ExposeTracebacks = true|} };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs { Host = "127.0.0.1", Port = 8000 };
        }
        """, Diagnostic(0));

    [Fact]
    public Task Removes_a_member_on_its_own_line() => VerifyCodeFixAsync("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs
            {
                Host = "127.0.0.1",
                // Handy while debugging.
                {|#0:ExposeTracebacks = true|}, // remove before shipping
                Port = 8000,
            };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs
            {
                Host = "127.0.0.1",
                Port = 8000,
            };
        }
        """, Diagnostic(0));

    [Fact]
    public Task Removes_the_last_line_without_a_trailing_comma() => VerifyCodeFixAsync("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs
            {
                Host = "127.0.0.1", // loopback only
                {|#0:ExposeTracebacks = true|}
            };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs
            {
                Host = "127.0.0.1" // loopback only
            };
        }
        """, Diagnostic(0));

    [Fact]
    public Task Removes_the_last_line_with_a_trailing_comma() => VerifyCodeFixAsync("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs
            {
                Host = "127.0.0.1",
                {|#0:ExposeTracebacks = true|},
            };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs
            {
                Host = "127.0.0.1",
            };
        }
        """, Diagnostic(0));

    [Fact]
    public Task Removes_the_only_member_and_the_empty_initializer() => VerifyCodeFixAsync("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs A() => new WaitressArgs { {|#0:ExposeTracebacks = true|} };

            WaitressArgs B() => new WaitressArgs() { {|#1:ExposeTracebacks = true|}, };

            WaitressArgs D() => new() { {|#2:ExposeTracebacks = true|} };

            WaitressArgs E()
            {
                var args = new WaitressArgs
                {
                    {|#3:ExposeTracebacks = true|},
                };
                return args;
            }
        }
        """, """
        using ProdServer.Config;

        class C
        {
            WaitressArgs A() => new WaitressArgs();

            WaitressArgs B() => new WaitressArgs();

            WaitressArgs D() => new();

            WaitressArgs E()
            {
                var args = new WaitressArgs();
                return args;
            }
        }
        """, Diagnostic(0), Diagnostic(1), Diagnostic(2), Diagnostic(3));

    [Fact]
    public Task Removes_a_member_of_a_with_expression() => VerifyCodeFixAsync("""
        using System;
        using ProdServer.Config;

        class C
        {
            static void UseWaitress(string app, Func<WaitressArgs, WaitressArgs> configure) { }

            void M() => UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1", {|#0:ExposeTracebacks = true|} });
        }
        """, """
        using System;
        using ProdServer.Config;

        class C
        {
            static void UseWaitress(string app, Func<WaitressArgs, WaitressArgs> configure) { }

            void M() => UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1" });
        }
        """, Diagnostic(0));

    [Fact]
    public Task Replaces_a_with_expression_left_empty_by_its_operand() => VerifyCodeFixAsync("""
        using System;
        using ProdServer.Config;

        class C
        {
            static void UseWaitress(string app, Func<WaitressArgs, WaitressArgs> configure) { }

            void M(WaitressArgs args)
            {
                UseWaitress("mysite.wsgi:application", w => w with { {|#0:ExposeTracebacks = true|} });
                args = args with
                {
                    {|#1:ExposeTracebacks = true|}
                };
                args = (args with { {|#2:ExposeTracebacks = true|} }) with { Port = 8000 };
                var text = (args with { {|#3:ExposeTracebacks = true|} }).ToString();
            }
        }
        """, """
        using System;
        using ProdServer.Config;

        class C
        {
            static void UseWaitress(string app, Func<WaitressArgs, WaitressArgs> configure) { }

            void M(WaitressArgs args)
            {
                UseWaitress("mysite.wsgi:application", w => w);
                args = args;
                args = args with { Port = 8000 };
                var text = args.ToString();
            }
        }
        """, Diagnostic(0), Diagnostic(1), Diagnostic(2), Diagnostic(3));

    [Fact]
    public Task Fixes_every_occurrence_in_a_document() => VerifyCodeFixAsync("""
        using ProdServer.Config;

        class C
        {
            const bool Expose = true;

            WaitressArgs A() => new WaitressArgs { Host = "127.0.0.1", {|#0:ExposeTracebacks = true|} };

            WaitressArgs B(WaitressArgs args) => args with { {|#1:ExposeTracebacks = Expose|}, Port = 8000 };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            const bool Expose = true;

            WaitressArgs A() => new WaitressArgs { Host = "127.0.0.1" };

            WaitressArgs B(WaitressArgs args) => args with { Port = 8000 };
        }
        """, Diagnostic(0), Diagnostic(1));

    [Fact]
    public Task Removes_a_deprecated_setting() => VerifyCodeFixAsync("""
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs { Host = "127.0.0.1", {|#0:SendBytes = 18000|} };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            WaitressArgs M() => new WaitressArgs { Host = "127.0.0.1" };
        }
        """, Verify.Diagnostic(RuleRegistry.DeprecatedSetting, 0).WithArguments("SendBytes", "waitress 2.0 and later flush output as soon as it is written"));

    [Fact]
    public Task Offers_no_fix_for_an_assignment_outside_an_initializer()
    {
        const string source = """
            namespace ProdServer.Config
            {
                public sealed partial record WaitressArgs
                {
                    public WaitressArgs(bool debug)
                    {
                        {|#0:ExposeTracebacks = true|};
                    }
                }
            }
            """;
        return VerifyCodeFixAsync(source, source, Diagnostic(0));
    }

    [Fact]
    public Task Removes_reload_and_daemon_and_an_initializer_left_empty() => VerifyCodeFixAsync("""
        using ProdServer.Config;

        class C
        {
            GunicornArgs G(GunicornArgs g) => g with { {|#0:Reload = true|}, Workers = 4, {|#1:Daemon = true|} };

            UvicornArgs U(UvicornArgs u) => u with { {|#2:Reload = true|} };

            GranianArgs R() => new GranianArgs { {|#3:Reload = true|} };
        }
        """, """
        using ProdServer.Config;

        class C
        {
            GunicornArgs G(GunicornArgs g) => g with { Workers = 4 };

            UvicornArgs U(UvicornArgs u) => u;

            GranianArgs R() => new GranianArgs();
        }
        """,
        Verify.Diagnostic(RuleRegistry.GunicornReloadInProduction, 0).WithArguments("Reload"),
        Verify.Diagnostic(RuleRegistry.GunicornDaemon, 1).WithArguments("Daemon"),
        Verify.Diagnostic(RuleRegistry.UvicornReloadInProduction, 2).WithArguments("Reload"),
        Verify.Diagnostic(RuleRegistry.GranianReloadInProduction, 3).WithArguments("Reload"));
}
