using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ProdServer.Config.Generators.Testing;

/// <summary>
/// How the generator tests (tests/Generators.Tests) and the generator benchmark (bench/GeneratorCost) build a compilation
/// without src/Config: its contract sources, the files generated code calls, compiled from disk, with the running
/// runtime's assemblies as references. One file, linked into both projects, so that what is timed is what is tested.
/// </summary>
internal static class ContractCompilation
{
    /// <summary>The contract the generated code compiles against, listed by name: other files in these folders are not ours to depend on.</summary>
    public static readonly IReadOnlyList<string> ContractFiles =
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
        "src/Config/Model/Names.Printable.cs",
        "src/Config/Model/Quoted.cs",
    ];

    /// <summary>The contract files under <paramref name="root"/>, parsed with <paramref name="options"/>; each tree's path is the file's.</summary>
    public static IEnumerable<SyntaxTree> ContractTrees(string root, CSharpParseOptions options) =>
        ContractFiles.Select(f => Path.Combine(root, f)).Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), options, path));

    /// <summary>
    /// The running runtime's own assemblies (Basic.Reference.Assemblies is not available here), the configuration
    /// abstractions the contract reads, and <paramref name="more"/> (a built ProdServer.Config.dll, for instance).
    /// </summary>
    public static ImmutableArray<MetadataReference> References(params string[] more) =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(Microsoft.Extensions.Configuration.IConfigurationSection).Assembly.Location)
            .Concat(more)
            .Distinct(StringComparer.Ordinal)
            .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p)),
    ];

    /// <summary>A compilation as the repository builds: nullable on, deterministic, warnings left as warnings (the tests look at them).</summary>
    public static CSharpCompilation Create(string assemblyName, OutputKind kind, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Default, deterministic: true));

    /// <summary>
    /// Record <paramref name="i"/> of the benchmark project (ten flags, one enum), from bench/GeneratorCost/Record.cs.template
    /// under <paramref name="root"/>, which bench/generator-cost.sh fills in too; <paramref name="workers"/> is the one token the
    /// edit benchmark changes.
    /// </summary>
    public static string CostRecord(string root, int i, string workers = "workers") =>
        File.ReadAllText(Path.Combine(root, "bench", "GeneratorCost", "Record.cs.template"))
            .Replace("__N__", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__WORKERS__", workers, StringComparison.Ordinal);
}
