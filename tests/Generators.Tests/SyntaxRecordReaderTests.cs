using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProdServer.Config.Generators.Model;
using ProdServer.Config.Generators.SyntaxOnly;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>
/// The generator reads the usual record from syntax alone, asking Roslyn nothing (issue 15, target 5: the first semantic
/// question in a fresh csc costs ~0.3 s whoever asks it). These hold that reading to the parser's: the same model whenever it
/// reads a record, and no model — the parser's way instead — wherever a name, a type or an argument could mean something the
/// syntax cannot see.
/// </summary>
public sealed class SyntaxRecordReaderTests
{
    // Everything the syntax reading covers, spread over two files and two namespaces.
    private const string Readable = """
        using System.Collections.Generic;
        using System.ComponentModel;
        using ProdServer.Config;
        using MyApp.Kinds;

        namespace MyApp;

        [ServerArgs("every")]
        [ArgAlias("max_workers", "workers")]
        [ArgAlias("ghost", "no-such-flag")]
        public sealed partial record EveryArgs
        {
            /// <summary>Workers, from <c>1</c> to 64.</summary>
            /// <remarks>Not in the schema.</remarks>
            [Flag("workers", Minimum = 1, Maximum = 64)] public int? Workers { get; init; }

            [Flag("threads", Minimum = -1.5, Since = "2.0", Removed = null)] public long? Threads { get; init; }

            [global::ProdServer.Config.Flag("host")] public string? Host { get; init; }

            [ProdServer.Config.FlagAttribute("ratio", Maximum = 1e3)] public double? Ratio { get; init; }

            [Flag("reload", Boolean = BooleanStyle.Switch), Description("From the attribute.")] public bool? Reload { get; init; }

            [Flag("ipv6", Boolean = ProdServer.Config.BooleanStyle.Negatable)] public bool? Ipv6 { get; init; }

            [Flag("mode")] public Mode? Mode { get; init; }

            [Flag("modes", Separator = ",")] public IReadOnlyList<Mode>? Modes { get; init; }

            [Flag("listen", SplitsOnWhiteSpace = true)] public System.Collections.Generic.IReadOnlyList<string>? Listen { get; init; }

            [Flag("bind")] public global::System.Collections.Generic.IReadOnlyList<string>? Bind { get; init; }

            [Flag("event")] public string? @event { get; init; }

            /// <summary>A quote, a backslash and a line break in a flag's name and text: written escaped, as the parser's are.</summary>
            [Flag("odd\"na\\me", Since = "1.0\n2"), Description("x\u001b[31m")] public string? Odd { get; init; }

            /// <summary>Entities &lt;kept&gt; &amp; decoded.</summary>
            [Flag("entities"), System.Obsolete("someone else's attribute")] public string? Entities { get; set; }

            [ExtraArgs] public IReadOnlyList<string>? Extra { get; init; }

            [PositionalArgs] public IReadOnlyList<string>? Targets { get; init; }

            public string? NotAFlag { get; init; }

            public int? Computed => Workers;

            private string? _field;

            public static EveryArgs Parse(string text) => new();
        }
        """;

    private const string Kinds = """
        using ProdServer.Config;

        namespace MyApp.Kinds
        {
            public enum Mode { [ServerValue("fast")] Fast, Safe, HTTPOnly }
        }
        """;

    // The shape bench/generator-cost.sh builds two hundred of.
    private static readonly string BenchRecord = File.ReadAllText(Path.Combine(TestCompilation.RepositoryRoot, "bench", "GeneratorCost", "Record.cs.template"))
        .Replace("__N__", "1").Replace("__WORKERS__", "workers");

    [Fact]
    public void Every_kind_of_flag_is_read_from_syntax_into_the_model_the_parser_gives()
    {
        var (parsed, read) = BothWays("MyApp.EveryArgs", Readable, Kinds);

        Assert.NotNull(read);
        Assert.Equal(parsed.Model, read);
        Assert.Equal("From the attribute.", read.Flags.Single(static f => f.PropertyName == "Reload").Description);
        Assert.Equal(["fast", "safe", "http-only"], read.Enums.Single().Members.Select(static m => m.Spelling));
        Assert.Equal(new AliasModel("max_workers", "workers"), Assert.Single(read.Aliases));
    }

