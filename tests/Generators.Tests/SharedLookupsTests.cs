using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProdServer.Config.Generators.Model;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>
/// The generator shares what names mean in a record's body with every other record of the compilation whose body has the
/// same surroundings (<see cref="SharedLookups"/>, issue 15). These hold each record read after the others on one compilation
/// to the same record read on a compilation of its own, where nothing is shared, and to what Roslyn's symbols say, for the
/// cases where a shared answer would be wrong: other namespaces, usings, aliases, nested types, type parameters, base lists,
/// file-local types, the global namespace and global usings.
/// </summary>
public sealed class SharedLookupsTests
{
    // Attribute classes and enums named like ours, in other namespaces.
    private const string Elsewhere = """
        namespace Marks
        {
            public sealed class MarkAttribute(string name) : System.Attribute { public string Name { get; } = name; }
            public sealed class FlagAttribute(string name) : System.Attribute { public string Name { get; } = name; }
            public enum Mode { [ProdServer.Config.ServerValue("marks")] Marked, Unmarked }
        }

        namespace Other
        {
            public enum Mode { [ProdServer.Config.ServerValue("other")] A, B }
        }

        namespace Another
        {
            public enum Mode { [ProdServer.Config.ServerValue("another")] X, Y }
        }
        """;

    private const string ModeInMyApp = """
        using ProdServer.Config;

        namespace MyApp;

        public enum Mode { [ServerValue("fast")] Fast, [ServerValueAttribute("safe")] Safe }
        """;

    [Fact]
    public void Records_in_one_namespace_with_the_same_usings_share_what_names_mean_and_read_as_they_do_alone()
    {
        var compilation = AssertSharingChangesNothing(
            Elsewhere, ModeInMyApp, Record("OneArgs", "using ProdServer.Config;"), Record("TwoArgs", "using ProdServer.Config;"));

        Assert.NotNull(Table(compilation, "MyApp.OneArgs"));
        Assert.Same(Table(compilation, "MyApp.OneArgs"), Table(compilation, "MyApp.TwoArgs"));
        Assert.NotNull(Table(compilation, "MyApp.Mode"));
    }

    [Fact]
    public void A_record_in_another_namespace_sees_that_namespace_s_own_attribute_class()
    {
        var compilation = AssertSharingChangesNothing(
            Elsewhere, ModeInMyApp, Record("OneArgs", "using ProdServer.Config;"), Record("TwoArgs", "using ProdServer.Config;", "Marks"));

        Assert.NotSame(Table(compilation, "MyApp.OneArgs"), Table(compilation, "Marks.TwoArgs"));
        Assert.DoesNotContain(Read(compilation, "Marks.TwoArgs").Model!.Flags, static f => f.FlagName == "workers");
    }

    [Theory]
    [InlineData("using ProdServer.Config;\nusing Marks;")]
    [InlineData("using ProdServer.Config;\nusing Flag = Marks.MarkAttribute;")]
    [InlineData("using ProdServer.Config;\nusing FlagAttribute = Marks.MarkAttribute;")]
    [InlineData("using ProdServer.Config;\nusing Mode = Other.Mode;")]
    [InlineData("using ProdServer.Config;\nusing static System.Math;")]
    public void A_record_with_other_usings_or_an_alias_that_rebinds_a_name_does_not_share_with_its_neighbour(string usings)
    {
        var compilation = AssertSharingChangesNothing(
            Elsewhere, ModeInMyApp, Record("OneArgs", "using ProdServer.Config;"), Record("TwoArgs", usings));

        Assert.NotSame(Table(compilation, "MyApp.OneArgs"), Table(compilation, "MyApp.TwoArgs"));
    }

    [Fact]
    public void An_alias_inside_the_namespace_declaration_rebinds_Flag_for_that_record_only()
    {
        const string Aliased = """
            using ProdServer.Config;

            namespace MyApp
            {
                using FlagAttribute = Marks.MarkAttribute;

                [ServerArgs("two")]
                public sealed partial record TwoArgs
                {
                    [Flag("workers")] public int? Workers { get; init; }
                    [ProdServer.Config.Flag("host")] public string? Host { get; init; }
                }
            }
            """;
        var compilation = AssertSharingChangesNothing(Elsewhere, ModeInMyApp, Record("OneArgs", "using ProdServer.Config;"), Aliased);

        Assert.NotSame(Table(compilation, "MyApp.OneArgs"), Table(compilation, "MyApp.TwoArgs"));
        Assert.Equal(["host"], Read(compilation, "MyApp.TwoArgs").Model!.Flags.Select(static f => f.FlagName));
    }

