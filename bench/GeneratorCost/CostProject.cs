using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ProdServer.Config.Bench.GeneratorCost;

/// <summary>
/// The project bench/generator-cost.sh builds, as an in-memory compilation: the contract sources of src/Config that
/// generated code calls (compiled from source, as tests/Generators.Tests does, so the runtime library need not build),
/// N records of ten flags each with one enum, and a one-line Program.
/// </summary>
internal static class CostProject
{
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
        "src/Config/Arguments/ServerArgsAttribute.cs",
        "src/Config/Arguments/ServerArgument.cs",
        "src/Config/Arguments/ServerBuilderAttribute.cs",
        "src/Config/Arguments/ServerValueAttribute.cs",
        "src/Config/Arguments/RangeWording.cs",
    ];

    private static string? ConfigAssembly => Environment.GetEnvironmentVariable("PRODSERVER_CONFIG_DLL") is { Length: > 0 } path ? path : null;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Record <paramref name="i"/>'s file; <paramref name="workers"/> is the one token the edit benchmark changes.</summary>
    public static string Record(int i, string workers = "workers") => $$"""
        using ProdServer.Config;

        namespace Cost;

        public enum Mode{{i}} { [ServerValue("fast")] Fast, [ServerValue("safe")] Safe }

        [ServerArgs("server{{i}}")]
        public sealed partial record Args{{i}}
        {
            [Flag("{{workers}}")] public int? Workers { get; init; }
            [Flag("threads")] public int? Threads { get; init; }
            [Flag("host")] public string? Host { get; init; }
            [Flag("port")] public int? Port { get; init; }
            [Flag("reload", Boolean = BooleanStyle.Switch)] public bool? Reload { get; init; }
            [Flag("ipv6", Boolean = BooleanStyle.Negatable)] public bool? Ipv6 { get; init; }
            [Flag("listen")] public System.Collections.Generic.IReadOnlyList<string>? Listen { get; init; }
            [Flag("mode")] public Mode{{i}}? Mode { get; init; }
            [Flag("timeout")] public double? Timeout { get; init; }
            [Flag("log-level")] public string? LogLevel { get; init; }
        }
        """;

    /// <summary>Program.cs; <paramref name="workers"/> is the token the unrelated-edit benchmark changes.</summary>
    public static string Program(int workers = 2) =>
        $"System.Console.WriteLine(((ProdServer.Config.IServerArgs)new Cost.Args1 {{ Workers = {workers} }}).Command);\n";

    public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    /// <summary>The syntax trees, parsed once: a compilation made from them again starts with no bound symbols.</summary>
    public static ImmutableArray<SyntaxTree> Trees(string root, int records)
    {
        // With PRODSERVER_CONFIG_DLL set, the contract comes from that built ProdServer.Config.dll instead, as in a real build.
        var trees = ContractFiles
            .Where(f => ConfigAssembly is null && File.Exists(Path.Combine(root, f)))
            .Select(f => Parse(File.ReadAllText(Path.Combine(root, f)), Path.Combine(root, f)))
            .ToList();
        for (var i = 1; i <= records; i++)
        {
            trees.Add(Parse(Record(i), $"Args{i}.cs"));
        }

        trees.Add(Parse(Program(), "Program.cs"));
        return [.. trees];
    }

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "Cost",
        trees,
        References.Value,
        new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(static () =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(Microsoft.Extensions.Configuration.IConfigurationSection).Assembly.Location)
            .Concat(ConfigAssembly is null ? [] : [ConfigAssembly])
            .Distinct(StringComparer.Ordinal)
            .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p)),
    ]);
}