    [Fact]
    public void The_benchmarks_record_is_read_from_syntax()
    {
        var (parsed, read) = BothWays("Cost.Args1", BenchRecord);

        Assert.NotNull(read);
        Assert.Equal(parsed.Model, read);
    }

    [Fact]
    public void A_generated_file_is_the_same_either_way()
    {
        // The generator as the build runs it (syntax path) against the parser's model emitted alike.
        var compilation = TestCompilation.Create(includeWaitress: false, Readable, Kinds);
        var (parsed, _) = BothWays("MyApp.EveryArgs", Readable, Kinds);
        var generated = GeneratorHarness.Run(compilation).SingleSource("MyApp.EveryArgs.Args.g.cs");

        Assert.Equal(Emitter.Emit(parsed.Model!), generated);
    }

    // Each is a valid or invalid record that the syntax cannot read exactly: the parser reads it (or reports it) instead.
    public static TheoryData<string, string[]> LeftToTheParser() => new()
    {
        // Someone else's FlagAttribute somewhere in source: which one [Flag] means is the compiler's to say.
        { "own FlagAttribute", [Replace(Readable, "namespace MyApp;", "namespace MyApp;\npublic sealed class FlagAttribute : System.Attribute { public FlagAttribute(string n) { } }"), Kinds] },
        { "type named Flag", [Readable + "\nnamespace Other { public class Flag { } }", Kinds] },
        { "alias named like ours", [Replace(Readable, "using MyApp.Kinds;", "using MyApp.Kinds;\nusing Flag = System.ObsoleteAttribute;"), Kinds] },
        { "alias to ours", [Replace(Replace(Readable, "using MyApp.Kinds;", "using MyApp.Kinds;\nusing Opt = ProdServer.Config.FlagAttribute;"), "[Flag(\"event\")]", "[Opt(\"event\")]"), Kinds] },
        { "global alias", [Readable, Kinds, "global using Flag = System.ObsoleteAttribute;"] },
        { "using static", [Replace(Readable, "using MyApp.Kinds;", "using MyApp.Kinds;\nusing static System.Math;"), Kinds] },
        { "extern alias", ["extern alias Lib;\n" + Readable, Kinds] },
        { "ProdServer.Config not imported", [Replace(Readable, "using ProdServer.Config;", ""), Kinds] },
        { "enum declared twice", [Readable, Kinds, "namespace Elsewhere { public enum Mode { A } }"] },
        { "enum not imported", [Replace(Readable, "using MyApp.Kinds;", ""), Kinds] },
        { "enum member with a value", [Readable, Replace(Kinds, "HTTPOnly", "HTTPOnly = 7")] },
        { "enum nested", [Replace(Replace(Readable, "using MyApp.Kinds;", ""), "public string? NotAFlag", "public enum Mode { Fast, Safe }\n    public string? NotAFlag")] },
        { "System shadowed", [Readable + "\nnamespace MyApp.System { }", Kinds] },
        { "split record", [Readable, Kinds, "namespace MyApp; public sealed partial record EveryArgs { public int? More { get; init; } }"] },
        { "cref in a summary", [Replace(Readable, "Workers, from", "See <see cref=\"Mode\"/>. Workers, from"), Kinds] },
        { "not annotated", [Replace(Readable, "public string? Host", "public string Host"), Kinds] },
        { "no setter", [Replace(Readable, "public string? Host { get; init; }", "public string? Host { get; }"), Kinds] },
        { "duplicate flag", [Replace(Readable, "[Flag(\"event\")]", "[Flag(\"WORKERS\")]"), Kinds] },
        { "boolean without a style", [Replace(Readable, "[Flag(\"ipv6\", Boolean = ProdServer.Config.BooleanStyle.Negatable)]", "[Flag(\"ipv6\")]"), Kinds] },
        { "constant argument", [Replace(Readable, "[Flag(\"event\")]", "[Flag(Names.Event)]") + "\nstatic class Names { public const string Event = \"event\"; }", Kinds] },
        { "target", [Replace(Readable, "[Flag(\"event\")]", "[property: Flag(\"event\")]"), Kinds] },
        { "base list", [Replace(Readable, "partial record EveryArgs", "partial record EveryArgs : System.IDisposable") + "\npartial record EveryArgs { public void Dispose() { } }", Kinds] },
        { "not partial", [Replace(Readable, "sealed partial record", "sealed record"), Kinds] },
        { "syntax error", [Replace(Readable, "public string? NotAFlag { get; init; }", "public string? NotAFlag { get; init; "), Kinds] },
    };

