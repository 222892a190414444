using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// Runs an analyzer (and a code fix) over a test source compiled together with <see cref="StandIn"/>, a stand-in
/// of the library's public surface, so these tests do not depend on the runtime project (a netX library the
/// netstandard analyzers never load). The rules only read property names, and
/// <c>ProductionRulesSpecs.Every_setting_a_rule_reads_is_a_property_of_the_backends_args_record</c> (Config.Tests) checks
/// those names against the real record.
/// </summary>
internal static class Verify
{
    /// <summary>The shape of <c>ProdServer.Config</c> that the rules read.</summary>
    public const string StandIn = """
        #nullable enable
        namespace ProdServer.Config
        {
            public enum TrustedProxyHeader { Forwarded, XForwardedFor, XForwardedHost, XForwardedProto, XForwardedPort, XForwardedBy }

            public sealed partial record WaitressArgs
            {
                public bool? ExposeTracebacks { get; init; }
                public string? Host { get; init; }
                public int? Port { get; init; }
                public System.Collections.Generic.IReadOnlyList<string>? Listen { get; init; }
                public int? Threads { get; init; }
                public string? TrustedProxy { get; init; }
                public System.Collections.Generic.IReadOnlyList<TrustedProxyHeader>? TrustedProxyHeaders { get; init; }
                public string? UrlScheme { get; init; }
                public int? Backlog { get; init; }
                public int? SendBytes { get; init; }
                public int? ConnectionLimit { get; init; }
                public int? CleanupInterval { get; init; }
                public int? ChannelTimeout { get; init; }
                public string? UnixSocket { get; init; }
                public string? UnixSocketPerms { get; init; }
            }

            public enum GunicornLogLevel { Debug, Info, Warning, Error, Critical }

            public sealed partial record GunicornArgs
            {
                public int? Workers { get; init; }
                public bool? Reload { get; init; }
                public bool? Daemon { get; init; }
                public GunicornLogLevel? LogLevel { get; init; }
                public string? WorkerClass { get; init; }
            }

            public enum UvicornLogLevel { Critical, Error, Warning, Info, Debug, Trace }

            public sealed partial record UvicornArgs
            {
                public bool? Reload { get; init; }
                public string? Uds { get; init; }
                public int? Fd { get; init; }
                public int? TimeoutKeepAlive { get; init; }
                public UvicornLogLevel? LogLevel { get; init; }
            }

            public enum GranianLogLevel { Critical, Error, Warning, Warn, Info, Debug, Notset }

            public sealed partial record GranianArgs
            {
                public GranianLogLevel? LogLevel { get; init; }
                public bool? Reload { get; init; }
            }

            public enum CeleryLogLevel { Debug, Info, Warning, Error, Critical, Fatal }

            public sealed partial record CeleryWorkerArgs
            {
                public bool? Beat { get; init; }
                public CeleryLogLevel? LogLevel { get; init; }
                public string? Broker { get; init; }
                public string? ResultBackend { get; init; }
            }

            public sealed partial record CeleryBeatArgs
            {
                public CeleryLogLevel? LogLevel { get; init; }
                public string? Broker { get; init; }
                public string? ResultBackend { get; init; }
            }

            public sealed class ProdServerBuilder
            {
                public ProcessBuilder Process(string name) => new ProcessBuilder();
                public ProdServerBuilder DefaultProcess(string name) => this;
                public ProdServerOptions Options { get; } = new();
            }

            public sealed class ProdServerOptions
            {
                public object GetOrAdd(string name, object backend) => backend;
            }

            public sealed class ProcessBuilder
            {
                public ProcessBuilder WorkingDirectory(string path) => this;
                public ProcessBuilder DependsOn(params string[] processes) => this;
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            using System;
            using ProdServer.Config;

            public interface IServiceCollection { }

            public static class ProdServerServiceCollectionExtensions
            {
                public static IServiceCollection AddProdServer(this IServiceCollection services, Action<ProdServerBuilder> configure) => services;
                public static IServiceCollection AddProdServer(this IServiceCollection services) => services;
            }
        }

        namespace Microsoft.Extensions.Hosting
        {
            using ProdServer.Config;

            public static class ProdServerHost
            {
                public static System.Threading.Tasks.Task<int> RunAsync(string[] args, System.Action<ProdServerBuilder> configure) => System.Threading.Tasks.Task.FromResult(0);
            }
        }

        namespace ProdServer.Config
        {
            using System;

            public static class WaitressBuilderExtensions
            {
                public static ProcessBuilder UseWaitress(this ProcessBuilder process, string app, Func<WaitressArgs, WaitressArgs>? configure = null) => process;
                public static ProcessBuilder UseWaitress(this ProdServerBuilder builder, string app, Func<WaitressArgs, WaitressArgs>? configure = null) => new ProcessBuilder();
            }

            public static class GunicornBuilderExtensions
            {
                public static ProcessBuilder UseGunicorn(this ProcessBuilder process, string app, Func<GunicornArgs, GunicornArgs>? configure = null) => process;
                public static ProcessBuilder UseGunicorn(this ProdServerBuilder builder, string app, Func<GunicornArgs, GunicornArgs>? configure = null) => new ProcessBuilder();
            }

            public static class UvicornBuilderExtensions
            {
                public static ProcessBuilder UseUvicorn(this ProdServerBuilder builder, string app, Func<UvicornArgs, UvicornArgs>? configure = null) => new ProcessBuilder();
                public static ProcessBuilder UseUvicornWsgi(this ProcessBuilder process, string app, Func<UvicornArgs, UvicornArgs>? configure = null) => process;
            }

            public static class GranianBuilderExtensions
            {
                public static ProcessBuilder UseGranian(this ProcessBuilder process, string app, Func<GranianArgs, GranianArgs>? configure = null) => process;
                public static ProcessBuilder UseGranianWsgi(this ProcessBuilder process, string app, Func<GranianArgs, GranianArgs>? configure = null) => process;
            }

            public static class CeleryWorkerBuilderExtensions
            {
                public static ProcessBuilder UseCeleryWorker(this ProcessBuilder process, string app, Func<CeleryWorkerArgs, CeleryWorkerArgs>? configure = null) => process;
                public static ProcessBuilder UseCeleryBeat(this ProcessBuilder process, string app, Func<CeleryBeatArgs, CeleryBeatArgs>? configure = null) => process;
            }

            public sealed record DjangoDevServerArgs;

            public static class DjangoDevServerBuilderExtensions
            {
                public static ProcessBuilder UseDjangoDevServer(this ProcessBuilder process, string addrport, Func<DjangoDevServerArgs, DjangoDevServerArgs>? configure = null) => process;
                public static ProcessBuilder UseDjangoDevServer(this ProdServerBuilder builder, string addrport, Func<DjangoDevServerArgs, DjangoDevServerArgs>? configure = null) => new ProcessBuilder();
            }
        }
        """;

