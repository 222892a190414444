using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using JsonTest = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.AppSettingsProcessesAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// Cross-process mistakes start-up refuses, at build time: a <c>DependsOn</c> cycle or a process depending on itself
/// (PSC0121) and two Celery beats for one app (PSC0502), in C# within one configuration and in appsettings*.json.
/// </summary>
public sealed class DependencyCycleTests
{
    private static DiagnosticResult Cycle(int markup, string cycle) =>
        new DiagnosticResult(AppSettingsShapeDescriptors.DependencyCycle).WithLocation(markup).WithArguments(cycle);

    [Fact]
    public Task A_cycle_and_a_process_depending_on_itself_in_a_Configure_method_are_reported_as_start_up_names_them() =>
        Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>("""
        using ProdServer.Config;

        static class Startup
        {
            public static void Configure(ProdServerBuilder o)
            {
                o.Process("a").UseWaitress("mysite.wsgi:application").DependsOn("b");
                o.Process("b").UseWaitress("mysite.wsgi:application").DependsOn({|#0:"A"|});
                o.Process("c").UseWaitress("mysite.wsgi:application").DependsOn({|#1:"c"|});
                var d = o.Process("d");
                d.UseWaitress("mysite.wsgi:application");
                d.DependsOn("web", "e");
                o.Process("e").WorkingDirectory("src").UseWaitress("mysite.wsgi:application").DependsOn(new[] { {|#2:"d"|} });
                o.UseWaitress("mysite.wsgi:application");
            }
        }
        """,
        Cycle(1, "c -> c"), Cycle(0, "a -> b -> a"), Cycle(2, "d -> e -> d"));

    [Fact]
    public Task A_self_dependency_inside_AddProdServer_is_reported() => Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>("""
        using Microsoft.Extensions.DependencyInjection;
        using ProdServer.Config;

        class C
        {
            void M(IServiceCollection services) => services.AddProdServer(o => o.Process("s3").UseCeleryWorker("proj").DependsOn({|#0:"s3"|}));
        }
        """, Cycle(0, "s3 -> s3"));

    [Fact]
    public Task Dependencies_that_never_run_together_names_known_only_at_run_time_and_chains_are_not_reported() =>
        Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>("""
        using ProdServer.Config;

        static class Startup
        {
            public static void Configure(ProdServerBuilder o)
            {
                var other = System.Environment.GetEnvironmentVariable("OTHER") ?? "a";
                o.Process("a").UseWaitress("mysite.wsgi:application").DependsOn("b");
                o.Process("b").UseWaitress("mysite.wsgi:application").DependsOn(other, "c");
                o.Process("c").UseWaitress("mysite.wsgi:application");
                var x = o.Process("x");
                x = o.Process("y");
                x.DependsOn("x");
                if (other == "a")
                {
                    o.Process("p").UseWaitress("mysite.wsgi:application").DependsOn("q");
                }
                else
                {
                    o.Process("q").UseWaitress("mysite.wsgi:application").DependsOn("p");
                }
            }

            // Another configuration: its processes are not the first one's.
            public static void Other(ProdServerBuilder o) => o.Process("c").UseWaitress("mysite.wsgi:application").DependsOn("b");
        }
        """);

    [Fact]
    public Task A_worker_running_beat_beside_a_beat_for_the_same_app_is_reported_however_the_app_is_spelled() =>
        Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>("""
        using ProdServer.Config;

        static class Startup
        {
            public static void Configure(ProdServerBuilder o)
            {
                o.Process("worker").UseCeleryWorker("proj.celery:app", w => w with { Beat = true });
                o.Process("beat").UseCeleryBeat({|#0:"proj.celery.app"|});
                o.Process("other").UseCeleryWorker("other", w => w with { Beat = false });
                o.Process("other-beat").UseCeleryBeat("other");
            }
        }
        """, Verify.Diagnostic(RuleRegistry.CeleryBeatTwice, 0).WithArguments("proj.celery.app"));

