using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators.SyntaxOnly;

/// <summary>
/// Reads the attributes the parser looks at from their syntax alone, giving the values Roslyn's <c>AttributeData</c> would
/// (<see cref="FoundAttribute"/>), or null where that cannot be told without binding: a name <see cref="SyntaxScope"/> cannot
/// pin down, a target (<c>[property: …]</c>), an argument that is not a literal of the member's type or a <c>BooleanStyle</c>
/// member. Attributes that are none of ours are skipped, as the parser skips them.
/// </summary>
internal static class SyntaxAttributes
{
    /// <summary>The attributes among <paramref name="lists"/> that are one of <paramref name="read"/>, in source order; null when it cannot tell.</summary>
    public static ImmutableArray<FoundAttribute>? Read(SyntaxList<AttributeListSyntax> lists, KnownAttribute[] read, SyntaxScope scope)
    {
        var found = ImmutableArray.CreateBuilder<FoundAttribute>();
        foreach (var list in lists)
        {
            if (list.Target is not null)
            {
                return null;
            }

            foreach (var attribute in list.Attributes)
            {
                if (!Class(attribute.Name, read, scope, out var known))
                {
                    return null;
                }

                if (known is null)
                {
                    continue;
                }

                if (Arguments(attribute, known, scope) is not { } value)
                {
                    return null;
                }

                found.Add(value);
            }
        }

        return found.ToImmutable();
    }

    // False: cannot tell. True with null: someone else's attribute, or ours but not one read here.
    private static bool Class(NameSyntax name, KnownAttribute[] read, SyntaxScope scope, out KnownAttribute? known)
    {
        known = null;
        if (KnownAttribute.WrittenName(name) is not { } rightmost)
        {
            return true; // a generic attribute cannot be one of ours, which are not generic
        }

        var written = rightmost.ValueText;
        var candidate = Array.Find(read, k => k.IsWrittenAs(written));
        if (candidate is null)
        {
            // Not a name of ours here. Only an alias could still stand for one of ours.
            return !(name is IdentifierNameSyntax && scope.IsAlias(written));
        }

        if (!candidate.Readable || rightmost.Text.StartsWith("@", StringComparison.Ordinal))
        {
            return false;
        }

        var suffixed = written + "Attribute";
        known = candidate;
        if (name is IdentifierNameSyntax)
        {
            return scope.Means(written, candidate.Namespace, candidate.ClassName, suffixed);
        }

        var dotted = SourceDeclarations.DottedName(name);
        var fromGlobal = Leftmost(name) is AliasQualifiedNameSyntax;
        return dotted is not null
            && dotted == candidate.Namespace + "." + written
            && (fromGlobal || scope.StartsAtGlobal(dotted.Substring(0, dotted.IndexOf('.'))))
            && scope.MeansQualified(written, candidate.Namespace, candidate.ClassName, suffixed);
    }

    private static NameSyntax Leftmost(NameSyntax name) => name is QualifiedNameSyntax qualified ? Leftmost(qualified.Left) : name;

    private static FoundAttribute? Arguments(AttributeSyntax attribute, KnownAttribute known, SyntaxScope scope)
    {
        var read = AttributeArgumentSyntax.Read(
            attribute,
            (string key, ExpressionSyntax expression, out object? value) =>
            {
                value = null;
                return known.Named(key) is { } kind && TryConstant(expression, kind, scope, out value);
            });
        return read is var (arguments, named) && known.TakesStrings(arguments.Count)
            ? new FoundAttribute(known.FullName, arguments, named, attribute.GetReference())
            : null;
    }

    // A constant as the compiler converts it to the member's type, and as TypedConstant.Value gives it (an enum member as its number).
    private static bool TryConstant(ExpressionSyntax expression, NamedArgumentKind kind, SyntaxScope scope, out object? value)
    {
        value = null;
        switch (kind)
        {
            case NamedArgumentKind.String:
                return expression.IsKind(SyntaxKind.NullLiteralExpression)
                    || (expression is LiteralExpressionSyntax { Token.Value: string text } && (value = text) is not null);
            case NamedArgumentKind.Boolean:
                return expression is LiteralExpressionSyntax { Token.Value: bool flag } && (value = flag) is not null;
            case NamedArgumentKind.Double:
                var number = expression switch
                {
                    LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal => AttributeArgumentSyntax.Number(literal.Token.Value),
                    PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal }
                        => -AttributeArgumentSyntax.Number(literal.Token.Value),
                    _ => null,
                };
                value = number;
                return number is not null;
            default:
                return BooleanStyle(expression, scope) is { } style && (value = style) is not null;
        }
    }

    // BooleanStyle.Switch, ProdServer.Config.BooleanStyle.Switch or global::ProdServer.Config.BooleanStyle.Switch: the member's value.
    private static int? BooleanStyle(ExpressionSyntax expression, SyntaxScope scope)
    {
        if (expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax member } access)
        {
            return null;
        }

        var index = Array.IndexOf(FlagSettings.BooleanStyles, member.Identifier.ValueText);
        if (index < 0)
        {
            return null;
        }

        const string Enum = "BooleanStyle";
        var typeWritten = access.Expression.ToString();
        var means = access.Expression switch
        {
            IdentifierNameSyntax { Identifier.Text: Enum } => scope.Means(Enum, KnownAttribute.OurNamespace, Enum),
            _ => (typeWritten == KnownAttribute.OurNamespace + "." + Enum && scope.StartsAtGlobal("ProdServer"))
                || typeWritten == "global::" + KnownAttribute.OurNamespace + "." + Enum,
        };
        return means && scope.MeansQualified(Enum, KnownAttribute.OurNamespace, Enum) ? index : null;
    }
}
