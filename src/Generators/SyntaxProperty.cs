using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators;

/// <summary>
/// A property read from its declaration: its type bound from the type as written, its attributes and documentation read from
/// syntax. Whatever the syntax cannot answer exactly as the symbol would (an attribute <see cref="AttributeResolver"/> leaves
/// to Roslyn, an unusual doc comment) is asked of the symbol, which costs the record's member table once.
/// <see cref="Of"/> decides which records may be read this way at all.
/// </summary>
internal sealed class SyntaxProperty : DeclaredProperty
{
    private readonly PropertyDeclarationSyntax _syntax;
    private readonly SemanticModel _model;
    private IPropertySymbol? _symbol;

    private ITypeSymbol? _type;

    private SyntaxProperty(PropertyDeclarationSyntax syntax, SemanticModel model, string containingTypeName, ITypeSymbol unannotatedType)
    {
        _syntax = syntax;
        _model = model;
        ContainingTypeName = containingTypeName;
        _unannotatedType = unannotatedType;
    }

    private readonly ITypeSymbol _unannotatedType;

    public override string Name => _syntax.Identifier.ValueText;

    public override string ContainingTypeName { get; }

    public override bool IsStatic => _syntax.Modifiers.Any(SyntaxKind.StaticKeyword);

    public override bool IsIndexer => false;

    public override bool HasSetter => Setter() is not null;

    public override bool IsPrivateOrHasPrivateSetter =>
        IsPrivate(_syntax.Modifiers) || (Setter() is { Modifiers.Count: > 0 } setter && IsPrivate(setter.Modifiers));

    /// <summary>
    /// The type as bound from its syntax, with the nullable annotations its syntax and nullable context give it (binding a type
    /// syntax answers without them). A type the parser would refuse is taken from the symbol, so that the diagnostic names it
    /// exactly as the symbol path does.
    /// </summary>
    public override ITypeSymbol Type =>
        _type ??= NullableAnnotations.Apply(_unannotatedType, _syntax.Type, _model) is { } annotated && Parser.Classify(annotated).Kind is not null
            ? annotated
            : Symbol(default).Type;

    /// <summary>
    /// The properties of <paramref name="type"/> in the order <see cref="INamespaceOrTypeSymbol.GetMembers()"/> gives them, or
    /// null when the record must be read from its symbols: it has a base record (whose flags come first and whose
    /// redeclarations are checked), a parameter list (its properties are synthesized), or a member the syntax cannot stand for.
    /// </summary>
    public static List<DeclaredProperty>? Of(INamedTypeSymbol type, SemanticModel recordModel, CancellationToken cancellationToken)
    {
        if (type.BaseType is not { SpecialType: SpecialType.System_Object })
        {
            return null;
        }

        var properties = new List<DeclaredProperty>();
        var lookups = SharedLookups.Of(recordModel.Compilation);
        foreach (var reference in InMemberOrder(type.DeclaringSyntaxReferences, recordModel.Compilation))
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax { ParameterList: null } declaration
                || !recordModel.Compilation.ContainsSyntaxTree(declaration.SyntaxTree))
            {
                return null;
            }

