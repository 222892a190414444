using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProdServer.Config.Generators.Model;

namespace ProdServer.Config.Generators.SyntaxOnly;

/// <summary>
/// Reads the usual <c>[ServerArgs]</c> record — one top-level <c>partial record</c> declaration, no base, no parameter list,
/// flags of the supported types written as keywords, enums of this compilation and <c>IReadOnlyList&lt;…&gt;?</c>, literal
/// attribute arguments — into the model <see cref="Parser"/> would give, without asking Roslyn a single semantic question.
/// <para>
/// Why (issue 15, target 5): in a build with a fresh csc, the first generator that binds anything pays for the compiler's
/// first semantic pass over the compilation (its references, its declarations, its usings) and the JIT of that code, ~0.3 s
/// that the compiler would otherwise spend itself, moments later. Reading from syntax leaves that where it belongs.
/// </para>
/// Anything it cannot read exactly as <see cref="Parser"/> would — a record with a problem to report included — gives null,
/// and the record is parsed the usual way. The tests hold both to the same model.
/// </summary>
internal static class SyntaxRecordReader
{
    /// <summary>The model of <paramref name="node"/>, or null to parse it through Roslyn.</summary>
    public static ServerArgsModel? Read(SyntaxNode node, Compilation compilation, CancellationToken cancellationToken)
    {
        if (node is not RecordDeclarationSyntax { RawKind: (int)SyntaxKind.RecordDeclaration, ParameterList: null, BaseList: null, TypeParameterList: null } record
            || record.ConstraintClauses.Count > 0
            || !record.Modifiers.Any(SyntaxKind.PartialKeyword)
            || record.Modifiers.Any(SyntaxKind.FileKeyword)
            || record.Identifier.Text.StartsWith("@", StringComparison.Ordinal)
            || record.ContainsDiagnostics)
        {
            return null;
        }

        var declarations = SourceDeclarations.Of(compilation);
        if (SyntaxScope.Of(record, declarations) is not { } scope || !DeclaredOnce(record, scope, declarations))
        {
            return null;
        }

        if (SyntaxAttributes.Read(record.AttributeLists, KnownAttribute.OnRecord, scope) is not { } recordAttributes
            || Parser.Find(recordAttributes, Parser.ServerArgsAttributeName) is not { } serverArgs)
        {
            return null;
        }

        var flags = new List<FlagModel>();
        var enums = new List<EnumModel>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        FlagModel? extra = null;
        FlagModel? positional = null;
        foreach (var member in record.Members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is IndexerDeclarationSyntax)
            {
                return null;
            }

            if (member is not PropertyDeclarationSyntax property)
            {
                continue;
            }

            if (SyntaxAttributes.Read(property.AttributeLists, KnownAttribute.OnProperty, scope) is not { } attributes)
            {
                return null;
            }

            var flag = Parser.Find(attributes, Parser.FlagAttributeName);
            var extraArgs = Parser.Find(attributes, Parser.ExtraArgsAttributeName);
            var positionalArgs = Parser.Find(attributes, Parser.PositionalArgsAttributeName);
            if (flag is null && extraArgs is null && positionalArgs is null)
            {
                continue;
            }

            // Whatever the parser would report (or read from the symbol) is left to it.
            if (property.ExplicitInterfaceSpecifier is not null
                || property.Modifiers.Any(SyntaxKind.PartialKeyword)
                || property.Modifiers.Any(SyntaxKind.OverrideKeyword)
                || property.Modifiers.Any(SyntaxKind.StaticKeyword)
                || !HasSetter(property)
                || (flag is null ? 0 : 1) + (extraArgs is null ? 0 : 1) + (positionalArgs is null ? 0 : 1) != 1
                || DocumentationSyntax.Xml(property, null, cancellationToken) is not { } xml
                || Classify(property.Type, scope) is not var (kind, enumType))
            {
                return null;
            }

            var name = property.Identifier.ValueText;
            var description = Documentation.Describe(xml, attributes);
            if (flag is null)
            {
                var listKind = extraArgs is not null ? FlagValueKind.Extra : FlagValueKind.Positional;
                if (kind != FlagValueKind.StringList || (listKind == FlagValueKind.Extra ? extra : positional) is not null)
                {
                    return null;
                }

                var list = Parser.NewWordList(name, listKind, description);
                if (listKind == FlagValueKind.Extra)
                {
                    extra = list;
                }
                else
                {
                    positional = list;
                }

                continue;
            }

            var flagName = Parser.SingleString(flag);
            var settings = FlagSettings.Of(flag);
            if (Parser.FlagNameProblem(flagName) is not null
                || !seen.Add(flagName)
                || (kind == FlagValueKind.Boolean && !settings.HasBooleanStyle))
            {
                return null;
            }

            var enumKey = string.Empty;
            if (enumType is var (enumSyntax, enumNamespace))
            {
                var fullName = "global::" + (enumNamespace.Length > 0 ? enumNamespace + "." : string.Empty) + enumSyntax.Identifier.ValueText;
                List<EnumMemberModel>? members = null;
                if (!enums.Exists(e => e.FullyQualifiedName == fullName) && (members = EnumMembers(enumSyntax, declarations, cancellationToken)) is null)
                {
                    return null;
                }

                enumKey = Parser.AddEnum(enums, fullName, enumSyntax.Identifier.ValueText, () => members!);
            }

            flags.Add(Parser.NewFlag(name, flagName, kind, settings, enumKey, description));
        }

        if (extra is not null)
        {
            flags.Add(extra);
        }

