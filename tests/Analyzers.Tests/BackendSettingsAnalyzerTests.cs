using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using JsonTest = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.AppSettingsAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>PSC0201–PSC0501 as the analyzers report them: in C# initializers and <see langword="with"/> expressions, and in <c>appsettings*.json</c>.</summary>
public sealed class BackendSettingsAnalyzerTests
{
    private static DiagnosticResult D(RuleInfo rule, int markup, params object[] arguments) => Verify.Diagnostic(rule, markup).WithArguments(arguments);

    [Fact]
    public Task Reports_reload_daemon_and_debug_levels_in_initializers_and_with_expressions() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        using ProdServer.Config;

        class C
        {
            const bool On = true;

            GunicornArgs G(GunicornArgs g) => g with { {|#0:Reload = true|}, {|#1:Daemon = On|}, {|#2:LogLevel = GunicornLogLevel.Debug|}, Workers = 4 };

            UvicornArgs U() => new UvicornArgs { {|#3:Reload = true|}, {|#4:LogLevel = UvicornLogLevel.Trace|} };

            GranianArgs R(GranianArgs r) => r with { {|#5:LogLevel = GranianLogLevel.Debug|}, {|#6:Reload = (bool?)true|} };

            CeleryWorkerArgs W() => new() { {|#7:LogLevel = CeleryLogLevel.Debug|} };

            CeleryBeatArgs B()
            {
                var level = CeleryLogLevel.Debug;
                return new CeleryBeatArgs { {|#8:LogLevel = level|} };
            }
        }
        """,
        D(RuleRegistry.GunicornReloadInProduction, 0, "Reload"),
        D(RuleRegistry.GunicornDaemon, 1, "Daemon"),
        D(RuleRegistry.GunicornDebugLogLevel, 2, "LogLevel", "Debug"),
        D(RuleRegistry.UvicornReloadInProduction, 3, "Reload"),
        D(RuleRegistry.UvicornDebugLogLevel, 4, "LogLevel", "Trace"),
        D(RuleRegistry.GranianDebugLogLevel, 5, "LogLevel", "Debug"),
        D(RuleRegistry.GranianReloadInProduction, 6, "Reload"),
        D(RuleRegistry.CeleryDebugLogLevel, 7, "LogLevel", "Debug"),
        D(RuleRegistry.CeleryDebugLogLevel, 8, "LogLevel", "Debug"));

    [Fact]
    public Task Does_not_report_safe_values_or_values_known_only_at_run_time() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        using ProdServer.Config;

        class C
        {
            GunicornArgs G(bool reload, GunicornLogLevel level) => new() { Reload = reload, Daemon = false, LogLevel = level };

            UvicornArgs U(UvicornArgs u) => u with { Reload = false, LogLevel = UvicornLogLevel.Info };

            GranianArgs R() => new() { Reload = null, LogLevel = GranianLogLevel.Warning };

            CeleryWorkerArgs W() => new() { LogLevel = CeleryLogLevel.Info };
        }
        """);

    [Fact]
    public Task Gives_only_the_daemon_error_inside_an_IsDevelopment_branch() => Verify.AnalyzerAsync<ServerArgsAnalyzer>($$"""
        using ProdServer.Config;

        {{Verify.HostingStandIn}}

        namespace App
        {
            using Microsoft.Extensions.Hosting;

            class C
            {
                GunicornArgs M(IHostEnvironment env, GunicornArgs g) =>
                    env.IsDevelopment() ? g with { Reload = true, LogLevel = GunicornLogLevel.Debug, {|#0:Daemon = true|} } : g;
            }
        }
        """,
        D(RuleRegistry.GunicornDaemon, 0, "Daemon"));

    [Fact]
    public Task Reports_the_rules_in_appsettings_json_at_the_key() => VerifyJsonAsync("appsettings.json", """
        {"ProdServer":{"Processes":{
        "web":{"Backend":"Gunicorn","App":"mysite.wsgi:application","Args":{"reload":true,"Daemon":"True","log-level":"debug"}},
        "asgi":{"Backend":"Uvicorn","App":"mysite.asgi:application","Args":{"Reload":true,"LogLevel":"trace"}},
        "fast":{"Backend":"GranianWsgi","App":"mysite.wsgi:application","Args":{"log_level":"notset"}},
        "worker":{"Backend":"CeleryWorker","App":"proj","Args":{"LogLevel":"DEBUG"}},
        "beat":{"Backend":"CeleryBeat","App":"proj.celery:app","Args":{"LogLevel":"Info"}}}}}
        """,
        At(RuleRegistry.GunicornReloadInProduction, "appsettings.json", 2, 69, "\"reload\":true", "Reload"),
        At(RuleRegistry.GunicornDaemon, "appsettings.json", 2, 83, "\"Daemon\":\"True\"", "Daemon"),
        At(RuleRegistry.GunicornDebugLogLevel, "appsettings.json", 2, 99, "\"log-level\":\"debug\"", "LogLevel", "debug"),
        At(RuleRegistry.UvicornReloadInProduction, "appsettings.json", 3, 69, "\"Reload\":true", "Reload"),
        At(RuleRegistry.UvicornDebugLogLevel, "appsettings.json", 3, 83, "\"LogLevel\":\"trace\"", "LogLevel", "trace"),
        At(RuleRegistry.GranianDebugLogLevel, "appsettings.json", 4, 73, "\"log_level\":\"notset\"", "LogLevel", "notset"),
        At(RuleRegistry.CeleryDebugLogLevel, "appsettings.json", 5, 57, "\"LogLevel\":\"DEBUG\"", "LogLevel", "DEBUG"));

    [Fact]
    public Task Reports_a_graceful_timeout_that_does_not_fit_inside_the_stop_timeout_in_appsettings_json() => VerifyJsonAsync("appsettings.json", """
        {"ProdServer":{"Processes":{
        "web":{"Backend":"Gunicorn","App":"a.wsgi:app","StopTimeout":"20","Args":{"graceful-timeout":30}},
        "asgi":{"Backend":"Uvicorn","App":"a.asgi:app","StopTimeout":"00:00:10","Args":{"TimeoutGracefulShutdown":"10"}},
        "ok":{"Backend":"Gunicorn","App":"a.wsgi:app","StopTimeout":"40","Args":{"GracefulTimeout":30}},
        "default":{"Backend":"Gunicorn","App":"a.wsgi:app","Args":{"GracefulTimeout":90}}}}}
        """,
        At(RuleRegistry.StopTimeoutsDoNotNest, "appsettings.json", 2, 75, "\"graceful-timeout\":30", "GracefulTimeout", "30", "StopTimeout", "20", Nesting),
        At(RuleRegistry.StopTimeoutsDoNotNest, "appsettings.json", 3, 81, "\"TimeoutGracefulShutdown\":\"10\"", "TimeoutGracefulShutdown", "10", "StopTimeout", "10", Nesting));

    private const string Nesting = "ProdServer kills the server before its own graceful stop ends (unset, StopTimeout is the graceful timeout plus 5 s)";

    [Fact]
    public Task Gives_only_the_daemon_error_in_appsettings_Development_json() => VerifyJsonAsync("appsettings.Development.json", """
        {"ProdServer":{"Processes":{"web":{"Backend":"Gunicorn","Args":{"Reload":true,"Daemon":true,"LogLevel":"Debug"}}}}}
        """,
        At(RuleRegistry.GunicornDaemon, "appsettings.Development.json", 1, 79, "\"Daemon\":true", "Daemon"));

    [Fact]
    public Task Reports_an_HTTP_server_pointed_at_the_other_interfaces_module_in_appsettings_json() => VerifyJsonAsync("appsettings.json", """
        {"ProdServer":{"Processes":{"web":{"Backend":"Uvicorn","App":"mysite.wsgi:application"},"wsgi":{"Backend":"UvicornWsgi","App":"mysite.wsgi:application"}}}}
        """,
        At(RuleRegistry.AppInterfaceMismatch, "appsettings.json", 1, 62, "\"mysite.wsgi:application\"", "mysite.wsgi:application", "WSGI", "Uvicorn", "ASGI", "mysite.asgi:application"));

    [Fact]
    public Task Judges_a_process_whose_backend_is_set_in_code_by_the_one_record_its_keys_fit() => VerifyJsonAsync("appsettings.json", """
        {"ProdServer":{"Processes":{
        "web":{"App":"mysite.wsgi:application","Args":{"TimeoutKeepAlive":5,"Reload":true}},
        "any":{"Args":{"Reload":true}}}}}
        """,
        // Only UvicornArgs has TimeoutKeepAlive, but Uvicorn (ASGI) and UvicornWsgi share it: the rules apply, the app's interface is unknown.
        // Reload alone fits Gunicorn, Uvicorn and Granian: nothing is inferred.
        At(RuleRegistry.UvicornReloadInProduction, "appsettings.json", 2, 69, "\"Reload\":true", "Reload"));

    private static Task VerifyJsonAsync(string fileName, string json, params DiagnosticResult[] expected)
    {
        var test = new JsonTest { TestCode = "class Program { }", ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn));
        test.TestState.AdditionalFiles.Add(("/app/" + fileName, json));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    // The diagnostic spans the key and its value ("reload":true) from the given column.
    private static DiagnosticResult At(RuleInfo rule, string file, int line, int column, string property, params object[] arguments) =>
        new DiagnosticResult(Rules.For(rule)).WithSpan("/app/" + file, line, column, line, column + property.Length).WithArguments(arguments);
}
