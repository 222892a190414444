using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ProdServer.Config.Analyzers.CodeFixes;
using VerifyCS = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixVerifier<
    ProdServer.Config.Analyzers.ExposeTracebacksAnalyzer,
    ProdServer.Config.Analyzers.CodeFixes.ExposeTracebacksCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;
using ExposeTracebacksTest = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.ExposeTracebacksAnalyzer,
    ProdServer.Config.Analyzers.CodeFixes.ExposeTracebacksCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// Runs <see cref="ExposeTracebacksAnalyzer"/> and <see cref="ExposeTracebacksCodeFixProvider"/> over a test source
/// compiled together with a stand-in of <c>WaitressArgs</c>, so these tests do not depend on the runtime project.
/// </summary>
internal static class ExposeTracebacksVerifier
{
    /// <summary>The shape of <c>ProdServer.Config.WaitressArgs</c> that matters to the rule.</summary>
    public const string WaitressArgsStandIn = """
        #nullable enable
        namespace ProdServer.Config
        {
            public sealed partial record WaitressArgs
            {
                public bool? ExposeTracebacks { get; init; }
                public string? Host { get; init; }
                public int? Port { get; init; }
            }
        }
        """;

    private const string StandInPath = "/0/WaitressArgs.cs";

    /// <summary>Asserts that <paramref name="source"/> (compiled with the stand-in) reports exactly <paramref name="expected"/>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, withLibrary: true, expected);

    /// <summary>Asserts the diagnostics of <paramref name="source"/>, compiled with or without the stand-in library.</summary>
    public static Task VerifyAnalyzerAsync(string source, bool withLibrary, params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, withLibrary);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that <paramref name="source"/> reports <paramref name="expected"/> and that fixing all of them gives <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, withLibrary: true);
        test.FixedCode = fixedSource;
        test.FixedState.Sources.Add((StandInPath, WaitressArgsStandIn));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The PSC0001 diagnostic at markup location <c>{|#<paramref name="markupKey"/>:…|}</c>.</summary>
    public static DiagnosticResult Diagnostic(int markupKey = 0) =>
        VerifyCS.Diagnostic(Rules.ExposeTracebacksInProduction).WithLocation(markupKey).WithArguments("ExposeTracebacks");

    private static ExposeTracebacksTest CreateTest(string source, bool withLibrary)
    {
        var test = new ExposeTracebacksTest
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        if (withLibrary)
        {
            test.TestState.Sources.Add((StandInPath, WaitressArgsStandIn));
        }

        return test;
    }
}