    [Theory]
    [InlineData("public sealed partial record TwoArgs", "public sealed class FlagAttribute(string name) : System.Attribute { public string Name { get; } = name; }")]
    [InlineData("public sealed partial record TwoArgs", "public enum Mode { [ServerValue(\"inner\")] Inner }")]
    [InlineData("public sealed partial record TwoArgs", "public delegate void Mode();")]
    [InlineData("public sealed partial record TwoArgs<FlagAttribute>", "")]
    [InlineData("public sealed partial record TwoArgs<Mode>", "")]
    [InlineData("public sealed partial record TwoArgs : IMarked", "")]
    public void A_record_that_brings_names_of_its_own_into_scope_looks_them_up_alone(string declaration, string nested)
    {
        const string Marked = """
            namespace MyApp;

            public interface IMarked
            {
                public sealed class FlagAttribute(string name) : System.Attribute { public string Name { get; } = name; }
            }
            """;
        var two = Record("TwoArgs", "using ProdServer.Config;", body: nested).Replace("public sealed partial record TwoArgs", declaration);
        var compilation = AssertSharingChangesNothing(
            Elsewhere, ModeInMyApp, Marked, Record("OneArgs", "using ProdServer.Config;"), two, Record("ThreeArgs", "using ProdServer.Config;"));

        var name = declaration.Contains('<') ? "MyApp.TwoArgs`1" : "MyApp.TwoArgs";
        Assert.Null(Table(compilation, name));
        Assert.Same(Table(compilation, "MyApp.OneArgs"), Table(compilation, "MyApp.ThreeArgs"));
    }

    [Fact]
    public void A_file_with_file_local_types_shares_only_with_itself()
    {
        const string FileLocal = """
            using ProdServer.Config;

            namespace MyApp;

            file sealed class FlagAttribute(string name) : System.Attribute { public string Name { get; } = name; }

            file enum Mode { [ServerValue("local")] Local }

            [ServerArgs("local")]
            public sealed partial record LocalArgs
            {
                [Flag("workers")] public int? Workers { get; init; }
                [ProdServer.Config.Flag("host")] public string? Host { get; init; }
                [ProdServer.Config.Flag("mode")] public Mode? Kind { get; init; }
            }
            """;
        var compilation = AssertSharingChangesNothing(
            Elsewhere, ModeInMyApp, FileLocal, Record("OneArgs", "using ProdServer.Config;"), Record("TwoArgs", "using ProdServer.Config;"));

        Assert.NotSame(Table(compilation, "MyApp.LocalArgs"), Table(compilation, "MyApp.OneArgs"));
        Assert.Same(Table(compilation, "MyApp.OneArgs"), Table(compilation, "MyApp.TwoArgs"));
        Assert.Contains(Read(compilation, "MyApp.OneArgs").Model!.Flags, static f => f.FlagName == "workers");
    }

    [Fact]
    public void Records_in_the_global_namespace_share_and_read_as_they_do_alone()
    {
        const string GlobalMode = """
            using ProdServer.Config;

            public enum Mode { [ServerValue("global")] Global, Local }
            """;
        var compilation = AssertSharingChangesNothing(
            Elsewhere, GlobalMode, Record("OneArgs", "using ProdServer.Config;", ns: null), Record("TwoArgs", "using ProdServer.Config;", ns: null));

        Assert.NotNull(Table(compilation, "OneArgs"));
        Assert.Same(Table(compilation, "OneArgs"), Table(compilation, "TwoArgs"));
        Assert.Equal(["global", "local"], Read(compilation, "OneArgs").Model!.Enums.Single().Members.Select(static m => m.Spelling));
    }

    [Theory]
    [InlineData("global using ProdServer.Config;")]
    [InlineData("global using ProdServer.Config;\nglobal using Mode = Other.Mode;")]
    [InlineData("global using ProdServer.Config;\nglobal using Flag = Marks.MarkAttribute;")]
    public void Global_usings_apply_alike_to_records_in_files_without_usings(string globalUsings)
    {
        var compilation = AssertSharingChangesNothing(
            Elsewhere, globalUsings, ModeInMyApp, Record("OneArgs", string.Empty), Record("TwoArgs", string.Empty), Record("ThreeArgs", "using ProdServer.Config;"));

        Assert.Same(Table(compilation, "MyApp.OneArgs"), Table(compilation, "MyApp.TwoArgs"));
        Assert.NotSame(Table(compilation, "MyApp.OneArgs"), Table(compilation, "MyApp.ThreeArgs"));
    }

    [Fact]
    public void The_same_type_name_in_two_files_binds_to_each_file_s_own_import()
    {
        var compilation = AssertSharingChangesNothing(
            Elsewhere, Record("OneArgs", "using ProdServer.Config;\nusing Other;"), Record("TwoArgs", "using ProdServer.Config;\nusing Another;"));

        Assert.Equal("global::Other.Mode", Read(compilation, "MyApp.OneArgs").Model!.Enums.Single().FullyQualifiedName);
        Assert.Equal("global::Another.Mode", Read(compilation, "MyApp.TwoArgs").Model!.Enums.Single().FullyQualifiedName);
    }

