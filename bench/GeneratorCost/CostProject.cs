using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProdServer.Config.Generators.Testing;

namespace ProdServer.Config.Bench.GeneratorCost;

/// <summary>
/// The project bench/generator-cost.sh builds, as an in-memory compilation: the contract sources of src/Config that
/// generated code calls (compiled from source as tests/Generators.Tests does, through the same <see cref="ContractCompilation"/>,
/// so the runtime library need not build), N records of ten flags each with one enum (the template generator-cost.sh fills
/// in too), and a one-line Program.
/// </summary>
internal static class CostProject
{
    private static string? ConfigAssembly => Environment.GetEnvironmentVariable("PRODSERVER_CONFIG_DLL") is { Length: > 0 } path ? path : null;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Program.cs; <paramref name="workers"/> is the token the unrelated-edit benchmark changes.</summary>
    public static string Program(int workers = 2) =>
        $"System.Console.WriteLine(((ProdServer.Config.IServerArgs)new Cost.Args1 {{ Workers = {workers} }}).Command);\n";

    public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    /// <summary>The syntax trees, parsed once: a compilation made from them again starts with no bound symbols.</summary>
    public static ImmutableArray<SyntaxTree> Trees(string root, int records)
    {
        // With PRODSERVER_CONFIG_DLL set, the contract comes from that built ProdServer.Config.dll instead, as in a real build.
        var trees = ConfigAssembly is null ? ContractCompilation.ContractTrees(root, ParseOptions).ToList() : [];
        for (var i = 1; i <= records; i++)
        {
            trees.Add(Parse(ContractCompilation.CostRecord(root, i), $"Args{i}.cs"));
        }

        trees.Add(Parse(Program(), "Program.cs"));
        return [.. trees];
    }

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        ContractCompilation.Create("Cost", OutputKind.ConsoleApplication, trees, References.Value);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References =
        new(static () => ContractCompilation.References(ConfigAssembly is null ? [] : [ConfigAssembly]));
}
