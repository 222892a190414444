using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ProdServer.Config.Generators;

/// <summary>
/// One attribute of a member as the parser reads it: the attribute class's full name, the constants it was given and where
/// it is written. Made either from Roslyn's <see cref="AttributeData"/> or, much more cheaply, from the attribute's syntax
/// (see <see cref="AttributeResolver"/>); both give the same values for the attributes the syntax path accepts.
/// </summary>
internal sealed class FoundAttribute(
    string className,
    IReadOnlyList<object?> arguments,
    IReadOnlyList<KeyValuePair<string, object?>> namedArguments,
    SyntaxReference? syntax)
{
    /// <summary>The attribute class as <c>ToDisplayString()</c> writes it, e.g. <c>ProdServer.Config.FlagAttribute</c>.</summary>
    public string ClassName { get; } = className;

    /// <summary>The constructor arguments' values.</summary>
    public IReadOnlyList<object?> Arguments { get; } = arguments;

    /// <summary>The named arguments' values; an enum value is its underlying number, as in <see cref="TypedConstant.Value"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> NamedArguments { get; } = namedArguments;

    /// <summary>Where the attribute is written, when it is written in source.</summary>
    public SyntaxReference? Syntax { get; } = syntax;

    public Location? GetLocation(CancellationToken cancellationToken) => Syntax?.GetSyntax(cancellationToken).GetLocation();

    public static ImmutableArray<FoundAttribute> FromSymbol(ISymbol symbol)
    {
        var found = ImmutableArray.CreateBuilder<FoundAttribute>();
        foreach (var attribute in symbol.GetAttributes())
        {
            found.Add(From(attribute));
        }

        return found.ToImmutable();
    }

    /// <summary>What the parser reads of one attribute Roslyn has bound.</summary>
    public static FoundAttribute From(AttributeData attribute)
    {
        var arguments = new List<object?>(attribute.ConstructorArguments.Length);
        foreach (var argument in attribute.ConstructorArguments)
        {
            arguments.Add(Value(argument));
        }

        var named = new List<KeyValuePair<string, object?>>(attribute.NamedArguments.Length);
        foreach (var argument in attribute.NamedArguments)
        {
            named.Add(new KeyValuePair<string, object?>(argument.Key, Value(argument.Value)));
        }

        return new FoundAttribute(attribute.AttributeClass?.ToDisplayString() ?? string.Empty, arguments, named, attribute.ApplicationSyntaxReference);
    }

    // TypedConstant.Value throws for arrays; none of the attributes read here takes one.
    private static object? Value(TypedConstant constant) => constant.Kind == TypedConstantKind.Array ? null : constant.Value;
}
