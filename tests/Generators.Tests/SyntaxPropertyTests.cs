using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProdServer.Config.Generators.Model;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>
/// The generator reads a record without a base record from its declarations, because building the record's member table was
/// a fifth of its time (issue 15). These hold that syntax path to the symbol path: the same model or the same diagnostics,
/// property by property the same type, accessors and documentation, and the symbol path taken wherever the syntax cannot
/// stand for the symbol.
/// </summary>
public sealed class SyntaxPropertyTests
{
    private const string EveryKind = """
        using System.Collections.Generic;
        using System.ComponentModel;
        using ProdServer.Config;
        using Alias = System.Collections.Generic.List<int>;

        namespace MyApp;

        /// <summary>How to serve.</summary>
        public enum Mode { [ServerValue("fast")] Fast, Safe, HTTPOnly }

        // Values given: read from the enum's symbols, where Minimum is an alias of Low.
        public enum Level { Low = 1, [ServerValue("min")] Minimum = 1, High }

        [ServerArgs("every")]
        public sealed partial record EveryArgs
        {
            /// <summary>Workers: see <see cref="Threads"/>, <see cref="EveryArgs.Host"/> and <see cref="Mode.Fast"/>.</summary>
            [Flag("workers")] public int? Workers { get; init; }

            /// <summary>
            /// Threads, <c>0</c> for none.
            /// <para>A second paragraph with <see langword="null"/> and <paramref name="value"/>.</para>
            /// </summary>
            /// <remarks>Not in the schema.</remarks>
            [Flag("threads")] public long? Threads { get; init; }

            /// <summary>Generic <see cref="List{T}"/>, keyword <see cref="int"/>, alias <see cref="Alias"/>, method <see cref="Parse(string)"/>.</summary>
            [Flag("host")] public string? Host { get; init; }

            /// <summary>Unresolved <see cref="Nowhere"/> and <see cref="Nowhere{T}.Deeper"/>, a link <see href="https://example.org/a.b"/>.</summary>
            // An ordinary comment between the documentation and the property.
            [Flag("port")] public int? Port { get; init; }

            /// <summary>Entities &lt;kept&gt; &amp; decoded.</summary>
            [Flag("ratio", Minimum = 0, Maximum = 1)] public double? Ratio { get; init; }

            [Flag("reload", Boolean = BooleanStyle.Switch), Description("From the attribute.")] public bool? Reload { get; init; }

            /// <summary>The servers' modes.</summary>
            [Flag("mode")] public Mode? Mode { get; init; }

            [Flag("modes", Separator = ",")] public IReadOnlyList<Mode>? Modes { get; init; }

            [Flag("level")] public Level? Level { get; init; }

            [Flag("listen")] public IReadOnlyList<string>? Listen { get; init; }

            [Flag("event")] public string? @event { get; init; }

            /// <summary>Malformed <c>xml.</summary>
            [Flag("broken")] public string? Broken { get; init; }

            [ExtraArgs] public IReadOnlyList<string>? Extra { get; init; }

            public string? NotAFlag { get; init; }

            string? Hidden { get; set; }

            public string? Half { get; private set; }

            private protected string? Shared { get; init; }

            public int? Computed => Workers;

            private string? _field;

            public static EveryArgs Parse(string text) => new();

            public sealed record Nested(int? Value);
        }
        """;

    // Every way a property can be unfit: each is a diagnostic, which both paths must report alike.
    private const string Unfit = """
        using System.Collections.Generic;
        using ProdServer.Config;

        namespace MyApp;

        [ServerArgs("unfit")]
        public sealed partial record UnfitArgs
        {
            [Flag("host")] public string Host { get; init; } = "";
            [Flag("port")] public int Port { get; init; }
            [Flag("list")] public IReadOnlyList<string?>? List { get; init; }
            [Flag("names")] public List<string>? Names { get; init; }
            [Flag("getter")] public string? Getter { get; }
            [Flag("static")] public static string? Static { get; set; }
            [Flag("computed")] public string? Computed => null;
            [Flag("--dashes")] public string? Dashes { get; init; }
            [Flag("host")] public string? Again { get; init; }
            [Flag("both"), ExtraArgs] public IReadOnlyList<string>? Both { get; init; }
            [Flag("missing")] public Missing? Unknown { get; init; }
        }
        """;

