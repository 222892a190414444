using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProdServer.Config.Generators.Testing;

namespace ProdServer.Config.Generators.Tests.Infrastructure;

/// <summary>
/// Builds compilations from the contract sources on disk rather than referencing src/Config, so that these tests only
/// depend on the generator and the hand-written files it calls, not on the rest of the runtime library; the contract,
/// references and options are <see cref="ContractCompilation"/>'s, shared with bench/GeneratorCost.
/// </summary>
internal static class TestCompilation
{
    private static readonly string[] WaitressFiles =
    [
        "src/Config/Backends/Waitress/TrustedProxyHeader.cs",
        "src/Config/Backends/Waitress/WaitressArgs.cs",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(static () => ContractCompilation.References());

    /// <summary>Latest language, and documentation comments checked so that a missing doc on a generated public member shows up as CS1591.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>The contract sources, optionally WaitressArgs, and <paramref name="userSources"/> (named <c>User0.cs</c>, <c>User1.cs</c>, …).</summary>
    public static CSharpCompilation Create(bool includeWaitress, params string[] userSources)
    {
        var trees = ContractCompilation.ContractTrees(RepositoryRoot, ParseOptions).ToList();
        if (includeWaitress)
        {
            foreach (var path in WaitressFiles.Select(f => Path.Combine(RepositoryRoot, f)))
            {
                trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path));
            }

            // WaitressArgs asks for builder methods, which call into the hosting types; stand-ins keep this compilation small.
            trees.Add(Parse(Sources.HostingStandIns, "HostingStandIns.cs"));
        }

        for (var i = 0; i < userSources.Length; i++)
        {
            trees.Add(Parse(userSources[i], $"User{i}.cs"));
        }

        // Warnings stay visible to the tests: one in generated code would break a user's warnings-as-errors build.
        return ContractCompilation.Create("ProdServer.Config.GeneratorTestAssembly", OutputKind.DynamicallyLinkedLibrary, trees, References);
    }

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProdServer.Config.sln")) || File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (ProdServer.Config.sln or Directory.Build.props) above {AppContext.BaseDirectory}.");
    }
}
