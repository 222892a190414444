using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProdServer.Config.Generators.Model;
using ProdServer.Config.Generators.SyntaxOnly;

namespace ProdServer.Config.Generators;

/// <summary>
/// Turns a <c>[ServerArgs]</c> type into a <see cref="ServerArgsModel"/> or into diagnostics. This is the only place
/// that sees Roslyn symbols; everything it returns compares by value so unchanged records stay cached.
/// </summary>
internal static class Parser
{
    internal const string FlagAttributeName = "ProdServer.Config.FlagAttribute";
    internal const string ExtraArgsAttributeName = "ProdServer.Config.ExtraArgsAttribute";
    internal const string PositionalArgsAttributeName = "ProdServer.Config.PositionalArgsAttribute";
    internal const string ServerArgsAttributeName = "ProdServer.Config.ServerArgsAttribute";
    private const string FlagGroupAttributeName = "ProdServer.Config.FlagGroupAttribute";
    private const string ServerBuilderAttributeName = "ProdServer.Config.ServerBuilderAttribute";
    internal const string ServerValueAttributeName = "ProdServer.Config.ServerValueAttribute";
    private const string ArgAliasAttributeName = "ProdServer.Config.ArgAliasAttribute";

    private const string SupportedTypes =
        "supported types are string?, int?, long?, double?, bool?, a nullable enum, IReadOnlyList<string>? and IReadOnlyList<TEnum>?";

    // The attributes of the record itself that the parser reads.
    internal static readonly string[] TypeClasses = Array.ConvertAll(KnownAttribute.OnRecord, static k => k.FullName);

    private static readonly ParseResult NotOurs = new(null, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>A type declaration whose <c>[ServerArgs]</c> is written in a way <see cref="ServerArgsSyntax"/> cannot see (an alias): Roslyn found and bound it.</summary>
    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        context.TargetSymbol is INamedTypeSymbol type && context.TargetNode is TypeDeclarationSyntax declaration
            ? Parse(type, declaration, context.SemanticModel, context.Attributes[0], fromSymbols: false, cancellationToken)
            : NotOurs;

    /// <summary>
    /// A type declaration with an attribute spelled <c>ServerArgs</c> (<see cref="ServerArgsSyntax.IsSpelled"/>): the record's
    /// own attributes are read from their syntax, each name looked up where the compiler binds it, so that the attribute is
    /// never bound in full (<c>ForAttributeWithMetadataName</c> did, with its nullable walk, for every record). When the syntax
    /// cannot tell (an unclear name, an argument that is not a literal), the symbol's attributes decide, as Roslyn would.
    /// Nothing comes out when the spelled attribute is someone else's.
    /// </summary>
    public static ParseResult Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        // The usual record is read without binding anything (see SyntaxRecordReader for why); the rest goes on below.
        if (SyntaxRecordReader.Read(context.Node, context.SemanticModel.Compilation, cancellationToken) is { } read)
        {
            return new ParseResult(read, EquatableArray<DiagnosticInfo>.Empty);
        }

        if (context.Node is not TypeDeclarationSyntax declaration
            || context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return NotOurs;
        }

        var resolver = new AttributeResolver(context.SemanticModel, type);
        FoundAttribute? serverArgs;
        ImmutableArray<FoundAttribute> typeAttributes;
        if (resolver.OfType(declaration, TypeClasses, cancellationToken) is { } written)
        {
            serverArgs = Find(written, ServerArgsAttributeName);
            // [ArgAlias] and [ServerBuilder] may be written on another part of a partial record.
            typeAttributes = type.DeclaringSyntaxReferences.Length == 1 || serverArgs is null ? written : FoundAttribute.FromSymbol(type);
        }
        else
        {
            typeAttributes = FoundAttribute.FromSymbol(type);
            serverArgs = WrittenOn(declaration, typeAttributes);
        }

        return serverArgs is null
            ? NotOurs
            : Parse(type, declaration, context.SemanticModel, serverArgs, typeAttributes, resolver, fromSymbols: false, cancellationToken);
    }

