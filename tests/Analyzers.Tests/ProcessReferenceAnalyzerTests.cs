using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.ProcessReferenceAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// PSC0119: a <c>DependsOn</c> entry or default process naming a process that neither code nor any appsettings*.json
/// declares, judged over both, since each often names what the other declares.
/// </summary>
public sealed class ProcessReferenceAnalyzerTests
{
    private static Task VerifyAsync(string body, (string File, string Json)[] files, params DiagnosticResult[] expected)
    {
        var test = new Test
        {
            TestCode = $$"""
                using Microsoft.Extensions.DependencyInjection;
                using ProdServer.Config;

                class C
                {
                    void M(IServiceCollection services)
                    {
                        {{body}}
                    }
                }
                """,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn));
        foreach (var (file, json) in files)
        {
            test.TestState.AdditionalFiles.Add(("/app/" + file, json));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult InCode(int markup, params object[] arguments) =>
        new DiagnosticResult(AppSettingsShapeDescriptors.UndeclaredProcess).WithLocation(markup).WithArguments(arguments);

    private static DiagnosticResult InFile(string file, int line, int column, int endColumn, params object[] arguments) =>
        new DiagnosticResult(AppSettingsShapeDescriptors.UndeclaredProcess).WithSpan("/app/" + file, line, column, line, endColumn).WithArguments(arguments);

    [Fact]
    public Task A_misspelled_dependency_or_default_in_code_is_reported_at_the_name_with_the_process_meant() => VerifyAsync("""
        services.AddProdServer(o =>
                {
                    o.UseWaitress("mysite.wsgi:application");
                    o.Process("worker").UseGunicorn("mysite.wsgi:application").DependsOn("web", {|#0:"wbe"|});
                    o.Process("beat").DependsOn(new[] { {|#1:"wrker"|} });
                    o.DefaultProcess({|#2:"api"|});
                });
        """, [],
        InCode(0, "DependsOn", "'wbe'", " (did you mean 'web'?)", "beat, web, worker"),
        InCode(1, "DependsOn", "'wrker'", " (did you mean 'worker'?)", "beat, web, worker"),
        InCode(2, "DefaultProcess", "'api'", "", "beat, web, worker"));

    [Fact]
    public Task A_misspelled_dependency_or_default_in_a_settings_file_is_reported_at_its_value() => VerifyAsync(
        """services.AddProdServer();""",
        [("appsettings.json", """
            { "ProdServer": { "Default": "wokrer", "Processes": {
              "web": { "Backend": "Waitress", "DependsOn": "worker" },
              "worker": { "Backend": "Gunicorn", "DependsOn": [ "redis", 8000, "" ] } } } }
            """)],
        InFile("appsettings.json", 1, 30, 38, "ProdServer:Default", "'wokrer'", " (did you mean 'worker'?)", "web, worker"),
        InFile("appsettings.json", 3, 53, 60, "DependsOn of process 'worker'", "'redis'", "", "web, worker"));

    [Fact]
    public Task Code_and_every_settings_file_declare_for_each_other_ignoring_case() => VerifyAsync("""
        services.AddProdServer(o =>
                {
                    o.UseWaitress("mysite.wsgi:application").DependsOn("Migrations", "WORKER", "flower");
                    o.Options.GetOrAdd("flower", new object());
                    o.DefaultProcess("debug-toolbar");
                });
        """, [
            ("appsettings.json", """{ "ProdServer": { "Default": "Web", "Processes": { "worker": { "DependsOn": [ "web" ] } } } }"""),
            ("appsettings.Production.json", """{ "ProdServer": { "Processes": { "migrations": { "Backend": "Waitress" } } } }"""),
            ("appsettings.Development.json", """{ "ProdServer": { "Processes": { "debug-toolbar": { "Backend": "Waitress" } } } }"""),
        ]);

    [Fact]
    public Task Nothing_is_judged_when_a_process_is_declared_under_a_name_known_only_at_run_time() => VerifyAsync("""
        var name = System.Environment.GetEnvironmentVariable("PROCESS") ?? "worker";
                services.AddProdServer(o =>
                {
                    o.UseWaitress("mysite.wsgi:application").DependsOn("worker");
                    o.Process(name).UseGunicorn("mysite.wsgi:application");
                });
        """, [("appsettings.json", """{ "ProdServer": { "Default": "worker" } }""")]);

    [Fact]
    public Task Nothing_is_judged_when_no_process_is_declared_where_the_build_sees_it() => VerifyAsync(
        """services.AddProdServer(o => o.DefaultProcess("web"));""",
        [("appsettings.json", """{ "ProdServer": { "Default": "worker" } }""")]);

    [Fact]
    public Task A_hostile_or_long_name_is_quoted_on_one_line_and_cut() => VerifyAsync(
        """services.AddProdServer();""",
        [("appsettings.json", "{ \"ProdServer\": { \"Processes\": { \"web\": { \"DependsOn\": [ \"a\\nerror CS0000: forged\", \"" + new string('x', 150) + "\" ] } } } }")],
        InFile("appsettings.json", 1, 58, 83, "DependsOn of process 'web'", "'a\\u000aerror CS0000: forged'", "", "web"),
        InFile("appsettings.json", 1, 85, 237, "DependsOn of process 'web'", "'" + new string('x', 100) + "…' (150 characters)", "", "web"));
}
