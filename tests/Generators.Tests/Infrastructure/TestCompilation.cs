using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ProdServer.Config.Generators.Tests.Infrastructure;

/// <summary>
/// Builds compilations from the contract sources on disk rather than referencing src/Config, so that these tests only
/// depend on the generator and the hand-written files it calls, not on the rest of the runtime library.
/// </summary>
internal static class TestCompilation
{
    // The contract the generated code compiles against, listed by name: other files in these folders are not ours to depend on.
    private static readonly string[] ContractFiles =
    [
        "src/Config/Arguments/ArgAliasAttribute.cs",
        "src/Config/Arguments/ArgsConfigurationReader.cs",
        "src/Config/Arguments/BooleanStyle.cs",
        "src/Config/Arguments/ExtraArgsAttribute.cs",
        "src/Config/Arguments/FlagAttribute.cs",
        "src/Config/Arguments/FlagGroupAttribute.cs",
        "src/Config/Arguments/FlagInfo.cs",
        "src/Config/Arguments/FlagValue.cs",
        "src/Config/Arguments/IServerArgs.cs",
        "src/Config/Arguments/PositionalArgsAttribute.cs",
        "src/Config/Arguments/ServerArgsAttribute.cs",
        "src/Config/Arguments/ServerArgument.cs",
        "src/Config/Arguments/ServerBuilderAttribute.cs",
        "src/Config/Arguments/ServerValueAttribute.cs",
    ];

    private static readonly string[] WaitressFiles =
    [
        "src/Config/Backends/Waitress/TrustedProxyHeader.cs",
        "src/Config/Backends/Waitress/WaitressArgs.cs",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>Latest language, and documentation comments checked so that a missing doc on a generated public member shows up as CS1591.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>The contract sources, optionally WaitressArgs, and <paramref name="userSources"/> (named <c>User0.cs</c>, <c>User1.cs</c>, …).</summary>
    public static CSharpCompilation Create(bool includeWaitress, params string[] userSources)
    {
        var trees = new List<SyntaxTree>();
        foreach (var file in includeWaitress ? ContractFiles.Concat(WaitressFiles) : ContractFiles)
        {
            var path = Path.Combine(RepositoryRoot, file);
            trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path));
        }

        if (includeWaitress)
        {
            // WaitressArgs asks for builder methods, which call into the hosting types; stand-ins keep this compilation small.
            trees.Add(Parse(Sources.HostingStandIns, "HostingStandIns.cs"));
        }

        for (var i = 0; i < userSources.Length; i++)
        {
            trees.Add(Parse(userSources[i], $"User{i}.cs"));
        }

        return CSharpCompilation.Create(
            "ProdServer.Config.GeneratorTestAssembly",
            trees,
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                // Like the repository's builds: a warning in generated code would break a user's warnings-as-errors build.
                generalDiagnosticOption: ReportDiagnostic.Default,
                deterministic: true));
    }

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // Basic.Reference.Assemblies is not available here, so the running runtime's own assemblies serve as references.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(Microsoft.Extensions.Configuration.IConfigurationSection).Assembly.Location)
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

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
