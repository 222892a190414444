using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators;

/// <summary>
/// Reads the attributes of a record's properties and of its enums' members from their syntax, resolving only the names the
/// attributes are written with. <see cref="ISymbol.GetAttributes"/> binds every attribute in full (constructor overloads,
/// nullable analysis, usage checks) in a compilation that the compiler throws away after the generators have run, and was
/// most of the generator's time (issue 15). Anything the syntax path cannot read exactly as Roslyn would (an alias it cannot
/// resolve, a target such as <c>[property: …]</c>, a constant that is not a literal) falls back to
/// <see cref="ISymbol.GetAttributes"/> for that member, so both paths give the same values. What a name means in a type body
/// is shared with every other record of the compilation whose body has the same surroundings (<see cref="SharedLookups"/>);
/// <paramref name="record"/> is the record being read, whose parts decide whether its bodies may share.
/// </summary>
internal sealed class AttributeResolver(SemanticModel recordModel, INamedTypeSymbol? record = null)
{
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new() { [recordModel.SyntaxTree] = recordModel };

    // What names written in one type body bind to: every member of that body sees the same scope. A list, because a record
    // has one or two such bodies (its own, its enums'), and syntax nodes hash slowly.
    private readonly List<ScopeNames> _scopes = [];

    // The only member attributes the parser looks at; the syntax path skips every other attribute once it knows its class.
    internal static readonly string[] ReadClasses =
    [
        Parser.FlagAttributeName,
        Parser.ExtraArgsAttributeName,
        Parser.PositionalArgsAttributeName,
        Parser.ServerValueAttributeName,
        Documentation.DescriptionAttributeName,
    ];

    /// <summary>
    /// The attributes of <paramref name="member"/> (a property or an enum member) that the parser reads, in source order
    /// (from the fallback: all of them).
    /// </summary>
    public ImmutableArray<FoundAttribute> Of(ISymbol member, CancellationToken cancellationToken) =>
        FromSyntax(member, cancellationToken) ?? FoundAttribute.FromSymbol(member);

    internal ImmutableArray<FoundAttribute>? FromSyntax(ISymbol member, CancellationToken cancellationToken)
    {
        // Partial properties and positional record parameters carry attributes in more than one place or with a target.
        if (member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return FromSyntax(member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), cancellationToken);
    }

    /// <summary>The attributes of a property or enum member declaration, or null when they must be asked of its symbol.</summary>
    internal ImmutableArray<FoundAttribute>? FromSyntax(SyntaxNode node, CancellationToken cancellationToken)
    {
        var lists = node switch
        {
            PropertyDeclarationSyntax property => property.AttributeLists,
            EnumMemberDeclarationSyntax field => field.AttributeLists,
            _ => (SyntaxList<AttributeListSyntax>?)null,
        };
        // A base record from a referenced compilation (a project reference in the IDE) has syntax, but not in this compilation.
        if (lists is not { } attributeLists
            || node.Parent is not BaseTypeDeclarationSyntax { OpenBraceToken.IsMissing: false } scope
            || !recordModel.Compilation.ContainsSyntaxTree(node.SyntaxTree))
        {
            return null;
        }

        return Read(attributeLists, Scope(scope, scope.OpenBraceToken.Span.End, scope, scope is EnumDeclarationSyntax ? "enum body" : "type body"), ReadClasses, cancellationToken);
    }

    /// <summary>
    /// The attributes written on the type <paramref name="declaration"/> itself whose class is one of
    /// <paramref name="classes"/>, or null when they must be asked of its symbol. Their names are looked up where the compiler
    /// binds them: at the first attribute list's '[' (where the type's own nested types are in scope too).
    /// </summary>
    internal ImmutableArray<FoundAttribute>? OfType(TypeDeclarationSyntax declaration, string[] classes, CancellationToken cancellationToken) =>
        declaration.AttributeLists.Count == 0
            ? ImmutableArray<FoundAttribute>.Empty
            : recordModel.Compilation.ContainsSyntaxTree(declaration.SyntaxTree)
                ? Read(declaration.AttributeLists, Scope(declaration.AttributeLists[0], declaration.AttributeLists[0].SpanStart, declaration, "type attributes"), classes, cancellationToken)
                : null;

    private ImmutableArray<FoundAttribute>? Read(SyntaxList<AttributeListSyntax> attributeLists, ScopeNames scope, string[] classes, CancellationToken cancellationToken)
    {
        var found = ImmutableArray.CreateBuilder<FoundAttribute>();
        foreach (var list in attributeLists)
        {
            if (list.Target is not null)
            {
                return null;
            }

            foreach (var attribute in list.Attributes)
            {
                if (AttributeClass(scope, attribute, cancellationToken) is not { } attributeClass)
                {
                    return null;
                }

                if (Array.IndexOf(classes, attributeClass.Name) < 0)
                {
                    // Someone else's attribute: told apart from ours by its class, its arguments never read.
                    continue;
                }

                if (Read(scope, attributeClass, attribute, cancellationToken) is not { } read)
                {
                    return null;
                }

                found.Add(read);
            }
        }

        return found.ToImmutable();
    }

