using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>Turns the value assigned to a setting in code into what <see cref="SettingsBag"/> holds.</summary>
internal static class ConstantSettings
{
    /// <summary>
    /// Reads an assignment to a setting (<c>Port = 80</c> in an initializer or a <see langword="with"/> expression): its
    /// property's name and, as <see cref="TryRead"/> says, its value; <see langword="false"/> for any other operation or an
    /// assignment that leaves the setting unset.
    /// </summary>
    public static bool TryReadAssignment(IOperation operation, out string name, out object? value)
    {
        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var property } } assignment
            && TryRead(assignment.Value, out value))
        {
            name = property;
            return true;
        }

        name = string.Empty;
        value = null;
        return false;
    }

    /// <summary>
    /// Reads <paramref name="value"/>: <see langword="false"/> when it leaves the setting unset (<c>null</c>,
    /// <c>default</c>); otherwise <see langword="true"/>, with <paramref name="result"/> the constant (bool, long, string,
    /// string[]) or <see langword="null"/> when the value is only known at run time.
    /// </summary>
    public static bool TryRead(IOperation value, out object? result)
    {
        result = null;
        value = Unwrap(value);

        if (value.ConstantValue.HasValue)
        {
            // An enum member is read by its name (LogLevel = GunicornLogLevel.Debug → "Debug"), as configuration spells it.
            result = value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
                ? EnumMemberName(enumType, value.ConstantValue.Value)
                : Normalize(value.ConstantValue.Value);
            return value.ConstantValue.Value is not null;
        }

        switch (value)
        {
            case IDefaultValueOperation:
                return false;
            case ILocalReferenceOperation local when InitialValue(local) is { } initial:
                return TryRead(initial, out result);
            case ICollectionExpressionOperation collection:
                result = Strings(collection.Elements);
                return true;
            case IArrayCreationOperation { Initializer: { } initializer }:
                result = Strings(initializer.ElementValues);
                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// The operand a constant is converted from: <c>Threads = 0</c> on an <c>int?</c> property, or <c>0</c> passed for an
    /// <c>int?</c> parameter, is a conversion of the constant 0, and the constant is the conversion's operand.
    /// </summary>
    public static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { ConstantValue.HasValue: false } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    /// <summary>
    /// What <paramref name="value"/> stands for, as far as the build can tell: its conversions taken off (<see cref="Unwrap"/>),
    /// and a local followed to the value it holds wherever it is read (<see cref="InitialValue"/>), so that <c>var threads =
    /// 0; … Threads = threads</c> is read as <c>0</c> by every rule that reads constants, as by <see cref="TryRead"/>.
    /// </summary>
    public static IOperation Resolve(IOperation value)
    {
        value = Unwrap(value);
        for (var depth = 0; depth < 32 && value is ILocalReferenceOperation local && InitialValue(local) is { } initial; depth++)
        {
            value = Unwrap(initial);
        }

        return value;
    }

    /// <summary>The number <paramref name="value"/> is as a constant of any numeric type (<see cref="Resolve">resolved</see>), or <see langword="null"/>.</summary>
    public static double? Number(IOperation value) =>
        Resolve(value).ConstantValue is { HasValue: true, Value: { } constant }
        && constant is int or long or short or byte or sbyte or uint or ulong or ushort or double or float or decimal
            ? System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static object? Normalize(object? constant) => constant switch
    {
        bool or string => constant,
        int or long or short or byte or sbyte or ushort or uint => System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string? EnumMemberName(INamedTypeSymbol enumType, object? constant)
    {
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant))
            {
                return field.Name;
            }
        }

        return null;
    }

    private static string[] Strings(IEnumerable<IOperation> elements)
    {
        var strings = new List<string>();
        foreach (var element in elements)
        {
            if (TryRead(element, out var value) && value is string s)
            {
                strings.Add(s);
            }
        }

        return strings.ToArray();
    }

    /// <summary>
    /// The value a local holds wherever it is read, when that is its initializer: <c>var port = 80; … Port = port</c>. Only
    /// a local declared with a value and never written again in its method counts, which a scan of that one body settles
    /// cheaply; anything cleverer is left to the runtime check.
    /// </summary>
    public static IOperation? InitialValue(ILocalReferenceOperation reference) =>
        reference.SemanticModel is { } model && Initializer(reference.Local, model) is { } initializer ? model.GetOperation(initializer) : null;

    /// <summary>
    /// The initializer of <paramref name="local"/> when it is the value the local holds wherever it is read (see
    /// <see cref="InitialValue"/>): <c>var isDev = env.IsDevelopment();</c>, never written again.
    /// </summary>
    public static ExpressionSyntax? Initializer(ILocalSymbol local, SemanticModel model)
    {
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var body = declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax { Parent: BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax } or CompilationUnitSyntax);
        return body is null || IsWrittenAgain(body, local, model) ? null : initializer;
    }

    private static bool IsWrittenAgain(SyntaxNode body, ILocalSymbol local, SemanticModel model)
    {
        foreach (var node in body.DescendantNodes())
        {
            foreach (var target in WrittenBy(node))
            {
                if (target is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The variables a node may write: the left of an assignment (x = …, x += …, and each element of a deconstruction
    // (x, _) = … or ((x, y), z) = …), the operand of ++/-- (and of &, which can write through the pointer), a ref or out
    // argument, and a ref taken to it (ref int r = ref x: r writes x).
    private static IEnumerable<ExpressionSyntax> WrittenBy(SyntaxNode node)
    {
        var target = node switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left,
            PrefixUnaryExpressionSyntax prefix => prefix.Operand,
            PostfixUnaryExpressionSyntax postfix => postfix.Operand,
            ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
            RefExpressionSyntax reference => reference.Expression,
            _ => null,
        };
        return target is null ? [] : Elements(target);
    }

    private static IEnumerable<ExpressionSyntax> Elements(ExpressionSyntax target)
    {
        switch (target)
        {
            case TupleExpressionSyntax tuple:
                foreach (var argument in tuple.Arguments)
                {
                    foreach (var element in Elements(argument.Expression))
                    {
                        yield return element;
                    }
                }

                break;
            case ParenthesizedExpressionSyntax parenthesized:
                foreach (var element in Elements(parenthesized.Expression))
                {
                    yield return element;
                }

                break;
            default:
                yield return target;
                break;
        }
    }
}
