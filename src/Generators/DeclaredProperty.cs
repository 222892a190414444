using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators;

/// <summary>
/// A property of a <c>[ServerArgs]</c> record (or of one of its bases) as the parser reads it. Read from its symbol
/// (<see cref="SymbolProperty"/>), or from its declaration without the record's member table (<see cref="SyntaxProperty"/>):
/// building that table, synthesized record members included, was a fifth of the generator's time (issue 15).
/// </summary>
internal abstract class DeclaredProperty
{
    /// <summary>The property's name as the symbol has it (without a verbatim '@').</summary>
    public abstract string Name { get; }

    /// <summary>The name of the record that declares it.</summary>
    public abstract string ContainingTypeName { get; }

    public abstract bool IsStatic { get; }

    public abstract bool IsIndexer { get; }

    /// <summary>Whether it has a <c>set</c> or <c>init</c> accessor.</summary>
    public abstract bool HasSetter { get; }

    /// <summary>Whether a derived record could not read or set it: the property or its setter is private.</summary>
    public abstract bool IsPrivateOrHasPrivateSetter { get; }

    /// <summary>The property's type, with its nullable annotations.</summary>
    public abstract ITypeSymbol Type { get; }

    /// <summary>The attributes the parser reads, in source order (see <see cref="AttributeResolver"/>).</summary>
    public abstract ImmutableArray<FoundAttribute> Attributes(AttributeResolver resolver, CancellationToken cancellationToken);

    /// <summary>The property's documentation comment as <see cref="ISymbol.GetDocumentationCommentXml"/> gives it, as far as <see cref="Documentation.Summary"/> reads it.</summary>
    public abstract string? DocumentationXml(CancellationToken cancellationToken);

    /// <summary>Where diagnostics about the property's type point: the type as written.</summary>
    public abstract Location? TypeLocation(CancellationToken cancellationToken);
}

/// <summary>A property read from its symbol: any record, any base, any way of declaring it.</summary>
internal sealed class SymbolProperty(IPropertySymbol property) : DeclaredProperty
{
    public override string Name => property.Name;

    public override string ContainingTypeName => property.ContainingType.Name;

    public override bool IsStatic => property.IsStatic;

    public override bool IsIndexer => property.IsIndexer;

    public override bool HasSetter => property.SetMethod is not null;

    public override bool IsPrivateOrHasPrivateSetter =>
        property.DeclaredAccessibility == Accessibility.Private || property.SetMethod?.DeclaredAccessibility == Accessibility.Private;

    public override ITypeSymbol Type => property.Type;

    public override ImmutableArray<FoundAttribute> Attributes(AttributeResolver resolver, CancellationToken cancellationToken) =>
        resolver.Of(property, cancellationToken);

    public override string? DocumentationXml(CancellationToken cancellationToken) =>
        property.GetDocumentationCommentXml(cancellationToken: cancellationToken);

    public override Location? TypeLocation(CancellationToken cancellationToken)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is PropertyDeclarationSyntax syntax)
            {
                return syntax.Type.GetLocation();
            }
        }

        return property.Locations.FirstOrDefault();
    }
}
