using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ProdServer.Config.Generators.SyntaxOnly;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// PSC1007: on a <c>[ServerArgs]</c> record, an attribute written with the name of one of ProdServer.Config's
/// (<c>[Flag]</c>, <c>[ExtraArgs]</c>, <c>[PositionalArgs]</c>, <c>[ArgAlias]</c>, <c>[ServerArgs]</c>; <c>[ServerValue]</c> on
/// an enum's members) that binds to another class. The generator reads such a record by its attributes'
/// names where nothing in the compilation's source could be found instead (a fresh compiler charged the first semantic question
/// ~0.3 s, issue 15), so a lookalike from a referenced assembly in the record's own namespace would be read as ours; one declared in
/// source makes the generator ignore the property instead, and a setting the user meant for the server never reaches it. Either
/// way the record does not mean what it says, and the build says so here, where the binding is known anyway.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class LookalikeAttributeAnalyzer : DiagnosticAnalyzer
{
    private const string OurNamespace = KnownAttribute.OurNamespace;

    // What the generator reads by name (its own list, KnownAttribute, compiled in here too), where each is ours: not
    // [Description] (System.ComponentModel's), not [ServerBuilder] (internal to the library, so never a user's to check).
    private static readonly KnownAttribute[] OnRecord = Ours(KnownAttribute.OnRecord);
    private static readonly KnownAttribute[] OnProperty = Ours(KnownAttribute.OnProperty);
    private static readonly KnownAttribute[] OnEnumMember = Ours(KnownAttribute.OnEnumMember);

    // Every name C# may find them by: with and without the suffix.
    private static readonly string[] AllNames = OnRecord.Concat(OnProperty).Concat(OnEnumMember)
        .SelectMany(static k => new[] { k.ClassName, k.ClassName.Substring(0, k.ClassName.Length - "Attribute".Length) })
        .ToArray();

    /// <summary>The PSC1007 descriptor.</summary>
    internal static DiagnosticDescriptor Descriptor { get; } = new(
        "PSC1007",
        "An attribute named as one of ProdServer.Config's is another class",
        "'[{0}]' on '{1}' is '{2}', not ProdServer.Config's {3}; rename that class, or write ours as [ProdServer.Config.{4}]",
        "ProdServer.Generator",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "The generator reads a [ServerArgs] record by its attributes' names; one that binds to another class would be read as ours, or ignored.",
        "https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/PSC1007.md");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // A project without ProdServer.Config pays for this lookup only.
            if (start.Compilation.GetTypeByMetadataName(OurNamespace + ".ServerArgsAttribute") is null)
            {
                return;
            }

            var shadowed = new ConcurrentDictionary<INamespaceSymbol, bool>(SymbolEqualityComparer.Default);
            start.RegisterSymbolAction(c => Analyze(c, shadowed), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, ConcurrentDictionary<INamespaceSymbol, bool> shadowed)
    {
        // Binding a record's attributes, or even building its member table, would cost a fresh compiler what the generator saved
        // by not asking (issue 15). A lookalike is found before ours only from the declaration's own scope: a nested type, or a
        // type of its namespace or of one that encloses it. Where none of those holds a type of our names, every attribute
        // written so is ours or ambiguous (the compiler's CS0104), and nothing is bound here.
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind == TypeKind.Enum)
        {
            // An enum's [ServerValue] spellings are what the generator writes for a flag of that enum.
            if (WritesServerValue(type) && Shadowed(context.Compilation, type.ContainingNamespace, shadowed))
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true })
                    {
                        Check(context, member, type, OnEnumMember);
                    }
                }
            }

            return;
        }

        if (!type.IsRecord || !WritesServerArgs(type) || !(Declares(type) || Shadowed(context.Compilation, type.ContainingNamespace, shadowed)))
        {
            return;
        }

        Check(context, type, type, OnRecord);
        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol { IsImplicitlyDeclared: false } property)
            {
                Check(context, property, type, OnProperty);
            }
        }
    }

    // Whether the type declares a nested type with one of our names.
    private static bool Declares(INamedTypeSymbol type)
    {
        foreach (var nested in type.GetTypeMembers())
        {
            if (Array.IndexOf(AllNames, nested.Name) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // Whether the namespace declared, or one enclosing it, holds a type with one of our names that is not ours, in source or in a
    // reference: each is looked up by name from the compilation's global namespace, which merges them (a source type's own
    // namespace symbol holds its module's types only). Once per namespace declared in.
    private static bool Shadowed(Compilation compilation, INamespaceSymbol? declared, ConcurrentDictionary<INamespaceSymbol, bool> cache) =>
        declared is not null && cache.GetOrAdd(declared, d =>
        {
            var path = new List<string>();
            for (var ns = d; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                path.Insert(0, ns.Name);
            }

            INamespaceSymbol? merged = compilation.GlobalNamespace;
            if (HoldsLookalike(merged))
            {
                return true;
            }

            foreach (var name in path)
            {
                merged = merged.GetMembers(name).OfType<INamespaceSymbol>().FirstOrDefault();
                if (merged is null)
                {
                    return false;
                }

                if (HoldsLookalike(merged))
                {
                    return true;
                }
            }

            return false;
        });

    private static bool HoldsLookalike(INamespaceSymbol ns)
    {
        var ours = ns.ToDisplayString() == OurNamespace;
        foreach (var name in AllNames)
        {
            foreach (var member in ns.GetTypeMembers(name))
            {
                if (!ours || !member.Name.EndsWith("Attribute", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A declaration of the record writes an attribute named ServerArgs (as the generator finds its records).
    private static bool WritesServerArgs(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax declaration && Writes(declaration.AttributeLists, KnownAttribute.ServerArgs))
            {
                return true;
            }
        }

        return false;
    }

    // A member of the enum's declaration writes an attribute named ServerValue.
    private static bool WritesServerValue(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is EnumDeclarationSyntax declaration)
            {
                foreach (var member in declaration.Members)
                {
                    if (Writes(member.AttributeLists, KnownAttribute.ServerValue))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // Whether lists hold an attribute written as one of attribute's names, with or without its Attribute suffix.
    private static bool Writes(SyntaxList<AttributeListSyntax> lists, KnownAttribute attribute)
    {
        foreach (var list in lists)
        {
            foreach (var written in list.Attributes)
            {
                if (KnownAttribute.WrittenName(written.Name) is { } name && attribute.IsWrittenAs(name.ValueText))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Each attribute of symbol written with one of names (with or without its Attribute suffix) must be ours.
    private static void Check(SymbolAnalysisContext context, ISymbol symbol, INamedTypeSymbol owner, KnownAttribute[] names)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax
                || KnownAttribute.WrittenName(syntax.Name)?.ValueText is not { } written
                || Array.Find(names, k => k.IsWrittenAs(written))?.ClassName is not { } ours
                || attribute.AttributeClass is not { TypeKind: not TypeKind.Error } bound
                || (bound.Name == ours && bound.ContainingNamespace?.ToDisplayString() == OurNamespace))
            {
                continue;
            }

            var where = symbol.Equals(owner, SymbolEqualityComparer.Default) ? owner.Name : owner.Name + "." + symbol.Name;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptor,
                syntax.GetLocation(),
                written,
                where,
                bound.ToDisplayString(),
                ours,
                ours.Substring(0, ours.Length - "Attribute".Length)));
        }
    }

    private static KnownAttribute[] Ours(KnownAttribute[] read) =>
        read.Where(static k => k.Readable && k.Namespace == OurNamespace).ToArray();
}