    // The record's [ServerArgs] that is written on this declaration (as ForAttributeWithMetadataName matches it).
    private static FoundAttribute? WrittenOn(TypeDeclarationSyntax declaration, ImmutableArray<FoundAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.ClassName == ServerArgsAttributeName
                && attribute.Syntax is { } syntax
                && syntax.SyntaxTree == declaration.SyntaxTree
                && declaration.Span.Contains(syntax.Span))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>
    /// The record <paramref name="type"/>, marked <paramref name="serverArgs"/> on <paramref name="declaration"/>. Its properties
    /// are read from their declarations when <see cref="SyntaxProperty.Of"/> allows it, unless <paramref name="fromSymbols"/>
    /// (the tests hold both ways to the same result).
    /// </summary>
    internal static ParseResult Parse(
        INamedTypeSymbol type,
        TypeDeclarationSyntax declaration,
        SemanticModel semanticModel,
        AttributeData serverArgs,
        bool fromSymbols,
        CancellationToken cancellationToken) =>
        Parse(type, declaration, semanticModel, FoundAttribute.From(serverArgs), FoundAttribute.FromSymbol(type), new AttributeResolver(semanticModel, type), fromSymbols, cancellationToken);

    private static ParseResult Parse(
        INamedTypeSymbol type,
        TypeDeclarationSyntax declaration,
        SemanticModel semanticModel,
        FoundAttribute serverArgs,
        ImmutableArray<FoundAttribute> typeAttributes,
        AttributeResolver resolver,
        bool fromSymbols,
        CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();

        if (ShapeProblem(type, declaration) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RecordMustBePartial, declaration.Identifier.GetLocation(), type.Name, problem));
        }

        var containingTypes = new List<ContainingTypeModel>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (!IsPartial(outer, cancellationToken))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.RecordMustBePartial,
                    declaration.Identifier.GetLocation(),
                    type.Name,
                    $"its containing type '{outer.Name}' is not partial"));
            }

            containingTypes.Insert(0, new ContainingTypeModel(Keyword(outer), NameWithTypeParameters(outer)));
        }

        var command = SingleString(serverArgs);

        // Base records first (outermost first), so that a flag redeclared further down is reported on the redeclaration.
        var chain = RecordChain(type);
        var first = new List<FlagModel>();
        var own = new List<FlagModel>();
        var last = new List<FlagModel>();
        var state = new FlagState(resolver);
        if (!fromSymbols && SyntaxProperty.Of(type, semanticModel, cancellationToken) is { } declared)
        {
            // The usual record, with no base record: read from its declarations, without its member table.
            foreach (var property in declared)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ParseProperty(property, chain, chain.Count - 1, state, diagnostics, cancellationToken) is { } flag)
                {
                    own.Add(flag);
                }
            }
        }
        else
        {
            ParseChain(type, chain, first, own, last, state, diagnostics, cancellationToken);
        }

        var flags = new List<FlagModel>(first.Count + own.Count + last.Count + 1);
        flags.AddRange(first);
        flags.AddRange(own);
        flags.AddRange(last);
        var extra = state.Extra;
        var enums = state.Enums;

        if (diagnostics.Count > 0)
        {
            // Nothing is emitted for a record with any problem: half an implementation would only add confusing errors.
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        if (extra is not null)
        {
            flags.Add(extra);
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n2 ? n2.ToDisplayString() : string.Empty;
        var model = new ServerArgsModel(
            HintName(ns, type),
            ns,
            containingTypes.ToEquatableArray(),
            NameWithTypeParameters(type),
            command,
            flags.ToEquatableArray(),
            enums.ToEquatableArray(),
            HasServerArgsBase(type),
            Builders(type, typeAttributes, containingTypes.Count > 0),
            BuilderClassName(type.Name),
            type.DeclaredAccessibility == Accessibility.Public && containingTypes.Count == 0,
            Aliases(typeAttributes, flags),
            state.Positional);
        return new ParseResult(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    // Every property of the record and of its base records, read from their symbols.
    private static void ParseChain(
        INamedTypeSymbol type,
        List<INamedTypeSymbol> chain,
        List<FlagModel> first,
        List<FlagModel> own,
        List<FlagModel> last,
        FlagState state,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        for (var level = 0; level < chain.Count; level++)
        {
            var declaring = chain[level];
            var target = SymbolEqualityComparer.Default.Equals(declaring, type) ? own : IsWrittenLast(declaring) ? last : first;
            foreach (var member in declaring.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is IPropertySymbol property
                    && ParseProperty(new SymbolProperty(property), chain, level, state, diagnostics, cancellationToken) is { } flag)
                {
                    target.Add(flag);
                }
            }
        }
    }

    /// <summary>What the walk over a record's chain has found so far: flag names taken, the extra-arguments property, the enums.</summary>
    private sealed class FlagState(AttributeResolver attributes)
    {
        /// <summary>Reads the members' attributes, remembering across the walk what each attribute name binds to.</summary>
        public AttributeResolver Attributes { get; } = attributes;

        // Case-insensitive because configuration keys are: 'Port' and 'port' could never be told apart by Bind.
        public Dictionary<string, string> Seen { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<EnumModel> Enums { get; } = [];

        public FlagModel? Extra { get; set; }

        public FlagModel? Positional { get; set; }
    }

    // One [Flag], [ExtraArgs] or [PositionalArgs] property of the record or of one of its bases (chain[level]); null when it
    // is not a flag, when it is the extra or positional arguments (kept in state), or when it has a problem (in diagnostics).
    private static FlagModel? ParseProperty(
        DeclaredProperty property,
        List<INamedTypeSymbol> chain,
        int level,
        FlagState state,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var attributes = property.Attributes(state.Attributes, cancellationToken);
        var flagAttribute = Find(attributes, FlagAttributeName);
        var extraAttribute = Find(attributes, ExtraArgsAttributeName);
        var positionalAttribute = Find(attributes, PositionalArgsAttributeName);
        if (flagAttribute is null && extraAttribute is null && positionalAttribute is null)
        {
            return null;
        }

        // Only diagnostics need these; most flags have none.
        Location? TypeLocation() => property.TypeLocation(cancellationToken);
        string TypeDisplay() => property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.WithMiscellaneousOptions(
            SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes));

        if (RedeclarationBelow(property, chain, level) is { } redeclaration)
        {
            var flagText = flagAttribute is not null ? "--" + SingleString(flagAttribute) : extraAttribute is not null ? "[ExtraArgs]" : "[PositionalArgs]";
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InheritedFlagRedeclared,
                MemberLocation(redeclaration, cancellationToken),
                redeclaration.ContainingType.Name,
                property.Name,
                property.ContainingTypeName,
                flagText));
            return null;
        }

        if (property.IsStatic || !property.HasSetter || property.IsIndexer)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedPropertyType,
                TypeLocation(),
                property.Name,
                TypeDisplay(),
                "it must be an instance property with an init or set accessor, because Bind returns a copy made with 'with'"));
            return null;
        }

        if (level < chain.Count - 1 && property.IsPrivateOrHasPrivateSetter)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedPropertyType,
                TypeLocation(),
                property.Name,
                TypeDisplay(),
                $"the records derived from '{property.ContainingTypeName}' must read and set it, so neither it nor its accessor may be private"));
            return null;
        }

        if (extraAttribute is not null || positionalAttribute is not null)
        {
            // Both are one list of words each, written after the flags: the extra arguments verbatim, then the positional ones.
            var (name, found, listKind) = extraAttribute is not null
                ? ("[ExtraArgs]", extraAttribute, FlagValueKind.Extra)
                : ("[PositionalArgs]", positionalAttribute!, FlagValueKind.Positional);
            if (flagAttribute is not null || (extraAttribute is not null && positionalAttribute is not null))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPropertyType, TypeLocation(), property.Name, TypeDisplay(),
                    "it can have only one of [Flag], [ExtraArgs] and [PositionalArgs]"));
                return null;
            }

            if (Classify(property.Type) is not (FlagValueKind.StringList, _))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPropertyType, TypeLocation(), property.Name, TypeDisplay(),
                    name + " needs IReadOnlyList<string>?"));
                return null;
            }

            var taken = listKind == FlagValueKind.Extra ? state.Extra : state.Positional;
            if (taken is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateFlagName, found.GetLocation(cancellationToken),
                    taken.PropertyName, property.Name, name));
                return null;
            }

            var model = NewWordList(property.Name, listKind, Documentation.Describe(property.DocumentationXml(cancellationToken), attributes));
            if (listKind == FlagValueKind.Extra)
            {
                state.Extra = model;
            }
            else
            {
                state.Positional = model;
            }

            return null;
        }

        var attribute = flagAttribute!;
        var attributeLocation = attribute.GetLocation(cancellationToken);
        var flagName = SingleString(attribute);
        var settings = FlagSettings.Of(attribute);

        if (FlagNameProblem(flagName) is { } nameProblem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFlagName, attributeLocation, flagName, property.Name, nameProblem));
            return null;
        }

        if (state.Seen.TryGetValue(flagName, out var firstProperty))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateFlagName, attributeLocation, firstProperty, property.Name, flagName));
            return null;
        }

        state.Seen.Add(flagName, property.Name);

        var (kind, enumType) = Classify(property.Type);
        if (kind is null)
        {
            var reason = property.Type is { IsValueType: true } valueType && valueType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
                ? $"use {TypeDisplay()}? so that null can mean 'not passed'; {SupportedTypes}"
                : property.Type.NullableAnnotation == NullableAnnotation.NotAnnotated && property.Type.IsReferenceType
                    ? $"use {TypeDisplay()}? so that null can mean 'not passed'; {SupportedTypes}"
                    : SupportedTypes;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPropertyType, TypeLocation(), property.Name, TypeDisplay(), reason));
            return null;
        }

        if (kind == FlagValueKind.Boolean && !settings.HasBooleanStyle)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BooleanStyleMissing, attributeLocation, property.Name, flagName));
            return null;
        }

        var enumKey = enumType is null
            ? string.Empty
            : AddEnum(
                state.Enums,
                enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                enumType.Name,
                () => EnumMembersFromSyntax(state.Attributes, enumType, cancellationToken) ?? EnumMembers(state.Attributes, enumType, cancellationToken));
        return NewFlag(property.Name, flagName, kind.Value, settings, enumKey, Documentation.Describe(property.DocumentationXml(cancellationToken), attributes));
    }

    /// <summary>The model of a <c>[Flag]</c> property whose problems have all been ruled out.</summary>
    internal static FlagModel NewFlag(string propertyName, string flagName, FlagValueKind kind, FlagSettings settings, string enumKey, string description) =>
        new(
            propertyName,
            Identifier(propertyName),
            flagName,
            kind,
            kind == FlagValueKind.Boolean ? FlagSettings.BooleanStyles[settings.BooleanStyle] : string.Empty,
            kind is FlagValueKind.StringList or FlagValueKind.EnumList ? settings.Separator : null,
            enumKey,
            string.IsNullOrEmpty(settings.Since) ? null : settings.Since,
            string.IsNullOrEmpty(settings.Removed) ? null : settings.Removed,
            kind is FlagValueKind.Int32 or FlagValueKind.Int64 or FlagValueKind.Double ? settings.Minimum : null,
            kind is FlagValueKind.Int32 or FlagValueKind.Int64 or FlagValueKind.Double ? settings.Maximum : null,
            description,
            kind == FlagValueKind.StringList && settings.SplitsOnWhiteSpace);

    /// <summary>The model of an <c>[ExtraArgs]</c> or <c>[PositionalArgs]</c> property.</summary>
    internal static FlagModel NewWordList(string propertyName, FlagValueKind kind, string description) =>
        new(propertyName, Identifier(propertyName), string.Empty, kind, string.Empty, null, string.Empty, Description: description);

    /// <summary>The record and its base records up to (not including) <c>object</c>, outermost base first.</summary>
    private static List<INamedTypeSymbol> RecordChain(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        return chain;
    }

    // [FlagGroup(Position = FlagGroupPosition.Last)]: the generator mirrors the enum (First = 0, Last = 1), as for BooleanStyle.
    private static bool IsWrittenLast(INamedTypeSymbol type) =>
        FindAttribute(type, FlagGroupAttributeName) is { } group
        && group.NamedArguments.Any(static a => a.Key == "Position" && a.Value.Value is int position && position == 1);

    /// <summary>
    /// A member of a more derived record in <paramref name="chain"/> that overrides or hides the inherited flag
    /// <paramref name="property"/>. Either would split one flag over two properties: the generated code would write one and
    /// configuration would bind the other, so it is reported (PSC1006) rather than resolved by a guess.
    /// </summary>
    private static ISymbol? RedeclarationBelow(DeclaredProperty property, List<INamedTypeSymbol> chain, int level)
    {
        for (var below = level + 1; below < chain.Count; below++)
        {
            foreach (var member in chain[below].GetMembers(property.Name))
            {
                if (!member.IsImplicitlyDeclared)
                {
                    return member;
                }
            }
        }

        return null;
    }

    private static Location? MemberLocation(ISymbol member, CancellationToken cancellationToken) =>
        member is IPropertySymbol property ? new SymbolProperty(property).TypeLocation(cancellationToken) : member.Locations.FirstOrDefault();

    // [ArgAlias("preload_app", "preload")] on the record. An alias naming no flag of the record, or spelled as one of its
    // keys already, is left out: the binder could not use it (the ServerArgs tests hold the built-in tables to their flags).
    internal static EquatableArray<AliasModel> Aliases(ImmutableArray<FoundAttribute> typeAttributes, List<FlagModel> flags)
    {
        var aliases = new List<AliasModel>();
        foreach (var attribute in typeAttributes)
        {
            if (attribute.ClassName == ArgAliasAttributeName
                && attribute.Arguments.Count == 2
                && attribute.Arguments[0] is string { Length: > 0 } alias
                && attribute.Arguments[1] is string flag
                && flags.Any(f => f.FlagName.Length > 0 && string.Equals(f.FlagName, flag, StringComparison.OrdinalIgnoreCase)))
            {
                aliases.Add(new AliasModel(alias, flag));
            }
        }

        return aliases.ToEquatableArray();
    }

    // [ServerBuilder] is internal to ProdServer.Config: its methods call ServerBackends, so a nested or generic record has none.
    private static EquatableArray<BuilderModel> Builders(INamedTypeSymbol type, ImmutableArray<FoundAttribute> typeAttributes, bool nested)
    {
        if (nested || type.Arity > 0)
        {
            return EquatableArray<BuilderModel>.Empty;
        }

        var builders = new List<BuilderModel>();
        foreach (var attribute in typeAttributes)
        {
            if (attribute.ClassName != ServerBuilderAttributeName
                || attribute.Arguments.Count != 2
                || attribute.Arguments[0] is not string method
                || attribute.Arguments[1] is not string backend
                || !SyntaxFacts.IsValidIdentifier(method)
                || !SyntaxFacts.IsValidIdentifier(backend))
            {
                continue;
            }

            string Named(string name, string fallback) =>
                attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value as string ?? fallback;

            var appParameter = Named("AppParameter", "app");
            builders.Add(new BuilderModel(
                method,
                backend,
                Named("Summary", string.Empty),
                Named("Declares", string.Empty),
                Named("App", string.Empty),
                SyntaxFacts.IsValidIdentifier(appParameter) ? appParameter : "app",
                Named("Configure", string.Empty),
                Named("ProcessName", string.Empty),
                Named("SummaryWithoutApp", string.Empty),
                Named("DeclaresWithoutApp", string.Empty)));
        }

        return builders.ToEquatableArray();
    }

    // WaitressArgs -> WaitressBuilderExtensions, as the hand-written classes were named.
    internal static string BuilderClassName(string typeName) =>
        (typeName.EndsWith("Args", StringComparison.Ordinal) ? typeName.Substring(0, typeName.Length - 4) : typeName) + "BuilderExtensions";

    private static string? ShapeProblem(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
    {
        if (!type.IsRecord || type.TypeKind != TypeKind.Class)
        {
            return type.TypeKind switch
            {
                TypeKind.Struct => type.IsRecord ? "it is a record struct" : "it is a struct",
                TypeKind.Interface => "it is an interface",
                _ => "it is a class",
            };
        }

        return declaration.Modifiers.Any(SyntaxKind.PartialKeyword) ? null : "it is not partial";
    }

    private static bool HasServerArgsBase(INamedTypeSymbol type)
    {
        for (var b = type.BaseType; b is not null && b.SpecialType != SpecialType.System_Object; b = b.BaseType)
        {
            if (FindAttribute(b, ServerArgsAttributeName) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax syntax && syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    internal static (FlagValueKind? Kind, INamedTypeSymbol? EnumType) Classify(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            // 'string' (not annotated) in a nullable-enabled file would make Bind assign a string? to it: a warning in user code.
            return type.NullableAnnotation == NullableAnnotation.NotAnnotated ? (null, null) : (FlagValueKind.String, null);
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
        {
            var inner = nullable.TypeArguments[0];
            return inner.SpecialType switch
            {
                SpecialType.System_Int32 => (FlagValueKind.Int32, null),
                SpecialType.System_Int64 => (FlagValueKind.Int64, null),
                SpecialType.System_Double => (FlagValueKind.Double, null),
                SpecialType.System_Boolean => (FlagValueKind.Boolean, null),
                _ when inner is INamedTypeSymbol { TypeKind: TypeKind.Enum } e => (FlagValueKind.Enum, e),
                _ => (null, null),
            };
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } list
            && list.NullableAnnotation != NullableAnnotation.NotAnnotated
            && list.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IReadOnlyList<T>")
        {
            var element = list.TypeArguments[0];
            if (element.SpecialType == SpecialType.System_String && element.NullableAnnotation != NullableAnnotation.Annotated)
            {
                return (FlagValueKind.StringList, null);
            }

            if (element is INamedTypeSymbol { TypeKind: TypeKind.Enum } e)
            {
                return (FlagValueKind.EnumList, e);
            }
        }

        return (null, null);
    }

    /// <summary>
    /// The key of the enum <paramref name="fullName"/> among <paramref name="enums"/>, added (with <paramref name="members"/>) when it
    /// is not there yet. The short name reads best in the generated helpers; two enums with the same short name get a numbered key.
    /// </summary>
    internal static string AddEnum(List<EnumModel> enums, string fullName, string name, Func<List<EnumMemberModel>> members)
    {
        foreach (var known in enums)
        {
            if (known.FullyQualifiedName == fullName)
            {
                return known.Key;
            }
        }

        var key = name;
        if (enums.Any(e => e.Key == key))
        {
            key += "_" + enums.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        enums.Add(new EnumModel(key, fullName, name, members().ToEquatableArray()));
        return key;
    }

    private static List<EnumMemberModel> EnumMembers(AttributeResolver attributes, INamedTypeSymbol enumType, CancellationToken cancellationToken)
    {
        var members = new List<EnumMemberModel>();
        var values = new HashSet<object?>();
        foreach (var member in enumType.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IFieldSymbol { HasConstantValue: true } field)
            {
                continue;
            }

            members.Add(new EnumMemberModel(field.Name, Identifier(field.Name), Spelling(field.Name, attributes.Of(field, cancellationToken)), !values.Add(field.ConstantValue)));
        }

        return members;
    }

    // An enum declared once in this compilation with no member given a value: its members are its declaration's, in order, with
    // the distinct values 0, 1, 2…, so the enum's member table (and the binding of each value) is not needed. Else null.
    private static List<EnumMemberModel>? EnumMembersFromSyntax(AttributeResolver attributes, INamedTypeSymbol enumType, CancellationToken cancellationToken)
    {
        if (enumType.DeclaringSyntaxReferences.Length != 1
            || enumType.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not EnumDeclarationSyntax declaration)
        {
            return null;
        }

        var members = new List<EnumMemberModel>(declaration.Members.Count);
        foreach (var member in declaration.Members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.EqualsValue is not null || attributes.FromSyntax(member, cancellationToken) is not { } found)
            {
                return null;
            }

            var name = member.Identifier.ValueText;
            members.Add(new EnumMemberModel(name, Identifier(name), Spelling(name, found), IsAlias: false));
        }

        return members;
    }

    internal static string Spelling(string memberName, ImmutableArray<FoundAttribute> attributes) =>
        Find(attributes, ServerValueAttributeName) is { } serverValue ? SingleString(serverValue) : KebabCase(memberName);

    /// <summary>
    /// <c>XForwardedFor</c> → <c>x-forwarded-for</c>, <c>HTTPServer</c> → <c>http-server</c>, <c>Ipv6</c> → <c>ipv6</c>:
    /// a dash before each capital that starts a new word.
    /// </summary>
    internal static string KebabCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append('-');
                }
            }

            builder.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    internal static string? FlagNameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (name[0] == '-')
        {
            return "write it without the leading dashes (the generator adds them)";
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return "it contains white space";
            }

            if (c == '=')
            {
                return "it contains '=', which separates a flag from its value";
            }
        }

        return null;
    }

    // The attributes' only constructor argument; empty when the user wrote something that does not bind (the compiler reports that).
    internal static string SingleString(FoundAttribute attribute) =>
        attribute.Arguments.Count == 1 && attribute.Arguments[0] is string value ? value : string.Empty;

    internal static FoundAttribute? Find(ImmutableArray<FoundAttribute> attributes, string className)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.ClassName == className)
            {
                return attribute;
            }
        }

        return null;
    }

    private static AttributeData? FindAttribute(ISymbol symbol, string fullName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == fullName)
            {
                return attribute;
            }
        }

        return null;
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static string NameWithTypeParameters(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0
            ? Identifier(type.Name)
            : Identifier(type.Name) + "<" + string.Join(", ", type.TypeParameters.Select(static p => Identifier(p.Name))) + ">";

    // One file per record; the arity keeps Box and Box<T> apart, and the containing types keep nested records apart.
    private static string HintName(string ns, INamedTypeSymbol type)
    {
        var parts = new List<string>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            parts.Insert(0, t.Arity == 0 ? t.Name : t.Name + "`" + t.Arity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return HintName(ns, string.Join(".", parts));
    }

    /// <summary>The generated file of the record <paramref name="typePath"/> (its containing types' names and its own, with arities) in <paramref name="ns"/>.</summary>
    internal static string HintName(string ns, string typePath) => (ns.Length > 0 ? ns + "." : string.Empty) + typePath + ".Args.g.cs";

    // Reserved words need '@' to be used as names (a property called 'event'); contextual keywords do not.
    internal static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