            var model = declaration.SyntaxTree == recordModel.SyntaxTree ? recordModel : recordModel.Compilation.GetSemanticModel(declaration.SyntaxTree);
            // One body is one scope: a type written twice in it is the same type (a record writes int? several times), and so is
            // a type written in another record's body of the same shape (SharedLookups).
            var types = lookups.Table<TypeTable>("property types", declaration, type) ?? new TypeTable();
            foreach (var member in declaration.Members)
            {
                switch (member)
                {
                    case IndexerDeclarationSyntax:
                        return null;
                    case PropertyDeclarationSyntax property:
                        // An explicit implementation is named after its interface; a partial property is declared twice;
                        // an override's setter may come from the base.
                        if (property.ExplicitInterfaceSpecifier is not null
                            || property.Modifiers.Any(SyntaxKind.PartialKeyword)
                            || property.Modifiers.Any(SyntaxKind.OverrideKeyword)
                            || Bind(property.Type, model, lookups, types, cancellationToken) is not { } propertyType)
                        {
                            return null;
                        }

                        properties.Add(new SyntaxProperty(property, model, type.Name, propertyType));
                        break;
                }
            }
        }

        return properties;
    }

    // The type as written, without nullable annotations. C#'s keywords for special types cannot mean anything else, so they need
    // no binding; other types are bound once per spelling and nullable context per body (or per shape of body).
    private static ITypeSymbol? Bind(TypeSyntax syntax, SemanticModel model, SharedLookups lookups, TypeTable types, CancellationToken cancellationToken)
    {
        var (keyword, nullable) = syntax switch
        {
            PredefinedTypeSyntax predefined => (predefined.Keyword, false),
            NullableTypeSyntax { ElementType: PredefinedTypeSyntax predefined } => (predefined.Keyword, true),
            _ => (default(SyntaxToken), false),
        };
        if (Special(keyword) is { } special)
        {
            return lookups.KeywordType(model.Compilation, special, nullable);
        }

        var written = (syntax.ToString(), model.GetNullableContext(syntax.SpanStart));
        if (!types.Bound.TryGetValue(written, out var bound))
        {
            types.Bound[written] = bound = model.GetTypeInfo(syntax, cancellationToken).Type;
        }

        return bound;
    }

    /// <summary>The types written in one record body, or in every body of one shape (<see cref="SharedLookups"/>), as bound.</summary>
    private sealed class TypeTable
    {
        public ConcurrentDictionary<(string Written, NullableContext Context), ITypeSymbol?> Bound { get; } = new();
    }

    private static SpecialType? Special(SyntaxToken keyword) => (SyntaxKind)keyword.RawKind switch
    {
        SyntaxKind.StringKeyword => SpecialType.System_String,
        SyntaxKind.IntKeyword => SpecialType.System_Int32,
        SyntaxKind.LongKeyword => SpecialType.System_Int64,
        SyntaxKind.DoubleKeyword => SpecialType.System_Double,
        SyntaxKind.BoolKeyword => SpecialType.System_Boolean,
        _ => null,
    };

    // GetMembers() sorts a type's members by where they are written: the compilation's order of files, then position.
    private static IEnumerable<SyntaxReference> InMemberOrder(ImmutableArray<SyntaxReference> references, Compilation compilation)
    {
        if (references.Length < 2)
        {
            return references;
        }

        var trees = compilation.SyntaxTrees.ToList();
        return references.OrderBy(r => trees.IndexOf(r.SyntaxTree)).ThenBy(static r => r.Span.Start);
    }

    public override ImmutableArray<FoundAttribute> Attributes(AttributeResolver resolver, CancellationToken cancellationToken) =>
        resolver.FromSyntax(_syntax, cancellationToken) ?? FoundAttribute.FromSymbol(Symbol(cancellationToken));

    public override string? DocumentationXml(CancellationToken cancellationToken) =>
        DocumentationSyntax.Xml(_syntax, _model, cancellationToken) is { } xml
            ? xml
            : Symbol(cancellationToken).GetDocumentationCommentXml(cancellationToken: cancellationToken);

    public override Location? TypeLocation(CancellationToken cancellationToken) => _syntax.Type.GetLocation();

    private IPropertySymbol Symbol(CancellationToken cancellationToken) =>
        _symbol ??= (IPropertySymbol)_model.GetDeclaredSymbol(_syntax, cancellationToken)!;

    private AccessorDeclarationSyntax? Setter()
    {
        foreach (var accessor in _syntax.AccessorList?.Accessors ?? default)
        {
            if (accessor.IsKind(SyntaxKind.SetAccessorDeclaration) || accessor.IsKind(SyntaxKind.InitAccessorDeclaration))
            {
                return accessor;
            }
        }

        return null;
    }

    // No access modifier in a record body means private; 'private protected' is not private.
    private static bool IsPrivate(SyntaxTokenList modifiers) =>
        !modifiers.Any(SyntaxKind.PublicKeyword) && !modifiers.Any(SyntaxKind.ProtectedKeyword) && !modifiers.Any(SyntaxKind.InternalKeyword);
}
