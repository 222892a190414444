using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// <c>ProdServer:Rules</c> in appsettings*.json applies at build time as at start-up: to code's findings from the project's
/// <c>appsettings.json</c> (its rules hold in every environment), and to an environment's file with <c>appsettings.json</c>
/// under it.
/// </summary>
public sealed class ConfiguredRulesTests
{
    private const string Code = """
        using ProdServer.Config;

        class C
        {
            WaitressArgs Threads24() => new WaitressArgs { Threads = 24, Port = 80 };
            WaitressArgs Threads40() => new WaitressArgs { {|#0:Threads = 40|} };
        }
        """;

    [Fact]
    public Task Code_is_judged_with_the_thread_limit_and_the_switches_of_appsettings_json() => VerifyAsync<ServerArgsAnalyzer>(
        Code,
        [("appsettings.json", """{ "ProdServer": { "Rules": { "MaxThreads": 32, "psc0003": "off" } } }"""),
         ("appsettings.Production.json", """{ "ProdServer": { "Rules": { "MaxThreads": 64 } } }""")],
        Verify.Diagnostic(RuleRegistry.TooManyThreads, 0).WithArguments("Threads", 40L, 32));

    [Fact]
    public Task Without_one_appsettings_json_code_keeps_the_default_limit() => VerifyAsync<ServerArgsAnalyzer>(
        Code.Replace("Threads = 24, Port = 80", "{|#1:Threads = 24|}, {|#2:Port = 80|}"),
        [("appsettings.Development.json", """{ "ProdServer": { "Rules": { "MaxThreads": 32, "PSC0003": "off" } } }""")],
        Verify.Diagnostic(RuleRegistry.TooManyThreads, 1).WithArguments("Threads", 24L, 16),
        Verify.Diagnostic(RuleRegistry.PrivilegedPort, 2).WithArguments("Port", 80L),
        Verify.Diagnostic(RuleRegistry.TooManyThreads, 0).WithArguments("Threads", 40L, 16));

    [Fact]
    public Task A_rule_switched_off_in_appsettings_json_is_not_reported_for_code_calls() => VerifyAsync<ProdServerBuilderAnalyzer>("""
        using ProdServer.Config;

        static class Startup
        {
            public static void Configure(ProdServerBuilder o)
            {
                o.UseDjangoDevServer("127.0.0.1:8000");
                o.Process("api").UseWaitress({|#0:"mysite.wsgi"|});
            }
        }
        """,
        [("appsettings.json", """{ "ProdServer": { "Rules": { "PSC0113": "off" } } }""")],
        Verify.Diagnostic(RuleRegistry.AppTargetNotModuleObject, 0).WithArguments("mysite.wsgi", "'module:object' (a dotted module, a colon and the object's name) in ASCII letters, digits and _, for example mysite.wsgi:application"));

    [Fact]
    public Task An_environments_file_is_judged_with_the_rules_of_appsettings_json_under_its_own() => VerifyAsync<AppSettingsAnalyzer>(
        "class Program { }",
        [("appsettings.json", """{ "ProdServer": { "Rules": { "PSC0006": "off", "MaxThreads": 8, "PSC0003": "off" } } }"""),
         ("appsettings.Production.json", """
         { "ProdServer": { "Rules": { "PSC0003": "warning" },
           "Processes": { "web": { "Backend": "Waitress", "Args": { "Threads": 64, "Port": 80 } } } } }
         """)],
        new DiagnosticResult(Rules.For(RuleRegistry.PrivilegedPort)).WithSpan("/app/appsettings.Production.json", 2, 75, 2, 85).WithArguments("Port", 80L));

    private static Task VerifyAsync<TAnalyzer>(string code, (string File, string Json)[] files, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<TAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
        {
            TestCode = code,
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
}