    // C# looks an attribute name up as written and with 'Attribute' appended (not for a verbatim @name); when exactly one of
    // the two is an attribute class and the other names nothing, that is the attribute. Anything less clear-cut is left to Roslyn.
    // Remembered per type body and spelling: a record writes [Flag] ten times.
    private AttributeClassFacts? AttributeClass(ScopeNames scope, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var written = attribute.Name is IdentifierNameSyntax simple ? simple.Identifier.Text : attribute.Name.ToString();
        var classes = scope.Attributes;
        if (!classes.TryGetValue(written, out var result))
        {
            var type = Resolve(scope, attribute.Name, written, cancellationToken);
            classes[written] = result = type is null ? null : new AttributeClassFacts(type);
        }

        return result;
    }

    private INamedTypeSymbol? Resolve(ScopeNames scope, NameSyntax name, string written, CancellationToken cancellationToken)
    {
        var asWritten = Type(scope, written, cancellationToken);
        if (SyntaxOnly.KnownAttribute.WrittenName(name) is not { } identifier || identifier.Text.StartsWith("@", StringComparison.Ordinal))
        {
            return asWritten is { Found: true, Type: { } only } && IsAttribute(only) ? only : null;
        }

        var suffixed = Type(scope, written + "Attribute", cancellationToken);
        return (asWritten, suffixed) switch
        {
            ({ Found: true, Type: { } a }, { Found: false }) when IsAttribute(a) => a,
            ({ Found: false }, { Found: true, Type: { } b }) when IsAttribute(b) => b,
            _ => null,
        };
    }

    // Found: the name means something there (a type, or a namespace, an ambiguity, an inaccessible type: then Type is null).
    // Looked up at the scope's position: for members, just inside the type body's brace, the scope member attributes are
    // bound in (nested and inherited types included); for the type's own attributes, at its first attribute list's '[', where
    // the compiler binds them. Never inside an attribute, where Roslyn would first bind that attribute to answer.
    private (bool Found, INamedTypeSymbol? Type) Type(ScopeNames scope, string name, CancellationToken cancellationToken)
    {
        var names = scope.Names;
        if (names.TryGetValue(name, out var result))
        {
            return result;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var model = Model(scope.Node.SyntaxTree);
        if (SyntaxFacts.IsValidIdentifier(name))
        {
            // A lookup, not a binding: binding a name that is not there ('Flag' next to 'FlagAttribute', the usual case) makes
            // Roslyn search every reference's type forwarders for its error message, which cost more than the attribute itself.
            var found = model.LookupNamespacesAndTypes(scope.Position, name: name);
            var symbol = found.Length == 1 ? found[0] is IAliasSymbol alias ? alias.Target : found[0] : null;
            result = (found.Length > 0, symbol as INamedTypeSymbol);
        }
        else
        {
            // Qualified names (ProdServer.Config.Flag, global::…, an alias-qualified name) are rare: bound as a copy, since
            // asked about the attribute's own name node Roslyn answers with the whole attribute bound.
            var info = model.GetSpeculativeSymbolInfo(scope.Position, SyntaxFactory.ParseName(name), SpeculativeBindingOption.BindAsTypeOrNamespace);
            result = (info.Symbol is not null || !info.CandidateSymbols.IsEmpty, info.Symbol as INamedTypeSymbol);
        }

        names[name] = result;
        return result;
    }

    // A scope seen before in this record, else its names: shared with the compilation's other bodies of the same shape when
    // there are any, else its own.
    private ScopeNames Scope(SyntaxNode node, int position, BaseTypeDeclarationSyntax declaration, string kind)
    {
        foreach (var known in _scopes)
        {
            if (ReferenceEquals(known.Node, node))
            {
                return known;
            }
        }

        var table = SharedLookups.Of(recordModel.Compilation).Table<ScopeTable>(kind, declaration, record) ?? new ScopeTable();
        var added = new ScopeNames(node, position, table);
        _scopes.Add(added);
        return added;
    }

    /// <summary>What names mean at one position (a type body, or where a type's own attributes are bound): as types, and as attribute classes.</summary>
    private sealed class ScopeNames(SyntaxNode node, int position, ScopeTable table)
    {
        public SyntaxNode Node { get; } = node;

        public int Position { get; } = position;

        public ConcurrentDictionary<string, (bool Found, INamedTypeSymbol? Type)> Names => table.Names;

        public ConcurrentDictionary<string, AttributeClassFacts?> Attributes => table.Attributes;
    }

    /// <summary>What names mean in one scope, or in every scope of one shape (<see cref="SharedLookups"/>).</summary>
    private sealed class ScopeTable
    {
        public ConcurrentDictionary<string, (bool Found, INamedTypeSymbol? Type)> Names { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, AttributeClassFacts?> Attributes { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// An attribute class a name resolved to, and what it accepts: which numbers of arguments name exactly one all-string
    /// constructor, and the type of each named argument's member. Found once per class in a scope (or shape of scope), not
    /// once per attribute.
    /// </summary>
    private sealed class AttributeClassFacts(INamedTypeSymbol type)
    {
        public INamedTypeSymbol Type { get; } = type;

        public string Name { get; } = type.ToDisplayString();

        private readonly ConcurrentDictionary<int, bool> _constructors = new();

        private readonly ConcurrentDictionary<string, ITypeSymbol?> _targets = new(StringComparer.Ordinal);

        public bool HasStringConstructor(int count)
        {
            if (!_constructors.TryGetValue(count, out var has))
            {
                _constructors[count] = has = AttributeResolver.HasStringConstructor(Type, count);
            }

            return has;
        }

        public ITypeSymbol? Target(string member)
        {
            if (!_targets.TryGetValue(member, out var target))
            {
                _targets[member] = target = TargetType(Type, member);
            }

            return target;
        }
    }

    private SemanticModel Model(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out var model))
        {
            _models[tree] = model = recordModel.Compilation.GetSemanticModel(tree);
        }

        return model;
    }

    private static bool IsAttribute(INamedTypeSymbol type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t is { Name: "Attribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    // Constructor arguments must all be string literals and name a constructor that takes only strings; named arguments must
    // be literals or members of an enum, converted to the named property's type as the compiler converts constants.
    private FoundAttribute? Read(ScopeNames scope, AttributeClassFacts attributeClass, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var read = AttributeArgumentSyntax.Read(
            attribute,
            (string key, ExpressionSyntax expression, out object? converted) =>
            {
                converted = null;
                return attributeClass.Target(key) is { } target
                    && TryConstant(scope, expression, out var value, out var enumType, cancellationToken)
                    && TryConvert(value, enumType, target, out converted);
            });
        return read is var (arguments, named) && attributeClass.HasStringConstructor(arguments.Count)
            ? new FoundAttribute(attributeClass.Name, arguments, named, attribute.GetReference())
            : null;
    }

    private static bool HasStringConstructor(INamedTypeSymbol type, int count)
    {
        var matches = 0;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length == count && constructor.DeclaredAccessibility == Accessibility.Public)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.Type.SpecialType != SpecialType.System_String || parameter.IsParams || parameter.IsOptional)
                    {
                        return false;
                    }
                }

                matches++;
            }
        }