    // A record of the usual shape: our attributes in both spellings, an enum constant, a generic type, an enum type.
    private static string Record(string name, string usings, string? ns = "MyApp", string body = "") =>
        usings + "\n\n" + (ns is null ? string.Empty : "namespace " + ns + ";\n\n") + $$"""
        [ServerArgs("{{name.ToLowerInvariant()}}")]
        public sealed partial record {{name}}
        {
            [Flag("workers")] public int? Workers { get; init; }
            [FlagAttribute("switch", Boolean = BooleanStyle.Switch)] public bool? Switch { get; init; }
            [Flag("listen")] public System.Collections.Generic.IReadOnlyList<string>? Listen { get; init; }
            [Flag("mode")] public Mode? Kind { get; init; }
            [ProdServer.Config.Flag("host")] public string? Host { get; init; }
            {{body}}
        }
        """;

    // Reads every [ServerArgs] record on one compilation, one after the other, so that later records take what earlier ones
    // looked up, and each on a compilation of its own, where nothing is shared: the same result, and both read as Roslyn's
    // symbols say. In source order and in reverse, so that each record is once the first of its shape.
    private static CSharpCompilation AssertSharingChangesNothing(params string[] sources)
    {
        var compilation = TestCompilation.Create(includeWaitress: false, sources);
        var records = compilation.SyntaxTrees
            .SelectMany(static t => t.GetRoot().DescendantNodes().OfType<RecordDeclarationSyntax>())
            .Where(static r => r.AttributeLists.SelectMany(static l => l.Attributes).Any(static a => a.Name.ToString() == "ServerArgs"))
            .Select(r => MetadataName((INamedTypeSymbol)compilation.GetSemanticModel(r.SyntaxTree).GetDeclaredSymbol(r)!))
            .ToList();
        Assert.True(records.Count >= 2, $"{records.Count} records");

        foreach (var order in new[] { records, Enumerable.Reverse(records).ToList() })
        {
            var shared = compilation.Clone();
            foreach (var record in order)
            {
                Assert.Equal(Read(compilation.Clone(), record), Read(shared, record));
            }
        }

        return compilation;
    }

    private static string MetadataName(INamedTypeSymbol type) =>
        (type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString() + ".") + type.MetadataName;

    // The record as the parser reads it, after holding what the syntax path reads (its own attributes, its properties' types,
    // attributes and enums) to the symbols.
    private static ParseResult Read(CSharpCompilation compilation, string metadataName)
    {
        var type = compilation.GetTypeByMetadataName(metadataName) ?? throw new Xunit.Sdk.XunitException(metadataName + " not found");
        var serverArgs = type.GetAttributes().Single(static a => a.AttributeClass?.Name == "ServerArgsAttribute");
        var declaration = (TypeDeclarationSyntax)serverArgs.ApplicationSyntaxReference!.GetSyntax().Parent!.Parent!;
        var model = compilation.GetSemanticModel(declaration.SyntaxTree);
        var result = Parser.Parse(type, declaration, model, serverArgs, fromSymbols: false, default);

        var resolver = new AttributeResolver(model, type);
        if (resolver.OfType(declaration, Parser.TypeClasses, default) is { } own)
        {
            Assert.Equal(Describe(FoundAttribute.FromSymbol(type), Parser.TypeClasses), Describe(own, Parser.TypeClasses));
        }

        var properties = type.GetMembers().OfType<IPropertySymbol>().Where(static p => !p.IsImplicitlyDeclared).ToList();
        if (SyntaxProperty.Of(type, model, default) is { } declared)
        {
            Assert.Equal(properties.Select(static p => SyntaxPropertyTests.View(new SymbolProperty(p))), declared.Select(SyntaxPropertyTests.View));
        }

        var members = properties.Cast<ISymbol>().ToList();
        foreach (var property in properties)
        {
            if (property.Type is INamedTypeSymbol { TypeArguments: [{ TypeKind: TypeKind.Enum } enumType] })
            {
                members.AddRange(enumType.GetMembers().OfType<IFieldSymbol>());
            }
        }

        foreach (var member in members)
        {
            Assert.Equal(Describe(FoundAttribute.FromSymbol(member), AttributeResolver.ReadClasses), Describe(resolver.Of(member, default), AttributeResolver.ReadClasses));
        }

        return result;
    }

    private static string[] Describe(IEnumerable<FoundAttribute> attributes, string[] classes) =>
        AttributeResolverTests.Describe(attributes.Where(a => classes.Contains(a.ClassName)));

    // The table a type's body would share, or null when it looks names up alone (a probe kind, not one the generator uses).
    private static object? Table(CSharpCompilation compilation, string metadataName)
    {
        var type = compilation.GetTypeByMetadataName(metadataName) ?? throw new Xunit.Sdk.XunitException(metadataName + " not found");
        var declaration = (BaseTypeDeclarationSyntax)type.DeclaringSyntaxReferences[0].GetSyntax();
        return SharedLookups.Of(compilation).Table<List<string>>("probe", declaration, type);
    }
}