    [Theory]
    [MemberData(nameof(LeftToTheParser))]
    public void What_the_syntax_cannot_pin_down_is_left_to_the_parser(string why, string[] sources)
    {
        var compilation = TestCompilation.Create(includeWaitress: false, sources);

        Assert.True(SyntaxRecordReader.Read(EveryArgsDeclaration(compilation), compilation, default) is null, why);
    }

    [Fact]
    public void An_edit_in_another_file_is_seen_by_the_next_compilation_whose_other_trees_keep_their_declarations()
    {
        // Each tree's declarations are kept for the next compilation (an IDE keystroke edits one tree); the edited one is read anew.
        var compilation = TestCompilation.Create(includeWaitress: false, Readable, Kinds, "namespace Elsewhere { }");
        var declaration = EveryArgsDeclaration(compilation);
        var other = compilation.SyntaxTrees.Last();
        Assert.NotNull(SyntaxRecordReader.Read(declaration, compilation, default));

        var shadowing = compilation.ReplaceSyntaxTree(other, TestCompilation.Parse("namespace MyApp { public class Flag { } }", other.FilePath));
        Assert.Null(SyntaxRecordReader.Read(EveryArgsDeclaration(shadowing), shadowing, default));

        var back = shadowing.ReplaceSyntaxTree(shadowing.SyntaxTrees.Last(), TestCompilation.Parse("namespace Elsewhere { }", other.FilePath));
        Assert.NotNull(SyntaxRecordReader.Read(EveryArgsDeclaration(back), back, default));
    }

    private static RecordDeclarationSyntax EveryArgsDeclaration(Compilation compilation) =>
        compilation.SyntaxTrees.SelectMany(static t => t.GetRoot().DescendantNodes().OfType<RecordDeclarationSyntax>())
            .First(static r => r.Identifier.ValueText == "EveryArgs" && r.AttributeLists.Count > 0);