        return matches == 1;
    }

    private static ITypeSymbol? TargetType(INamedTypeSymbol type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(name))
            {
                switch (member)
                {
                    case IPropertySymbol { IsStatic: false, SetMethod.DeclaredAccessibility: Accessibility.Public } property:
                        return property.Type;
                    case IFieldSymbol { IsStatic: false, IsReadOnly: false, IsConst: false, DeclaredAccessibility: Accessibility.Public } field:
                        return field.Type;
                    default:
                        return null;
                }
            }
        }

        return null;
    }

    // A literal, a negative number, or Enum.Member (its underlying value, as TypedConstant.Value gives it).
    private bool TryConstant(ScopeNames scope, ExpressionSyntax expression, out object? value, out INamedTypeSymbol? enumType, CancellationToken cancellationToken)
    {
        enumType = null;
        value = null;
        switch (expression)
        {
            case LiteralExpressionSyntax literal when !literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                value = literal.Token.Value;
                return true;
            case PrefixUnaryExpressionSyntax { OperatorToken.RawKind: (int)SyntaxKind.MinusToken, Operand: LiteralExpressionSyntax { Token.Value: { } number } }
                when AttributeArgumentSyntax.Number(number) is { } n:
                value = -n;
                return true;
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax member } access
                when IsDottedName(access.Expression)
                && Type(scope, access.Expression.ToString(), cancellationToken) is (true, { TypeKind: TypeKind.Enum } e)
                && e.GetMembers(member.Identifier.ValueText) is { Length: 1 } members && members[0] is IFieldSymbol { HasConstantValue: true } field:
                enumType = e;
                value = field.ConstantValue;
                return true;
            default:
                return false;
        }
    }

    // BooleanStyle, ProdServer.Config.BooleanStyle, global::ProdServer.Config.BooleanStyle: in an expression, a chain of member
    // accesses ending in a name. Looked up by its text (see Type), never as the node in the tree.
    private static bool IsDottedName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or AliasQualifiedNameSyntax { Name: IdentifierNameSyntax } => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax } access => IsDottedName(access.Expression),
        _ => false,
    };

    // The conversions the compiler applies to these constants; anything else (an int property, a char for a double) is left to Roslyn.
    private static bool TryConvert(object? value, INamedTypeSymbol? enumType, ITypeSymbol target, out object? converted)
    {
        converted = value;
        if (target.TypeKind == TypeKind.Enum || enumType is not null)
        {
            return SymbolEqualityComparer.Default.Equals(enumType, target);
        }

        switch (target.SpecialType)
        {
            case SpecialType.System_String:
                return value is null or string;
            case SpecialType.System_Boolean:
                return value is bool;
            case SpecialType.System_Double when AttributeArgumentSyntax.Number(value) is { } number:
                converted = number;
                return true;
            default:
                return false;
        }
    }
}
