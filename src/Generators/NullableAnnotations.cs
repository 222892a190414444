using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators;

/// <summary>
/// Puts back the nullable annotations that <see cref="SemanticModel.GetTypeInfo(SyntaxNode, System.Threading.CancellationToken)"/>
/// leaves off a type written in a declaration: <c>?</c> is annotated; anything else is not annotated where the nullable
/// context enables annotations and oblivious where it does not — the property symbol's rules, for the shapes a flag's type
/// takes (a name, a generic name with its arguments, <c>T?</c>). Any other shape gives null and the caller asks the symbol.
/// </summary>
internal static class NullableAnnotations
{
    public static ITypeSymbol? Apply(ITypeSymbol type, TypeSyntax syntax, SemanticModel model) =>
        Apply(type, syntax, model.GetNullableContext(syntax.SpanStart).AnnotationsEnabled());

    private static ITypeSymbol? Apply(ITypeSymbol type, TypeSyntax syntax, bool annotationsEnabled)
    {
        if (type.TypeKind == TypeKind.Error)
        {
            return null;
        }

        if (syntax is NullableTypeSyntax nullable)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } valueType)
            {
                return valueType.WithNullableAnnotation(NullableAnnotation.Annotated);
            }

            return Apply(type, nullable.ElementType, annotationsEnabled)?.WithNullableAnnotation(NullableAnnotation.Annotated);
        }

        var topLevel = annotationsEnabled ? NullableAnnotation.NotAnnotated : NullableAnnotation.None;
        var written = syntax switch
        {
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax aliased => aliased.Name,
            _ => syntax,
        };
        if (type is not INamedTypeSymbol { IsGenericType: true } generic)
        {
            // A predefined type or a plain name; a generic type reached through an alias has its arguments elsewhere.
            return written is PredefinedTypeSyntax or IdentifierNameSyntax ? type.WithNullableAnnotation(topLevel) : null;
        }

        if (written is not GenericNameSyntax { TypeArgumentList.Arguments: var arguments }
            || arguments.Count != generic.TypeArguments.Length
            || generic.ContainingType is { IsGenericType: true })
        {
            return null;
        }

        var annotated = ImmutableArray.CreateBuilder<ITypeSymbol>(arguments.Count);
        var annotations = ImmutableArray.CreateBuilder<NullableAnnotation>(arguments.Count);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (Apply(generic.TypeArguments[i], arguments[i], annotationsEnabled) is not { } argument)
            {
                return null;
            }

            annotated.Add(argument);
            annotations.Add(argument.NullableAnnotation);
        }

        return generic.ConstructedFrom.Construct(annotated.MoveToImmutable(), annotations.MoveToImmutable()).WithNullableAnnotation(topLevel);
    }
}