        var typeName = record.Identifier.ValueText;
        var flagArray = flags.ToEquatableArray();
        return new ServerArgsModel(
            Parser.HintName(scope.Namespace, typeName),
            scope.Namespace,
            EquatableArray<ContainingTypeModel>.Empty,
            typeName,
            Parser.SingleString(serverArgs),
            flagArray,
            enums.ToEquatableArray(),
            HidesBase: false,
            EquatableArray<BuilderModel>.Empty,
            Parser.BuilderClassName(typeName),
            record.Modifiers.Any(SyntaxKind.PublicKeyword),
            Parser.Aliases(recordAttributes, flags),
            positional);
    }

    // One declaration of this name in this namespace: no other part of a partial record to read, and no clash to report.
    private static bool DeclaredOnce(RecordDeclarationSyntax record, SyntaxScope scope, SourceDeclarations declarations)
    {
        var count = 0;
        foreach (var type in declarations.TypesNamed(record.Identifier.ValueText))
        {
            if (type.TopLevel && type.Namespace == scope.Namespace)
            {
                count++;
            }
        }

        return count == 1;
    }

    private static bool HasSetter(PropertyDeclarationSyntax property)
    {
        foreach (var accessor in property.AccessorList?.Accessors ?? default)
        {
            if (accessor.IsKind(SyntaxKind.SetAccessorDeclaration) || accessor.IsKind(SyntaxKind.InitAccessorDeclaration))
            {
                return true;
            }
        }

        return false;
    }

    // The supported types, each written with its '?': a keyword, an enum of this compilation, IReadOnlyList<string or enum>.
    // Null: another type, or one the syntax cannot pin down (the parser reads it, and reports it if it is unsupported).
    private static (FlagValueKind Kind, (EnumDeclarationSyntax Syntax, string Namespace)? Enum)? Classify(TypeSyntax type, SyntaxScope scope)
    {
        if (type is not NullableTypeSyntax { ElementType: var element })
        {
            return null;
        }

        switch (element)
        {
            case PredefinedTypeSyntax keyword:
                FlagValueKind? kind = (SyntaxKind)keyword.Keyword.RawKind switch
                {
                    SyntaxKind.StringKeyword => FlagValueKind.String,
                    SyntaxKind.IntKeyword => FlagValueKind.Int32,
                    SyntaxKind.LongKeyword => FlagValueKind.Int64,
                    SyntaxKind.DoubleKeyword => FlagValueKind.Double,
                    SyntaxKind.BoolKeyword => FlagValueKind.Boolean,
                    _ => null,
                };
                return kind is { } k ? (k, null) : null;
            case IdentifierNameSyntax name when Enum(name, scope) is { } named:
                return (FlagValueKind.Enum, named);
            default:
                if (ListElement(element, scope) is not { } item)
                {
                    return null;
                }

                if (item is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword })
                {
                    return (FlagValueKind.StringList, null);
                }

                return item is IdentifierNameSyntax itemName && Enum(itemName, scope) is { } itemEnum ? (FlagValueKind.EnumList, itemEnum) : null;
        }
    }

    private static (EnumDeclarationSyntax Syntax, string Namespace)? Enum(IdentifierNameSyntax name, SyntaxScope scope) =>
        name.Identifier.Text.StartsWith("@", StringComparison.Ordinal) ? null : scope.EnumNamed(name.Identifier.ValueText);

    // T of IReadOnlyList<T>, written plain (System.Collections.Generic imported), qualified or from global::.
    private static TypeSyntax? ListElement(TypeSyntax type, SyntaxScope scope)
    {
        const string Generic = "System.Collections.Generic";
        const string List = "IReadOnlyList";
        var (generic, qualifier, fromGlobal) = type switch
        {
            GenericNameSyntax plain => (plain, null, false),
            QualifiedNameSyntax { Right: GenericNameSyntax right } qualified => (right, SourceDeclarations.DottedName(qualified.Left), qualified.Left.ToString().StartsWith("global::", StringComparison.Ordinal)),
            _ => (null, null, false),
        };
        if (generic is not { Identifier.Text: List, TypeArgumentList.Arguments.Count: 1 })
        {
            return null;
        }

        var means = qualifier is null
            ? type is GenericNameSyntax && scope.Means(List, Generic, List)
            : qualifier == Generic && (fromGlobal || scope.StartsAtGlobal("System")) && scope.MeansQualified(List, Generic, List)
                && scope.StartsAtGlobal("Collections") && scope.StartsAtGlobal("Generic");
        return means ? generic.TypeArgumentList.Arguments[0] : null;
    }

    // An enum's members as the parser reads them from syntax: declared in order with no value given, so 0, 1, 2… and no aliases.
    private static List<EnumMemberModel>? EnumMembers(EnumDeclarationSyntax declaration, SourceDeclarations declarations, CancellationToken cancellationToken)
    {
        if (declaration.ContainsDiagnostics || SyntaxScope.Of(declaration, declarations) is not { } scope)
        {
            return null;
        }

        var members = new List<EnumMemberModel>(declaration.Members.Count);
        foreach (var member in declaration.Members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.EqualsValue is not null
                || member.Identifier.Text.StartsWith("@", StringComparison.Ordinal)
                || SyntaxAttributes.Read(member.AttributeLists, KnownAttribute.OnEnumMember, scope) is not { } attributes)
            {
                return null;
            }

            var name = member.Identifier.ValueText;
            members.Add(new EnumMemberModel(name, Parser.Identifier(name), Parser.Spelling(name, attributes), IsAlias: false));
        }

        return members;
    }
}
