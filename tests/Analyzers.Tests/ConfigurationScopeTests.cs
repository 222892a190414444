using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// Which code is one configuration for the rules across processes (PSC0101, PSC0121, PSC0502): a lambda or a method, local
/// functions included, given the builder; one nested in another is its own, judged once, not again as part of the outer.
/// </summary>
public sealed class ConfigurationScopeTests
{
    private static DiagnosticResult Twice(int markup, string name) => Verify.Diagnostic(RuleRegistry.DuplicateProcessName, markup).WithArguments(name);

    private static DiagnosticResult Cycle(int markup, string cycle) =>
        new DiagnosticResult(AppSettingsShapeDescriptors.DependencyCycle).WithLocation(markup).WithArguments(cycle);

    [Fact]
    public Task A_lambda_given_the_builder_inside_a_method_given_it_is_judged_once_as_its_own_configuration() =>
        Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>("""
        using System;
        using ProdServer.Config;

        static class Startup
        {
            public static void Configure(ProdServerBuilder o)
            {
                o.Process("x").UseCeleryWorker("proj");
                Action<ProdServerBuilder> more = b =>
                {
                    b.Process("y").UseCeleryWorker("proj").DependsOn("z");
                    b.Process({|#0:"y"|}).UseCeleryWorker("proj");
                    b.Process("z").UseCeleryWorker("proj").DependsOn({|#1:"y"|});
                    b.Process("beat").UseCeleryBeat("proj");
                    b.Process("beat2").UseCeleryBeat({|#2:"proj"|});
                    // The outer configuration's x is not this one's.
                    b.Process("x").UseCeleryWorker("proj");
                };
            }
        }
        """,
        Twice(0, "y"), Cycle(1, "y -> z -> y"), Verify.Diagnostic(RuleRegistry.CeleryBeatTwice, 2).WithArguments("proj"));

    [Fact]
    public Task A_local_function_given_the_builder_is_a_configuration_of_its_own_wherever_it_is_declared() =>
        Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>("""
        using ProdServer.Config;

        static class Startup
        {
            static void Main()
            {
                void Configure(ProdServerBuilder o)
                {
                    o.Process("a").UseCeleryWorker("proj").DependsOn("b");
                    o.Process("b").UseCeleryWorker("proj").DependsOn({|#0:"a"|});
                    o.Process({|#1:"a"|}).UseCeleryWorker("proj");
                }
            }

            static void Outer(ProdServerBuilder o)
            {
                o.Process("web").UseWaitress("mysite.wsgi:application");
                void Inner(ProdServerBuilder p)
                {
                    p.Process("c").UseCeleryWorker("proj");
                    p.Process({|#2:"c"|}).UseCeleryWorker("proj");
                    p.Process("web").UseWaitress("mysite.wsgi:application");
                }
            }
        }
        """,
        Cycle(0, "a -> b -> a"), Twice(1, "a"), Twice(2, "c"));
}
