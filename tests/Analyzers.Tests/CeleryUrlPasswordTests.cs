using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using JsonTest = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.AppSettingsAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>PSC0503: a Celery broker or result-backend URL with a password, in C# and in <c>appsettings.json</c>.</summary>
public sealed class CeleryUrlPasswordTests
{
    [Fact]
    public Task Reports_a_password_in_a_broker_or_result_backend_url_in_code() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        using ProdServer.Config;

        class C
        {
            const string Url = "redis://:s3cr3t@redis.internal:6379/0";

            CeleryWorkerArgs W() => new() { {|#0:Broker = Url|}, {|#1:ResultBackend = "redis://app:pw@redis.internal/1"|} };

            CeleryBeatArgs B(CeleryBeatArgs b) => b with { {|#2:Broker = "amqp://guest:guest@rabbit//"|} };
        }
        """,
        Verify.Diagnostic(RuleRegistry.CeleryUrlPassword, 0).WithArguments("Broker"),
        Verify.Diagnostic(RuleRegistry.CeleryUrlPassword, 1).WithArguments("ResultBackend"),
        Verify.Diagnostic(RuleRegistry.CeleryUrlPassword, 2).WithArguments("Broker"));

    [Fact]
    public Task Does_not_report_a_url_without_a_password_or_a_value_known_only_at_run_time() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        using ProdServer.Config;

        class C
        {
            CeleryWorkerArgs W(string fromEnvironment) => new()
            {
                Broker = "redis://redis.internal:6379/0",
                ResultBackend = fromEnvironment,
            };

            CeleryBeatArgs B() => new() { Broker = "redis://user@redis.internal/0" };
        }
        """);

    [Fact]
    public Task Reports_it_in_appsettings_json_at_the_key_but_not_a_url_without_a_password()
    {
        var test = new JsonTest { TestCode = "class Program { }", ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn));
        test.TestState.AdditionalFiles.Add(("/app/appsettings.json", """
            {"ProdServer":{"Processes":{
            "worker":{"Backend":"CeleryWorker","App":"proj","Args":{"Broker":"redis://:pw@h/0"}},
            "beat":{"Backend":"CeleryBeat","App":"proj","Args":{"Broker":"redis://h/0"}}}}}
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.For(RuleRegistry.CeleryUrlPassword))
            .WithSpan("/app/appsettings.json", 2, 57, 2, 57 + "\"Broker\":\"redis://:pw@h/0\"".Length).WithArguments("Broker"));
        return test.RunAsync(CancellationToken.None);
    }
}
