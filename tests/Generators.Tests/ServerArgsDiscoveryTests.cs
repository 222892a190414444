using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>
/// The generator finds <c>[ServerArgs]</c> by its spelled name and looks the name up itself instead of letting
/// <c>ForAttributeWithMetadataName</c> bind every record's attribute (issue 15); an alias still goes through Roslyn. These hold
/// every way of writing the attribute to the same output, and someone else's <c>ServerArgs</c> to none.
/// </summary>
public sealed class ServerArgsDiscoveryTests
{
    private const string Record = """
        partial record MyArgs
        {
            [ProdServer.Config.Flag("port")] public int? Port { get; init; }
        }
        """;

    private const string Hint = "MyApp.MyArgs.Args.g.cs";

    public static TheoryData<string, string, string> Spellings => new()
    {
        { "plain", "using ProdServer.Config;\nnamespace MyApp;\n[ServerArgs(\"srv\")]\n" + Record, TrackingNames.Parse },
        { "suffixed", "namespace MyApp;\n[ProdServer.Config.ServerArgsAttribute(\"srv\")]\n" + Record, TrackingNames.Parse },
        { "global-qualified", "namespace MyApp;\n[global::ProdServer.Config.ServerArgs(\"srv\")]\n" + Record, TrackingNames.Parse },
        { "verbatim", "using ProdServer.Config;\nnamespace MyApp;\n[@ServerArgsAttribute(\"srv\")]\n" + Record, TrackingNames.Parse },
        { "among-others", "using ProdServer.Config;\nnamespace MyApp;\n[System.Obsolete, ServerArgs(command: \"srv\")]\n" + Record, TrackingNames.Parse },
        { "local-alias", "using SA = ProdServer.Config.ServerArgsAttribute;\nnamespace MyApp;\n[SA(\"srv\")]\n" + Record, TrackingNames.ParseAliased },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Every_way_of_writing_ServerArgs_generates_what_the_plain_spelling_does(string spelling, string source, string step)
    {
        var plain = Generate("using ProdServer.Config;\nnamespace MyApp;\n[ServerArgs(\"srv\")]\n" + Record);

        var result = Generate(source);

        Assert.Equal(plain.SingleSource(Hint), result.SingleSource(Hint));
        Assert.True(GeneratorHarness.Reasons(result.RunResult, step).Length == 1, spelling + " was not found by " + step);
    }

    [Fact]
    public void A_global_alias_in_another_file_is_still_found()
    {
        var plain = Generate("using ProdServer.Config;\nnamespace MyApp;\n[ServerArgs(\"srv\")]\n" + Record);

        var result = GeneratorHarness.Run(TestCompilation.Create(
            includeWaitress: false,
            "namespace MyApp;\n[Ours(\"srv\")]\n" + Record,
            "global using Ours = ProdServer.Config.ServerArgsAttribute;"));

        Assert.Equal(plain.SingleSource(Hint), result.SingleSource(Hint));
        Assert.Single(GeneratorHarness.Reasons(result.RunResult, TrackingNames.ParseAliased));
        Assert.Empty(GeneratorHarness.Reasons(result.RunResult, TrackingNames.Parse));
    }

    private const string OtherServerArgs = """
        namespace Other
        {
            public sealed class ServerArgsAttribute(string command) : System.Attribute
            {
                public string Command { get; } = command;
            }
        }

        namespace MyApp
        {
            [ServerArgs("srv")]
            partial record MyArgs
            {
                [ProdServer.Config.Flag("port")] public int? Port { get; init; }
            }
        }
        """;

    [Fact]
    public void Someone_elses_ServerArgs_attribute_generates_nothing()
    {
        var result = Generate("using Other;\n" + OtherServerArgs);

        Assert.Empty(result.HintNames);
        Assert.Empty(result.GeneratorDiagnostics);
    }

    [Fact]
    public void An_ambiguous_ServerArgs_is_decided_by_what_Roslyn_binds_as_ForAttributeWithMetadataName_did()
    {
        var compilation = TestCompilation.Create(includeWaitress: false, "using Other;\nusing ProdServer.Config;\n" + OtherServerArgs);
        var roslyn = compilation.GetTypeByMetadataName("MyApp.MyArgs")!.GetAttributes()
            .Any(static a => a.AttributeClass?.ToDisplayString() == Parser.ServerArgsAttributeName);

        var result = GeneratorHarness.Run(compilation);

        Assert.Contains(compilation.GetDiagnostics(), static d => d.Id == "CS0104");
        Assert.Equal(roslyn, result.HintNames.Contains(Hint));
    }

    [Fact]
    public void ArgAlias_on_another_part_of_the_record_is_kept()
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(
            includeWaitress: false,
            "using ProdServer.Config;\nnamespace MyApp;\n[ServerArgs(\"srv\")]\n" + Record,
            "using ProdServer.Config;\nnamespace MyApp;\n[ArgAlias(\"listen_port\", \"port\")]\npartial record MyArgs;"));

        Assert.Contains("\"listen_port\"", result.SingleSource(Hint));
    }

    [Fact]
    public void The_records_own_attributes_read_from_syntax_are_those_Roslyn_binds_even_when_a_nested_type_shadows_ours()
    {
        const string Source = """
            using ProdServer.Config;

            namespace MyApp;

            [ServerArgs("srv"), System.Obsolete("old")]
            [ArgAlias("listen_port", "port"), ArgAliasAttribute("p", "port")]
            public sealed partial record MyArgs
            {
                [Flag("port")] public int? Port { get; init; }

                public sealed class ServerArgsAttribute(string command) : System.Attribute
                {
                    public string Command { get; } = command;
                }
            }
            """;
        var compilation = TestCompilation.Create(includeWaitress: false, Source);
        var tree = compilation.SyntaxTrees.Single(static t => t.FilePath == "User0.cs");
        var declaration = tree.GetRoot().DescendantNodes().OfType<RecordDeclarationSyntax>().Single();
        var record = compilation.GetTypeByMetadataName("MyApp.MyArgs")!;

        var fromSyntax = new AttributeResolver(compilation.GetSemanticModel(tree)).OfType(declaration, Parser.TypeClasses, default);

        Assert.True(fromSyntax.HasValue, "the record's attributes fell back to binding");
        Assert.Equal(Describe(FoundAttribute.FromSymbol(record)), Describe(fromSyntax.Value));
        // The record's own nested ServerArgsAttribute is in scope where the compiler binds the record's attributes.
        Assert.DoesNotContain("ProdServer.Config.ServerArgsAttribute(srv)", Describe(fromSyntax.Value));
        Assert.Contains("ProdServer.Config.ArgAliasAttribute(p, port)", Describe(fromSyntax.Value));
    }

    private static GeneratorResult Generate(string source) =>
        GeneratorHarness.Run(TestCompilation.Create(includeWaitress: false, source));

    private static string[] Describe(IEnumerable<FoundAttribute> attributes) =>
    [
        .. attributes
            .Where(static a => Parser.TypeClasses.Contains(a.ClassName))
            .Select(static a => a.ClassName + "(" + string.Join(", ", a.Arguments) + ")"),
    ];
}
