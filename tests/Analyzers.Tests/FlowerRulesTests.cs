using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using JsonTest = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.AppSettingsAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>PSC0504 (Flower beyond loopback without authentication) and PSC0505 (Flower's --debug), in C# and in <c>appsettings.json</c>.</summary>
public sealed class FlowerRulesTests
{
    // CeleryFlowerArgs as the library declares the properties the rules read.
    private const string FlowerArgs = """

        namespace ProdServer.Config
        {
            public sealed partial record CeleryFlowerArgs
            {
                public string? Address { get; init; }
                public int? Port { get; init; }
                public string? UnixSocket { get; init; }
                public bool? Debug { get; init; }
                public string? Auth { get; init; }
                public System.Collections.Generic.IReadOnlyList<string>? BasicAuth { get; init; }
            }
        }
        """;

    [Fact]
    public Task Reports_flower_on_every_interface_or_a_public_address_without_authentication() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        #nullable enable
        using ProdServer.Config;

        class C
        {
            CeleryFlowerArgs Default(CeleryFlowerArgs f) => f with { {|#0:Port = 5555|} };

            CeleryFlowerArgs Everyone() => new() { {|#1:Address = "0.0.0.0"|}, Port = 5555 };

            CeleryFlowerArgs Public() => new() { {|#2:Address = "10.0.0.5"|}, BasicAuth = null, Auth = "" };
        }
        """ + FlowerArgs,
        Verify.Diagnostic(RuleRegistry.FlowerWithoutAuthentication, 0).WithArguments("Port", "every interface (its default, although its banner says 127.0.0.1)"),
        Verify.Diagnostic(RuleRegistry.FlowerWithoutAuthentication, 1).WithArguments("Address", "0.0.0.0"),
        Verify.Diagnostic(RuleRegistry.FlowerWithoutAuthentication, 2).WithArguments("Address", "10.0.0.5"));

    [Fact]
    public Task Does_not_report_flower_on_loopback_a_socket_or_with_authentication_or_a_value_known_only_at_run_time() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        #nullable enable
        using ProdServer.Config;

        class C
        {
            CeleryFlowerArgs Loopback() => new() { Address = "127.0.0.1", Port = 5555 };

            CeleryFlowerArgs V6() => new() { Address = "::1" };

            CeleryFlowerArgs Named() => new() { Address = "localhost" };

            CeleryFlowerArgs Basic() => new() { Address = "0.0.0.0", BasicAuth = ["admin:secret"] };

            CeleryFlowerArgs OAuth() => new() { Port = 5555, Auth = ".*@example\\.com" };

            CeleryFlowerArgs Socket() => new() { UnixSocket = "/run/flower/flower.sock" };

            CeleryFlowerArgs FromEnvironment(string address) => new() { Address = address };

            CeleryFlowerArgs UsersFromEnvironment(string[] users) => new() { Address = "0.0.0.0", BasicAuth = users };

            CeleryFlowerArgs PasswordFromEnvironment() => new() { Address = "0.0.0.0", BasicAuth = ["admin:" + System.Environment.GetEnvironmentVariable("FLOWER_PASSWORD")] };
        }
        """ + FlowerArgs);

    [Fact]
    public Task Reports_debug_mode_but_not_under_IsDevelopment() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        #nullable enable
        using Microsoft.Extensions.Hosting;
        using ProdServer.Config;

        class C
        {
            CeleryFlowerArgs Production() => new() { Address = "127.0.0.1", {|#0:Debug = true|} };

            CeleryFlowerArgs Off() => new() { Address = "127.0.0.1", Debug = false };

            CeleryFlowerArgs Development(IHostEnvironment env) =>
                env.IsDevelopment() ? new() { Address = "127.0.0.1", Debug = true } : new() { Address = "127.0.0.1" };
        }

        namespace Microsoft.Extensions.Hosting
        {
            public interface IHostEnvironment { }

            public static class HostEnvironmentEnvExtensions
            {
                public static bool IsDevelopment(this IHostEnvironment environment) => true;
            }
        }
        """ + FlowerArgs,
        Verify.Diagnostic(RuleRegistry.FlowerDebug, 0).WithArguments("Debug"));

    [Fact]
    public Task Does_nothing_without_the_library() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        record CeleryFlowerArgs { public string? Address { get; init; } }

        class C
        {
            CeleryFlowerArgs F() => new() { Address = "0.0.0.0" };
        }
        """, withLibrary: false, editorConfig: null);

    [Fact]
    public Task Reports_both_in_appsettings_json_at_the_key()
    {
        var test = new JsonTest { TestCode = "class Program { }", ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn + FlowerArgs));
        test.TestState.AdditionalFiles.Add(("/app/appsettings.json", """
            {"ProdServer":{"Processes":{
            "flower":{"Backend":"CeleryFlower","App":"proj","Args":{"Address":"0.0.0.0","Debug":true}},
            "safe":{"Backend":"CeleryFlower","App":"proj","Args":{"Address":"0.0.0.0","BasicAuth":"admin:pw"}}}}}
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.For(RuleRegistry.FlowerWithoutAuthentication))
            .WithSpan("/app/appsettings.json", 2, 57, 2, 57 + "\"Address\":\"0.0.0.0\"".Length).WithArguments("Address", "0.0.0.0"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.For(RuleRegistry.FlowerDebug))
            .WithSpan("/app/appsettings.json", 2, 77, 2, 77 + "\"Debug\":true".Length).WithArguments("Debug"));
        return test.RunAsync(CancellationToken.None);
    }
}
