using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators;

/// <summary>
/// The arguments of an attribute as written, in the one shape both syntax readings accept (<see cref="AttributeResolver"/>,
/// with names looked up, and <c>SyntaxOnly.SyntaxAttributes</c>, without): string literals for the constructor, then
/// <c>Name = constant</c>, each named value read by the caller's rule. Anything else (a <c>name:</c> argument, a positional one
/// after a named one, a constant the rule refuses, a name given twice) gives null.
/// </summary>
internal static class AttributeArgumentSyntax
{
    /// <summary>The value of the named argument <paramref name="key"/> written as <paramref name="expression"/>, or false.</summary>
    public delegate bool NamedValue(string key, ExpressionSyntax expression, out object? value);

    public static (List<object?> Arguments, List<KeyValuePair<string, object?>> Named)? Read(AttributeSyntax attribute, NamedValue namedValue)
    {
        var arguments = new List<object?>();
        var named = new List<KeyValuePair<string, object?>>();
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameColon is not null)
            {
                return null;
            }

            if (argument.NameEquals is { } nameEquals)
            {
                var key = nameEquals.Name.Identifier.ValueText;
                if (!namedValue(key, argument.Expression, out var value) || named.Exists(n => n.Key == key))
                {
                    return null;
                }

                named.Add(new KeyValuePair<string, object?>(key, value));
            }
            else if (named.Count > 0 || argument.Expression is not LiteralExpressionSyntax { Token.Value: string text })
            {
                return null;
            }
            else
            {
                arguments.Add(text);
            }
        }

        return (arguments, named);
    }

    /// <summary>A numeric literal's value as a double, as the compiler converts an integer or floating constant to double (not decimal).</summary>
    public static double? Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        uint u => u,
        ulong ul => ul,
        float f => f,
        double d => d,
        _ => null,
    };
}