    [Fact]
    public void Every_record_of_the_generator_tests_reads_the_same_from_syntax_when_it_reads_at_all()
    {
        // Every source these tests compile: where the syntax reading gives a model, it is the parser's.
        var sources = typeof(SyntaxRecordReaderTests).Assembly.GetTypes()
            .SelectMany(static t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(static f => (string)f.GetRawConstantValue()!)
            .Where(static s => s.Contains("[ServerArgs", StringComparison.Ordinal))
            .ToList();
        var read = 0;
        var records = 0;
        foreach (var source in sources)
        {
            var compilation = TestCompilation.Create(includeWaitress: false, source);
            foreach (var (declaration, type, serverArgs) in ServerArgsRecords(compilation))
            {
                records++;
                var model = compilation.GetSemanticModel(declaration.SyntaxTree);
                var parsed = Parser.Parse(type, declaration, model, serverArgs, fromSymbols: true, default);
                if (SyntaxRecordReader.Read(declaration, compilation, default) is { } fromSyntax)
                {
                    read++;
                    Assert.Equal(parsed.Model, fromSyntax);
                }
            }
        }

        // Most of them are there for what the syntax leaves to the parser (bases, crefs, nesting, diagnostics).
        Assert.True(records >= 14 && read >= 1, $"{read} of {records} records read from syntax");
    }

    [Fact]
    public void The_mirror_of_our_attributes_matches_their_classes()
    {
        var compilation = TestCompilation.Create(includeWaitress: false);
        foreach (var known in KnownAttribute.OnRecord.Concat(KnownAttribute.OnProperty).Concat(KnownAttribute.OnEnumMember).Where(static k => k.Readable))
        {
            var type = compilation.GetTypeByMetadataName(known.FullName);
            if (type is null)
            {
                // DescriptionAttribute comes from a reference the contract compilation does not need.
                Assert.Equal("System.ComponentModel", known.Namespace);
                continue;
            }

            for (var count = 0; count <= 3; count++)
            {
                var strings = type.InstanceConstructors.Count(c => c.DeclaredAccessibility == Accessibility.Public
                    && c.Parameters.Length == count && c.Parameters.All(static p => p.Type.SpecialType == SpecialType.System_String));
                Assert.Equal(strings == 1, known.TakesStrings(count));
            }

            var settable = type.GetMembers().OfType<IPropertySymbol>().Where(static p => p.SetMethod is { DeclaredAccessibility: Accessibility.Public }).ToList();
            Assert.Equal(settable.Select(static p => p.Name).OrderBy(static n => n), settable.Where(p => known.Named(p.Name) is not null).Select(static p => p.Name).OrderBy(static n => n));
        }

        var style = compilation.GetTypeByMetadataName("ProdServer.Config.BooleanStyle")!;
        Assert.Equal(
            FlagSettings.BooleanStyles.Select(static (name, value) => name + "=" + value),
            style.GetMembers().OfType<IFieldSymbol>().Select(static f => f.Name + "=" + f.ConstantValue));
    }

    [Fact]
    public void The_library_declares_no_type_named_as_one_of_our_attributes_is_written()
    {
        // [Flag] looks up Flag as well as FlagAttribute: a ProdServer.Config.Flag type would make every [Flag] ambiguous, and the
        // syntax reading would not see it in a compilation that references the library rather than compiling it.
        var trees = Directory.GetFiles(Path.Combine(TestCompilation.RepositoryRoot, "src", "Config"), "*.cs", SearchOption.AllDirectories)
            .Where(static p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(static p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), TestCompilation.ParseOptions, p));
        var declarations = SourceDeclarations.Of(CSharpCompilation.Create("library", trees));
        foreach (var known in KnownAttribute.OnRecord.Concat(KnownAttribute.OnProperty).Concat(KnownAttribute.OnEnumMember))
        {
            Assert.Empty(declarations.TypesNamed(known.ClassName.Substring(0, known.ClassName.Length - "Attribute".Length)));
        }
    }

    private static (ParseResult Parsed, ServerArgsModel? Read) BothWays(string metadataName, params string[] sources)
    {
        var compilation = TestCompilation.Create(includeWaitress: false, sources);
        Assert.Empty(compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error));
        var (declaration, type, serverArgs) = ServerArgsRecords(compilation).Single(r => r.Type.ToDisplayString() == metadataName);
        var parsed = Parser.Parse(type, declaration, compilation.GetSemanticModel(declaration.SyntaxTree), serverArgs, fromSymbols: true, default);
        Assert.NotNull(parsed.Model);
        return (parsed, SyntaxRecordReader.Read(declaration, compilation, default));
    }

    private static IEnumerable<(TypeDeclarationSyntax Declaration, INamedTypeSymbol Type, AttributeData ServerArgs)> ServerArgsRecords(CSharpCompilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type
                    && type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == Parser.ServerArgsAttributeName
                        && a.ApplicationSyntaxReference?.SyntaxTree == tree && declaration.Span.Contains(a.ApplicationSyntaxReference.Span)) is { } serverArgs)
                {
                    yield return (declaration, type, serverArgs);
                }
            }
        }
    }

    private static string Replace(string source, string what, string with)
    {
        Assert.Contains(what, source, StringComparison.Ordinal);
        return source.Replace(what, with, StringComparison.Ordinal);
    }
}