    // Outside a nullable context 'string' is neither annotated nor not: a string flag all the same.
    private const string Oblivious = """
        using System.Collections.Generic;
        using ProdServer.Config;

        namespace MyApp;

        [ServerArgs("oblivious")]
        public sealed partial record ObliviousArgs
        {
        #nullable disable
            [Flag("host")] public string Host { get; init; }
            [Flag("listen")] public IReadOnlyList<string> Listen { get; init; }
            [Flag("workers")] public int Workers { get; init; }
            [Flag("threads")] public int? Threads { get; init; }
        #nullable restore
            [Flag("port")] public int? Port { get; init; }
        }
        """;

    private const string SplitFirst = """
        using ProdServer.Config;

        namespace MyApp;

        public sealed partial record SplitArgs
        {
            /// <summary>Declared in the file without the attribute.</summary>
            [Flag("first")] public string? First { get; init; }
        }
        """;

    private const string SplitSecond = """
        using ProdServer.Config;

        namespace MyApp;

        [ServerArgs("split")]
        public sealed partial record SplitArgs
        {
            [Flag("second")] public int? Second { get; init; }
        }
        """;

    private const string WithBase = """
        using ProdServer.Config;

        namespace MyApp;

        public abstract record CommonArgs
        {
            /// <summary>Inherited.</summary>
            [Flag("settings")] public string? Settings { get; init; }
        }

        [ServerArgs("derived")]
        public sealed partial record DerivedArgs : CommonArgs
        {
            [Flag("own")] public int? Own { get; init; }
        }
        """;

    private const string Positional = """
        using ProdServer.Config;

        namespace MyApp;

        [ServerArgs("positional")]
        public sealed partial record PositionalArgs([property: Flag("port")] int? Port)
        {
            [Flag("host")] public string? Host { get; init; }
        }
        """;

    private const string Indexed = """
        using ProdServer.Config;

        namespace MyApp;

        [ServerArgs("indexed")]
        public sealed partial record IndexedArgs
        {
            [Flag("host")] public string? Host { get; init; }
            public string? this[int i] => Host;
        }
        """;

    [Fact]
    public void A_record_with_every_kind_of_flag_and_doc_comment_is_read_from_syntax_into_the_model_its_symbols_give()
    {
        var result = AssertBothPathsAgree("EveryArgs", fromSyntax: true, EveryKind);

        var model = Assert.IsType<ServerArgsModel>(result.Model);
        Assert.Equal("Workers: see Threads, Host and Fast.", model.Flags.Single(static f => f.PropertyName == "Workers").Description);
        Assert.Equal("Generic List`1, keyword Int32, alias List`1, method Parse.", model.Flags.Single(static f => f.PropertyName == "Host").Description);
        Assert.Equal("From the attribute.", model.Flags.Single(static f => f.PropertyName == "Reload").Description);
        Assert.Equal(["fast", "safe", "http-only"], model.Enums.Single(static e => e.DisplayName == "Mode").Members.Select(static m => m.Spelling));
        Assert.Equal([false, true, false], model.Enums.Single(static e => e.DisplayName == "Level").Members.Select(static m => m.IsAlias));
    }

    [Fact]
    public void Unfit_properties_get_the_same_diagnostics_from_syntax_as_from_symbols()
    {
        var result = AssertBothPathsAgree("UnfitArgs", fromSyntax: true, Unfit);

        Assert.Null(result.Model);
        Assert.True(result.Diagnostics.Count >= 10, string.Join("\n", result.Diagnostics.Select(static d => d.Id + " " + string.Join("|", d.MessageArgs))));
    }

    [Fact]
    public void Properties_outside_a_nullable_context_read_the_same_from_syntax() =>
        Assert.Equal("PSC1003", Assert.Single(AssertBothPathsAgree("ObliviousArgs", fromSyntax: true, Oblivious).Diagnostics).Id);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_record_split_over_two_files_keeps_the_symbol_order_of_its_flags(bool attributeFileFirst)
    {
        var result = attributeFileFirst
            ? AssertBothPathsAgree("SplitArgs", fromSyntax: true, SplitSecond, SplitFirst)
            : AssertBothPathsAgree("SplitArgs", fromSyntax: true, SplitFirst, SplitSecond);

        var expected = attributeFileFirst ? new[] { "second", "first" } : ["first", "second"];
        Assert.Equal(expected, result.Model!.Flags.Select(static f => f.FlagName));
    }

    [Theory]
    [InlineData("DerivedArgs", WithBase)]
    [InlineData("PositionalArgs", Positional)]
    [InlineData("IndexedArgs", Indexed)]
    public void Records_with_a_base_a_parameter_list_or_an_indexer_are_read_from_their_symbols(string record, string source) =>
        AssertBothPathsAgree(record, fromSyntax: false, source);