    [Fact]
    public Task In_appsettings_a_cycle_a_self_dependency_and_two_beats_are_reported_where_written() => JsonAsync(
        [("appsettings.json", """
        { "ProdServer": { "Processes": {
          "beat": { "Backend": "CeleryBeat", "App": "proj" },
          "beat2": { "Backend": "CeleryBeat", "App": "proj" },
          "a": { "Backend": "Waitress", "DependsOn": ["b"] },
          "b": { "Backend": "Waitress", "DependsOn": ["a"] },
          "c": { "Backend": "Waitress", "DependsOn": "C" },
          "w": { "Backend": "CeleryWorker", "App": "other", "Args": { "Beat": true } },
          "w-beat": { "BACKEND": "django_prodserver.backends.celery.CeleryBeat", "app": "other" } } } }
        """)],
        Json(RuleRegistry.CeleryBeatTwice, "appsettings.json", 3, 46, 3, 52, "proj"),
        JsonCycle("appsettings.json", 5, 47, 5, 50, "a -> b -> a"),
        JsonCycle("appsettings.json", 6, 46, 6, 49, "c -> c"),
        Json(RuleRegistry.CeleryBeatTwice, "appsettings.json", 8, 81, 8, 88, "other"));

    [Fact]
    public Task An_environments_file_is_judged_over_appsettings_json_and_reports_only_what_it_writes() => JsonAsync(
        [
            ("appsettings.json", """
            { "ProdServer": { "Processes": {
              "a": { "Backend": "Waitress", "DependsOn": ["b"] },
              "b": { "Backend": "Waitress" },
              "x": { "Backend": "Waitress", "DependsOn": ["y"] },
              "y": { "Backend": "Waitress", "DependsOn": ["x"] },
              "beat": { "Backend": "CeleryBeat", "App": "proj" } } } }
            """),
            ("appsettings.Production.json", """
            { "ProdServer": { "Processes": {
              "b": { "DependsOn": ["a"] },
              "y": { "DependsOn": ["web"] },
              "beat2": { "Backend": "CeleryBeat", "App": "proj" } } } }
            """),
        ],
        JsonCycle("appsettings.Production.json", 2, 24, 2, 27, "a -> b -> a"),
        Json(RuleRegistry.CeleryBeatTwice, "appsettings.Production.json", 4, 46, 4, 52, "proj"),
        JsonCycle("appsettings.json", 5, 47, 5, 50, "x -> y -> x"));

    [Fact]
    public Task Settings_without_a_cycle_or_a_second_beat_are_not_reported() => JsonAsync(
        [("appsettings.json", """
        { "ProdServer": { "Processes": {
          "web": { "Backend": "Waitress", "DependsOn": ["worker", "beat"] },
          "worker": { "Backend": "CeleryWorker", "App": "proj", "Args": { "Beat": false } },
          "beat": { "Backend": "CeleryBeat", "App": "proj", "DependsOn": ["worker"] },
          "other-beat": { "Backend": "CeleryBeat", "App": "other" } } } }
        """)]);

    private static DiagnosticResult JsonCycle(string file, int line, int column, int endLine, int endColumn, string cycle) =>
        new DiagnosticResult(AppSettingsShapeDescriptors.DependencyCycle).WithSpan("/app/" + file, line, column, endLine, endColumn).WithArguments(cycle);

    private static DiagnosticResult Json(RuleInfo rule, string file, int line, int column, int endLine, int endColumn, string app) =>
        new DiagnosticResult(Rules.For(rule)).WithSpan("/app/" + file, line, column, endLine, endColumn).WithArguments(app);

    private static Task JsonAsync((string File, string Json)[] files, params DiagnosticResult[] expected)
    {
        var test = new JsonTest { TestCode = "class Program { }", ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn));
        foreach (var (file, json) in files)
        {
            test.TestState.AdditionalFiles.Add(("/app/" + file, json));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