    /// <summary>
    /// <c>IHostEnvironment</c> and its <c>IsDevelopment()</c>, as Microsoft.Extensions.Hosting declares them, for sources that
    /// guard code with it (<c>{{Verify.HostingStandIn}}</c> in a <c>$$"""</c> source).
    /// </summary>
    public const string HostingStandIn = """
        namespace Microsoft.Extensions.Hosting
        {
            public interface IHostEnvironment { string EnvironmentName { get; } }
            public static class HostEnvironmentEnvExtensions
            {
                public static bool IsDevelopment(this IHostEnvironment env) => env.EnvironmentName == "Development";
                public static bool IsStaging(this IHostEnvironment env) => env.EnvironmentName == "Staging";
                public static bool IsProduction(this IHostEnvironment env) => env.EnvironmentName == "Production";
                public static bool IsEnvironment(this IHostEnvironment env, string environmentName) => env.EnvironmentName == environmentName;
            }
            public static class Environments { public const string Development = "Development"; public const string Staging = "Staging"; public const string Production = "Production"; }
        }
        """;

    private const string StandInPath = "/0/ProdServer.Config.cs";

    /// <summary>Asserts that <paramref name="source"/> (compiled with the stand-in) reports exactly <paramref name="expected"/>.</summary>
    public static Task AnalyzerAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        AnalyzerAsync<TAnalyzer>(source, withLibrary: true, editorConfig: null, expected);

    /// <summary>Asserts the diagnostics of <paramref name="source"/>, with or without the library, under an optional <c>.editorconfig</c> body for <c>[*.cs]</c>.</summary>
    public static Task AnalyzerAsync<TAnalyzer>(string source, bool withLibrary, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        if (withLibrary)
        {
            test.TestState.Sources.Add((StandInPath, StandIn));
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that <paramref name="source"/> reports <paramref name="expected"/> and that fixing all of them gives <paramref name="fixedSource"/>.</summary>
    public static Task CodeFixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add((StandInPath, StandIn));
        test.FixedState.Sources.Add((StandInPath, StandIn));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The diagnostic of <paramref name="rule"/> at markup location <c>{|#<paramref name="markupKey"/>:…|}</c>.</summary>
    public static DiagnosticResult Diagnostic(RuleInfo rule, int markupKey = 0) =>
        new DiagnosticResult(Rules.For(rule)).WithLocation(markupKey);
}
