using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>
/// The generator reads member attributes from their syntax because binding them was most of its time (issue 15). These hold
/// the syntax path to what Roslyn's own attribute binding says, and to being taken for the usual ways of writing them.
/// </summary>
public sealed class AttributeResolverTests
{
    private const string Spellings = """"
        using System.ComponentModel;
        using ProdServer.Config;
        using F = ProdServer.Config.FlagAttribute;

        namespace MyApp;

        public enum Mode { [ServerValue("fast")] Fast, [ServerValueAttribute(@"sa""fe")] Safe, Plain, [Description("d")] Described }

        [ServerArgs("spell")]
        public sealed partial record SpellArgs
        {
            [Flag("plain")] public string? Plain { get; init; }
            [FlagAttribute("suffixed")] public string? Suffixed { get; init; }
            [ProdServer.Config.Flag("qualified")] public string? Qualified { get; init; }
            [global::ProdServer.Config.FlagAttribute("global")] public string? Global { get; init; }
            [F("aliased")] public string? Aliased { get; init; }
            [Flag("switch", Boolean = BooleanStyle.Switch)] public bool? Switch { get; init; }
            [Flag("negatable", Boolean = ProdServer.Config.BooleanStyle.Negatable)] public bool? Negatable { get; init; }
            [Flag("ranged", Minimum = 1, Maximum = 65535.5)] public double? Ranged { get; init; }
            [Flag("negative", Minimum = -2, Maximum = 0.25f)] public int? Negative { get; init; }
            [Flag("list", Separator = ",", Since = "1.2", Removed = null)] public IReadOnlyList<string>? List { get; init; }
            [Flag("raw", Separator = """|""")] public IReadOnlyList<string>? Raw { get; init; }
            [Flag("described"), Description("From the attribute.")] public string? Described { get; init; }
            [System.Obsolete] [Flag("others")] public string? Others { get; init; }
            [Flag("mode")] public Mode? Mode { get; init; }
            [ExtraArgs] public IReadOnlyList<string>? Extra { get; init; }
            public string? NotAFlag { get; init; }
        }
        """";

    // Forms the syntax path leaves to Roslyn; Roslyn's answer must still be the one used.
    private const string Fallbacks = """
        using ProdServer.Config;

        namespace MyApp;

        public static class Names
        {
            public const string Port = "port";
            public const double Low = 1;
        }

        [ServerArgs("fallback")]
        public sealed partial record FallbackArgs
        {
            [Flag(Names.Port)] public int? Port { get; init; }
            [Flag("low", Minimum = Names.Low)] public int? Low { get; init; }
            [Flag("cast", Boolean = (BooleanStyle)2)] public bool? Cast { get; init; }
            [Flag(name: "named")] public string? Named { get; init; }
            [property: Flag("targeted")] public string? Targeted { get; init; }
        }
        """;

    [Fact]
    public void Every_usual_spelling_of_our_attributes_is_read_from_syntax_with_the_values_Roslyn_binds()
    {
        var (resolver, members) = Members(Spellings, "SpellArgs");

        foreach (var member in members)
        {
            var fromSyntax = resolver.FromSyntax(member, default);
            Assert.True(fromSyntax.HasValue, $"{member.Name} fell back to binding");
            Assert.Equal(Describe(Ours(FoundAttribute.FromSymbol(member))), Describe(fromSyntax.Value));
        }
    }

    [Fact]
    public void Constants_casts_named_parameters_and_targets_are_left_to_Roslyn()
    {
        var (resolver, members) = Members(Fallbacks, "FallbackArgs");

        foreach (var member in members)
        {
            Assert.False(resolver.FromSyntax(member, default).HasValue, $"{member.Name} was read from syntax");
            Assert.Equal(Describe(Ours(FoundAttribute.FromSymbol(member))), Describe(Ours(resolver.Of(member, default))));
        }
    }

    [Fact]
    public void A_nested_attribute_class_that_shadows_ours_is_not_taken_for_it()
    {
        const string Shadowing = """
            using ProdServer.Config;

            namespace MyApp;

            [ServerArgs("shadow")]
            public sealed partial record ShadowArgs
            {
                [Flag("mine")] public string? Mine { get; init; }

                public sealed class FlagAttribute(string name) : System.Attribute
                {
                    public string Name { get; } = name;
                }
            }
            """;
        var (resolver, members) = Members(Shadowing, "ShadowArgs");

        var mine = Assert.Single(members, static m => m.Name == "Mine");
        Assert.Empty(Ours(FoundAttribute.FromSymbol(mine)));
        Assert.Empty(Ours(resolver.Of(mine, default)));
    }

    private static (AttributeResolver Resolver, List<ISymbol> Members) Members(string source, string recordName)
    {
        var compilation = TestCompilation.Create(includeWaitress: false, source);
        var tree = compilation.SyntaxTrees.Single(static t => t.FilePath == "User0.cs");
        var record = compilation.GetTypeByMetadataName("MyApp." + recordName)!;
        var members = record.GetMembers().OfType<IPropertySymbol>().Where(static p => !p.IsImplicitlyDeclared).Cast<ISymbol>().ToList();
        if (compilation.GetTypeByMetadataName("MyApp.Mode") is { } mode)
        {
            members.AddRange(mode.GetMembers().OfType<IFieldSymbol>());
        }

        return (new AttributeResolver(compilation.GetSemanticModel(tree)), members);
    }

    internal static IEnumerable<FoundAttribute> Ours(IEnumerable<FoundAttribute> attributes) =>
        attributes.Where(static a => AttributeResolver.ReadClasses.Contains(a.ClassName));

    internal static string[] Describe(IEnumerable<FoundAttribute> attributes) =>
    [
        .. attributes.Select(static a =>
            a.ClassName + "(" + string.Join(", ", a.Arguments.Select(Text))
            + string.Concat(a.NamedArguments.Select(static n => ", " + n.Key + " = " + Text(n.Value))) + ")"),
    ];

    private static string Text(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        _ => value.GetType().Name + ":" + System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
