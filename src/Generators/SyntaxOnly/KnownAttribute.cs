using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators.SyntaxOnly;

/// <summary>How a named argument of one of our attributes is written: the type of the member it sets.</summary>
internal enum NamedArgumentKind
{
    String,
    Boolean,
    Double,
    BooleanStyle,
}

/// <summary>
/// An attribute the parser reads, as far as reading it from syntax needs to know it: its class, how many string arguments its
/// constructors take, and its settable members. The generator cannot reference ProdServer.Config, so this mirrors the
/// attribute classes (the tests hold the mirror to the classes themselves). <see cref="Readable"/> false: seen, but left to
/// Roslyn (<c>[ServerBuilder]</c> is internal to ProdServer.Config, so whether it binds depends on the assembly).
/// </summary>
internal sealed class KnownAttribute(string ns, string className, int[] argumentCounts, (string Name, NamedArgumentKind Kind)[] named, bool readable = true)
{
    public const string OurNamespace = "ProdServer.Config";

    public static readonly KnownAttribute ServerArgs = new(OurNamespace, "ServerArgsAttribute", [1], []);
    public static readonly KnownAttribute ArgAlias = new(OurNamespace, "ArgAliasAttribute", [2], []);
    public static readonly KnownAttribute ServerBuilder = new(OurNamespace, "ServerBuilderAttribute", [], [], readable: false);
    public static readonly KnownAttribute ExtraArgs = new(OurNamespace, "ExtraArgsAttribute", [0], []);
    public static readonly KnownAttribute PositionalArgs = new(OurNamespace, "PositionalArgsAttribute", [0], []);
    public static readonly KnownAttribute ServerValue = new(OurNamespace, "ServerValueAttribute", [1], []);
    public static readonly KnownAttribute Description = new("System.ComponentModel", "DescriptionAttribute", [0, 1], []);

    public static readonly KnownAttribute Flag = new(
        OurNamespace,
        "FlagAttribute",
        [1],
        [
            ("Boolean", NamedArgumentKind.BooleanStyle),
            ("Separator", NamedArgumentKind.String),
            ("SplitsOnWhiteSpace", NamedArgumentKind.Boolean),
            ("Since", NamedArgumentKind.String),
            ("Removed", NamedArgumentKind.String),
            ("Minimum", NamedArgumentKind.Double),
            ("Maximum", NamedArgumentKind.Double),
        ]);

    /// <summary>What the parser reads on the record itself.</summary>
    public static readonly KnownAttribute[] OnRecord = [ServerArgs, ArgAlias, ServerBuilder];

    /// <summary>What the parser reads on a property.</summary>
    public static readonly KnownAttribute[] OnProperty = [Flag, ExtraArgs, PositionalArgs, Description];

    /// <summary>What the parser reads on an enum member.</summary>
    public static readonly KnownAttribute[] OnEnumMember = [ServerValue];

    public string Namespace { get; } = ns;

    /// <summary>The class's simple name, with its <c>Attribute</c> suffix.</summary>
    public string ClassName { get; } = className;

    /// <summary>The class as <c>ToDisplayString()</c> writes it, as <see cref="FoundAttribute.ClassName"/> holds it.</summary>
    public string FullName { get; } = ns + "." + className;

    public bool Readable { get; } = readable;

    /// <summary>Whether exactly one public constructor takes <paramref name="count"/> strings and nothing else.</summary>
    public bool TakesStrings(int count) => Array.IndexOf(argumentCounts, count) >= 0;

    /// <summary>The kind of the settable member <paramref name="name"/>, or null when there is none.</summary>
    public NamedArgumentKind? Named(string name)
    {
        foreach (var (member, kind) in named)
        {
            if (member == name)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The names C# tries for an attribute written <paramref name="written"/>: as written, and with <c>Attribute</c> appended.</summary>
    public bool IsWrittenAs(string written) => ClassName == written || ClassName == written + "Attribute";

    /// <summary>
    /// The identifier an attribute is written with, the rightmost part of <paramref name="name"/> (<c>Flag</c>,
    /// <c>ProdServer.Config.Flag</c>, <c>global::Flag</c>); null for a generic name, which none of ours is.
    /// </summary>
    public static SyntaxToken? WrittenName(NameSyntax name) => name switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier,
        QualifiedNameSyntax { Right: IdentifierNameSyntax right } => right.Identifier,
        AliasQualifiedNameSyntax { Name: IdentifierNameSyntax right } => right.Identifier,
        _ => null,
    };
}
