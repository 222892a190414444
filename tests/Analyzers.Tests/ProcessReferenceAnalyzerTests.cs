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
        InCode(0, "DependsOn", "'wbe'", " (did you mean 'web'?)", "code (every environment without a settings file of its own)", "beat, web, worker"),
        InCode(1, "DependsOn", "'wrker'", " (did you mean 'worker'?)", "code (every environment without a settings file of its own)", "beat, web, worker"),
        InCode(2, "DefaultProcess", "'api'", "", "code (every environment without a settings file of its own)", "beat, web, worker"));

    [Fact]
    public Task A_misspelled_dependency_or_default_in_a_settings_file_is_reported_at_its_value() => VerifyAsync(
        """services.AddProdServer();""",
        [("appsettings.json", """
            { "ProdServer": { "Default": "wokrer", "Processes": {
              "web": { "Backend": "Waitress", "DependsOn": "worker" },
              "worker": { "Backend": "Gunicorn", "DependsOn": [ "redis", 8000, "" ] } } } }
            """)],
        InFile("appsettings.json", 1, 30, 38, "ProdServer:Default", "'wokrer'",  " (did you mean 'worker'?)", "code and appsettings.json (every environment without a settings file of its own)", "web, worker"),
        InFile("appsettings.json", 3, 53, 60, "DependsOn of process 'worker'", "'redis'", "", "code and appsettings.json (every environment without a settings file of its own)", "web, worker"));

    [Fact]
    public Task Code_and_the_settings_files_of_each_environment_declare_for_each_other_ignoring_case() => VerifyAsync("""
        services.AddProdServer(o =>
                {
                    o.UseWaitress("mysite.wsgi:application").DependsOn("Migrations", "WORKER", "flower");
                    o.Options.GetOrAdd("flower", new object());
                });
        """, [
            ("appsettings.json", """{ "ProdServer": { "Default": "Web", "Processes": { "worker": { "DependsOn": [ "web" ] }, "migrations": { "Backend": "Waitress" } } } }"""),
            ("appsettings.Production.json", """{ "ProdServer": { "Default": "MIGRATIONS", "Processes": { "worker": { "DependsOn": [ "flower", "Worker2" ] }, "worker2": { "Backend": "Waitress" } } } }"""),
            ("appsettings.Development.json", """{ "ProdServer": { "Default": "debug-toolbar", "Processes": { "debug-toolbar": { "Backend": "Waitress", "DependsOn": "web" } } } }"""),
        ]);

    // Start-up merges appsettings.json with the one file of its environment: a process that only appsettings.Development.json
    // declares is not there in Production (no file of its own) nor in Staging, whatever file refers to it.
    [Fact]
    public Task A_process_declared_only_in_one_environments_file_is_not_declared_for_the_others() => VerifyAsync("""
        services.AddProdServer(o =>
                {
                    o.UseWaitress("mysite.wsgi:application");
                    o.Process("worker").UseCeleryWorker("mysite").DependsOn({|#0:"debug-toolbar"|});
                });
        """, [
            ("appsettings.json", """
                { "ProdServer": { "Default": "debug-toolbar", "Processes": {
                  "beat": { "Backend": "CeleryBeat", "App": "mysite", "DependsOn": [ "web", "mailhog" ] } } } }
                """),
            ("appsettings.Development.json", """
                { "ProdServer": { "Processes": {
                  "debug-toolbar": { "Backend": "Waitress", "App": "mysite.wsgi:application" },
                  "mailhog": { "Backend": "Waitress", "App": "mail.wsgi:application" } } } }
                """),
            ("appsettings.Staging.json", """
                { "ProdServer": { "Processes": { "web": { "DependsOn": [ "mailhog" ] } } } }
                """),
        ],
        InCode(0, "DependsOn", "'debug-toolbar'", "", "code and appsettings.json (every environment without a settings file of its own)", "beat, web, worker"),
        InFile("appsettings.Staging.json", 1, 58, 67, "DependsOn of process 'web'", "'mailhog'", "", "code, appsettings.json and appsettings.Staging.json (Staging)", "beat, web, worker"),
        InFile("appsettings.json", 1, 30, 45, "ProdServer:Default", "'debug-toolbar'", "", "code and appsettings.json (every environment without a settings file of its own)", "beat, web, worker"),
        InFile("appsettings.json", 2, 77, 86, "DependsOn of process 'beat'", "'mailhog'", "", "code and appsettings.json (every environment without a settings file of its own)", "beat, web, worker"));

    // What an environment's file writes over appsettings.json replaces it there: a dependency index by index, the default.
    [Fact]
    public Task An_environments_file_is_judged_over_appsettings_json_where_it_replaces_an_entry() => VerifyAsync(
        """services.AddProdServer();""",
        [
            ("appsettings.json", """{ "ProdServer": { "Default": "web", "Processes": { "web": { "Backend": "Waitress", "DependsOn": [ "web2", "worker" ] }, "web2": { "Backend": "Waitress" }, "worker": { "Backend": "CeleryWorker" } } } }"""),
            ("appsettings.Development.json", """{ "ProdServer": { "Default": "shell", "Processes": { "web": { "DependsOn": [ "vite" ] }, "vite": { "Backend": "Waitress" } } } }"""),
            ("appsettings.Production.json", """{ "ProdServer": { "Processes": { "web": { "DependsOn": [ "vite" ] } } } }"""),
        ],
        InFile("appsettings.Development.json", 1, 30, 37, "ProdServer:Default", "'shell'", "", "code, appsettings.json and appsettings.Development.json (Development)", "vite, web, web2, worker"),
        InFile("appsettings.Production.json", 1, 58, 64, "DependsOn of process 'web'", "'vite'", "", "code, appsettings.json and appsettings.Production.json (Production)", "web, web2, worker"));

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
        InFile("appsettings.json", 1, 58, 83, "DependsOn of process 'web'", "'a\\u000aerror CS0000: forged'", "", "code and appsettings.json (every environment without a settings file of its own)", "web"),
        InFile("appsettings.json", 1, 85, 237, "DependsOn of process 'web'", "'" + new string('x', 100) + "…' (150 characters)", "", "code and appsettings.json (every environment without a settings file of its own)", "web"));
}
