using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.AppSettingsAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>The same rules on <c>appsettings*.json</c>, reported at the key's line and column.</summary>
public sealed class AppSettingsAnalyzerTests
{
    private const string Code = "class Program { }";

    private static Task VerifyAsync(string fileName, string json, params DiagnosticResult[] expected) =>
        VerifyAsync(fileName, json, withLibrary: true, globalConfig: null, expected);

    private static Task VerifyAsync(string fileName, string json, bool withLibrary, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = Code, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        if (withLibrary)
        {
            test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn));
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig + "\n"));
        }

        test.TestState.AdditionalFiles.Add(("/app/" + fileName, json));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult At(RuleInfo rule, string file, int line, int column, int endLine, int endColumn, params object[] arguments) =>
        new DiagnosticResult(Rules.For(rule)).WithSpan("/app/" + file, line, column, endLine, endColumn).WithArguments(arguments);

    [Fact]
    public Task Reports_tracebacks_at_the_key_in_PascalCase_and_kebab_case() => VerifyAsync("appsettings.json", """
        {
          // Comments and trailing commas are fine, as in Microsoft.Extensions.Configuration.Json.
          "ProdServer": {
            "Processes": {
              "web": {
                "Backend": "Waitress",
                "App": "mysite.wsgi:application",
                "Args": { "Host": "127.0.0.1", "ExposeTracebacks": true, },
              },
              "admin": {
                "Backend": "waitress",
                "App": "mysite.wsgi:application",
                "Args": {
                  "expose-tracebacks": "True",
                  "threads": "64"
                }
              }
            }
          }
        }
        """,
        At(RuleRegistry.ExposeTracebacksInProduction, "appsettings.json", 8, 40, 8, 64, "ExposeTracebacks"),
        At(RuleRegistry.ExposeTracebacksInProduction, "appsettings.json", 14, 11, 14, 38, "ExposeTracebacks"),
        At(RuleRegistry.TooManyThreads, "appsettings.json", 15, 11, 15, 26, "Threads", 64L, 16));

    [Fact]
    public Task Reports_combined_settings_and_the_app_target() => VerifyAsync("appsettings.Production.json", """
        {"ProdServer":{"Processes":{"web":{"Backend":"Waitress","App":"mysite.asgi:application",
        "Args":{"Port":8000,"listen":["127.0.0.1:8001"],"connection_limit":5000}}}}}
        """,
        At(RuleRegistry.AppInterfaceMismatch, "appsettings.Production.json", 1, 63, 1, 88, "mysite.asgi:application", "ASGI", "Waitress", "WSGI", "mysite.wsgi:application"),
        At(RuleRegistry.ConflictingBindSettings, "appsettings.Production.json", 2, 21, 2, 48, "Listen", "Port"),
        At(RuleRegistry.ConnectionLimitAboveBacklog, "appsettings.Production.json", 2, 49, 2, 72, "ConnectionLimit", 5000L, 1024L));

    [Fact]
    public Task Checks_a_process_whose_backend_is_set_in_code_by_its_keys() => VerifyAsync("appsettings.json", """
        { "ProdServer": { "Processes": { "web": { "Args": { "Port": 80 } } } } }
        """,
        At(RuleRegistry.PrivilegedPort, "appsettings.json", 1, 53, 1, 63, "Port", 80L));

    [Fact]
    public Task Gives_only_the_rules_that_apply_everywhere_in_appsettings_Development_json() => VerifyAsync("appsettings.Development.json", """
        { "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "App": "bad target",
          "Args": { "ExposeTracebacks": true, "Threads": 64, "Port": 80 } } } } }
        """,
        At(RuleRegistry.AppTargetNotModuleObject, "appsettings.Development.json", 1, 73, 1, 85, "bad target",
            "'module:object' (a dotted module, a colon and the object's name) in ASCII letters, digits and _, for example mysite.wsgi:application"));

    [Theory]
    [InlineData("appsettings.json")]
    [InlineData("appsettings.Production.json")]
    public Task Reports_the_django_dev_server_chosen_outside_development_at_its_backend(string file) => VerifyAsync(file, """
        { "ProdServer": { "Processes": {
          "web": { "Backend": "DjangoDevServer", "App": "127.0.0.1:8000" },
          "admin": { "Backend": "djangodevserver" },
          "dev": { "Backend": "django_prodserver.backends.django_runserver.DjangoRunserver" } } } }
        """,
        At(RuleRegistry.DevServerInProduction, file, 2, 23, 2, 40),
        At(RuleRegistry.DevServerInProduction, file, 3, 25, 3, 42),
        At(RuleRegistry.DevServerInProduction, file, 4, 23, 4, 84));

    [Fact]
    public Task Does_not_report_the_django_dev_server_in_appsettings_Development_json() => VerifyAsync("appsettings.Development.json", """
        { "ProdServer": { "Processes": { "web": { "Backend": "DjangoDevServer", "App": "127.0.0.1:8000" } } } }
        """);

    [Fact]
    public Task Judges_a_process_whose_backend_is_a_django_prodserver_class_path_as_that_backend() => VerifyAsync("appsettings.json", """
        { "ProdServer": { "Processes": {
          "web": { "BACKEND": "django_prodserver.backends.waitress.WaitressServer", "APP": "mysite/wsgi.py" } } } }
        """,
        At(RuleRegistry.AppTargetNotModuleObject, "appsettings.json", 2, 84, 2, 100, "mysite/wsgi.py",
            "'module:object' (a dotted module, a colon and the object's name) in ASCII letters, digits and _, for example mysite.wsgi:application"));

    // A value from the file reaches the build output in the message: a line break in it would start a forged line.
    [Fact]
    public Task An_app_target_holding_a_line_break_is_reported_on_one_line() => VerifyAsync("appsettings.json", """
        { "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "App": "a\nerror CS0000: forged" } } } }
        """,
        At(RuleRegistry.AppTargetNotModuleObject, "appsettings.json", 1, 73, 1, 98, "a\\u000aerror CS0000: forged",
            "'module:object' (a dotted module, a colon and the object's name) in ASCII letters, digits and _, for example mysite.wsgi:application"));

    [Fact]
    public Task Judges_gunicorns_app_by_its_worker_class() => VerifyAsync("appsettings.json", """
        { "ProdServer": { "Processes": {
          "web": { "Backend": "Gunicorn", "App": "mysite.asgi:application", "Args": { "worker-class": "uvicorn_worker.UvicornWorker" } },
          "wrong": { "Backend": "Gunicorn", "App": "mysite.wsgi:application", "Args": { "WorkerClass": "asgi" } } } } }
        """,
        At(RuleRegistry.AppInterfaceMismatch, "appsettings.json", 3, 44, 3, 69, "mysite.wsgi:application", "WSGI", "Gunicorn", "ASGI", "mysite.asgi:application"));

    [Fact]
    public Task Accepts_the_targets_gunicorn_and_granian_import() => VerifyAsync("appsettings.json", """
        { "ProdServer": { "Processes": {
          "web": { "Backend": "Gunicorn", "App": "mysite.wsgi" },
          "factory": { "Backend": "Gunicorn", "App": "app:create_app()" },
          "asgi": { "Backend": "Granian", "App": "mysite/asgi.py:application" } } } }
        """);

    [Theory]
    [InlineData("error", Microsoft.CodeAnalysis.DiagnosticSeverity.Error)]
    [InlineData("suggestion", Microsoft.CodeAnalysis.DiagnosticSeverity.Info)]
    public Task Takes_the_severity_that_editorconfig_gives_the_rule_in_CSharp_files(string configured, Microsoft.CodeAnalysis.DiagnosticSeverity expected)
    {
        var test = new Test { TestCode = Code, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.PSC0001.severity = {configured}\ndotnet_diagnostic.PSC0006.severity = none\n"));
        test.TestState.AdditionalFiles.Add(("/app/appsettings.json", """{ "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "Args": { "ExposeTracebacks": true, "Threads": 64 } } } } }"""));
        test.ExpectedDiagnostics.Add(At(RuleRegistry.ExposeTracebacksInProduction, "appsettings.json", 1, 76, 1, 100, "ExposeTracebacks").WithSeverity(expected));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Honours_a_rule_switched_off_in_the_same_file() => VerifyAsync("appsettings.json", """
        { "ProdServer": { "Rules": { "PSC0006": "off" },
          "Processes": { "web": { "Backend": "Waitress", "Args": { "Threads": 64 } } } } }
        """);

    [Fact]
    public Task Takes_the_thread_limit_from_ProdServer_Rules_MaxThreads_in_the_same_file() => VerifyAsync("appsettings.json", """
        { "ProdServer": { "Rules": { "MaxThreads": 32 },
          "Processes": { "web": { "Backend": "Waitress", "Args": { "Threads": 32 } }, "admin": { "Backend": "Waitress", "Args": { "Threads": 33 } } } } }
        """,
        At(RuleRegistry.TooManyThreads, "appsettings.json", 2, 123, 2, 136, "Threads", 33L, 32));

    [Fact]
    public Task Knows_a_Windows_build() => VerifyAsync("appsettings.json", """
        { "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "Args": { "UnixSocket": "/run/web.sock" } } } } }
        """,
        withLibrary: true,
        globalConfig: "build_property.RuntimeIdentifier = win-x64",
        At(RuleRegistry.UnixSocketOnWindows, "appsettings.json", 1, 76, 1, 105, "UnixSocket"));

    [Theory]
    [InlineData("appsettings.json", """{ "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "Args": { "Threads": 8, "ExposeTracebacks": false } } } } }""")]
    [InlineData("appsettings.json", """{ "ProdServer": { "Processes": { "web": { "Backend": "Gunicorn", "Args": { "Threads": 64 } } } } }""")]
    [InlineData("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""")]
    [InlineData("appsettings.json", """{ "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "Args": { "Threads": 64 """)]
    [InlineData("other.json", """{ "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "Args": { "Threads": 64 } } } } }""")]
    public Task Does_not_report_good_settings_other_backends_other_files_or_broken_JSON(string file, string json) => VerifyAsync(file, json);

    // The template's and the sample's way: the backend in code (Startup.cs), a value changed per deployment in the file.
    private const string DeclaredInCode = """
        using ProdServer.Config;

        static class Startup
        {
            public static void Configure(ProdServerBuilder o)
            {
                o.UseGunicorn("mysite.wsgi:application");
                o.Process("api").UseUvicornWsgi("mysite.wsgi:application");
                o.Process("either").UseGunicorn("mysite.wsgi:application");
                o.Process("either").UseUvicornWsgi("mysite.wsgi:application");
                var name = System.Environment.GetEnvironmentVariable("NAME") ?? "dyn";
                o.Process(name).UseGunicorn("mysite.wsgi:application");
            }
        }
        """;

    private static Task VerifyWithCodeAsync(string code, (string File, string Json)[] files, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = code, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn));
        foreach (var (file, json) in files)
        {
            test.TestState.AdditionalFiles.Add(("/app/" + file, json));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    // "Reload" is a key of three args records, so the keys alone do not tell the backend: the code does.
    [Fact]
    public Task Judges_a_section_without_a_backend_by_the_backend_code_gives_its_process() => VerifyWithCodeAsync(DeclaredInCode, [("appsettings.json", """
        { "ProdServer": { "Processes": {
          "web": { "Args": { "Reload": true } },
          "api": { "Args": { "reload": "True" } } } } }
        """)],
        At(RuleRegistry.GunicornReloadInProduction, "appsettings.json", 2, 22, 2, 36, "Reload"),
        At(RuleRegistry.UvicornReloadInProduction, "appsettings.json", 3, 22, 3, 38, "Reload"));

    // "Backend": null removes the key in configuration, as the shape checks read it too: the backend is then the code's.
    [Fact]
    public Task Reads_a_null_backend_as_none_written() => VerifyWithCodeAsync(DeclaredInCode, [("appsettings.json", """
        { "ProdServer": { "Processes": { "api": { "Backend": null, "Args": { "Reload": true } } } } }
        """)],
        At(RuleRegistry.UvicornReloadInProduction, "appsettings.json", 1, 70, 1, 84, "Reload"));

    [Fact]
    public Task Judges_an_environments_file_by_the_backend_appsettings_json_names_over_the_code() => VerifyWithCodeAsync(DeclaredInCode, [
        ("appsettings.json", """{ "ProdServer": { "Processes": { "web": { "Backend": "Granian" } } } }"""),
        ("appsettings.Production.json", """{ "ProdServer": { "Processes": { "web": { "Args": { "Reload": true } } } } }""")],
        At(RuleRegistry.GranianReloadInProduction, "appsettings.Production.json", 1, 53, 1, 67, "Reload"));

    [Fact]
    public Task Does_not_guess_a_backend_code_gives_two_ways_or_to_a_name_known_only_at_run_time() => VerifyWithCodeAsync(DeclaredInCode, [("appsettings.json", """
        { "ProdServer": { "Processes": {
          "either": { "Args": { "Reload": true } },
          "dyn": { "Args": { "Reload": true } } } } }
        """)]);

    [Fact]
    public Task Does_not_report_when_the_library_is_not_referenced() => VerifyAsync("appsettings.json", """
        { "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "Args": { "ExposeTracebacks": true } } } } }
        """, withLibrary: false, globalConfig: null);
}