    [Fact]
    public void Without_documentation_parsing_neither_path_finds_a_summary()
    {
        var result = AssertBothPathsAgree("EveryArgs", fromSyntax: true, DocumentationMode.None, EveryKind);

        Assert.Equal("From the attribute.", result.Model!.Flags.Single(static f => f.PropertyName == "Reload").Description);
        Assert.All(result.Model.Flags.Where(static f => f.PropertyName != "Reload"), static f => Assert.Equal(string.Empty, f.Description));
    }

    [Fact]
    public void The_shipped_args_records_without_a_base_read_the_same_from_syntax()
    {
        // Every backend's records with the contract they compile against: real doc comments, crefs into sibling types.
        var backends = Path.Combine(TestCompilation.RepositoryRoot, "src", "Config", "Backends");
        var sources = Directory.GetFiles(backends, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToArray();
        var compilation = TestCompilation.Create(includeWaitress: false, sources);
        var records = compilation.SyntaxTrees
            .SelectMany(static t => t.GetRoot().DescendantNodes().OfType<RecordDeclarationSyntax>())
            .Where(static r => r.AttributeLists.SelectMany(static l => l.Attributes).Any(static a => a.Name.ToString() == "ServerArgs"))
            .ToList();

        Assert.True(records.Count >= 8, $"found {records.Count} [ServerArgs] records");
        var read = 0;
        foreach (var record in records)
        {
            var type = (INamedTypeSymbol)compilation.GetSemanticModel(record.SyntaxTree).GetDeclaredSymbol(record)!;
            read += Compare(compilation, type.ToDisplayString(), fromSyntax: null).FromSyntax ? 1 : 0;
        }

        Assert.True(read >= 5, $"{read} of {records.Count} records read from syntax");
    }

    private static ParseResult AssertBothPathsAgree(string record, bool fromSyntax, params string[] sources) =>
        AssertBothPathsAgree(record, fromSyntax, DocumentationMode.Diagnose, sources);

    private static ParseResult AssertBothPathsAgree(string record, bool fromSyntax, DocumentationMode mode, params string[] sources)
    {
        var compilation = TestCompilation.Create(includeWaitress: false, sources);
        if (mode != DocumentationMode.Diagnose)
        {
            var options = TestCompilation.ParseOptions.WithDocumentationMode(mode);
            compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(
                compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), options, t.FilePath)));
        }

        return Compare(compilation, "MyApp." + record, fromSyntax).Result;
    }

    // Parses the record both ways and asserts the same result, and the same view of each property the syntax path reads.
    private static (ParseResult Result, bool FromSyntax) Compare(CSharpCompilation compilation, string metadataName, bool? fromSyntax)
    {
        var type = compilation.GetTypeByMetadataName(metadataName) ?? throw new Xunit.Sdk.XunitException(metadataName + " not found");
        var serverArgs = type.GetAttributes().Single(static a => a.AttributeClass?.Name == "ServerArgsAttribute");
        var declaration = (TypeDeclarationSyntax)serverArgs.ApplicationSyntaxReference!.GetSyntax().Parent!.Parent!;
        var model = compilation.GetSemanticModel(declaration.SyntaxTree);

        var viaSymbols = Parser.Parse(type, declaration, model, serverArgs, fromSymbols: true, default);
        var viaSyntax = Parser.Parse(type, declaration, model, serverArgs, fromSymbols: false, default);
        Assert.Equal(viaSymbols, viaSyntax);

        var declared = SyntaxProperty.Of(type, model, default);
        if (fromSyntax is { } expected)
        {
            Assert.Equal(expected, declared is not null);
        }

        if (declared is not null)
        {
            var symbols = type.GetMembers().OfType<IPropertySymbol>().Where(static p => !p.IsImplicitlyDeclared).Select(static p => new SymbolProperty(p)).ToList();
            Assert.Equal(symbols.Select(View), declared.Select(View));
        }

        return (viaSyntax, declared is not null);
    }

    internal static string View(DeclaredProperty property) =>
        string.Join(
            " | ",
            property.Name,
            property.ContainingTypeName,
            property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier)),
            property.Type.NullableAnnotation,
            property.IsStatic,
            property.HasSetter,
            property.IsIndexer,
            property.IsPrivateOrHasPrivateSetter,
            property.TypeLocation(default)?.SourceSpan,
            Documentation.Summary(property.DocumentationXml(default)));
}
