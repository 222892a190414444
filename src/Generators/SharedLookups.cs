using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators;

/// <summary>
/// What names mean inside type bodies, shared by all records of one compilation (issue 15: one lookup per attribute spelling
/// per record was a fifth of the generator, and the first lookup in each file bound its using directives). A name written in
/// a top-level type's body means the same in every body with the same surroundings: the same namespace declarations and using
/// directives (extern aliases, aliases and <c>global using</c>s included, compared as written) around it, in a file of the same
/// language version, when the type itself brings no name of its own into scope — no nested type, type parameter, base list or
/// parameter list in any of its parts, so that its own scope is only what <see cref="object"/> or <see cref="Enum"/> gives
/// every type. A file that declares a file-local type sees names no other file does, so its bodies share only with themselves.
/// Anything else gets no key, and the caller looks names up for that body alone, as before. Lives as long as its compilation
/// (<see cref="ConditionalWeakTable{TKey, TValue}"/>): symbols never outlive it and never reach the models.
/// </summary>
internal sealed class SharedLookups
{
    private static readonly ConditionalWeakTable<Compilation, SharedLookups> PerCompilation = new();

    private readonly ConcurrentDictionary<(string Surroundings, SyntaxTree? FileLocal), object> _tables = new();
    private readonly ConcurrentDictionary<SyntaxNode, string> _surroundings = new();
    private readonly ConcurrentDictionary<SyntaxTree, bool> _declaresFileLocal = new();
    private readonly ConcurrentDictionary<(SpecialType Type, bool Nullable), ITypeSymbol> _keywordTypes = new();

    /// <summary>The shared lookups of <paramref name="compilation"/>.</summary>
    public static SharedLookups Of(Compilation compilation) => PerCompilation.GetValue(compilation, static _ => new SharedLookups());

    /// <summary>
    /// The table of <paramref name="kind"/> (what is looked up, and where in the type) shared by every body of
    /// <paramref name="declaration"/>'s shape, or null when its names must be looked up for it alone. <paramref name="type"/> is
    /// the declared type (all its parts are checked), or null for an enum, which cannot be partial or bring names of its own
    /// into scope.
    /// </summary>
    public T? Table<T>(string kind, BaseTypeDeclarationSyntax declaration, INamedTypeSymbol? type)
        where T : class, new()
    {
        if (declaration.Parent is not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax) || !BringsNoNames(declaration, type))
        {
            return null;
        }

        var tree = declaration.SyntaxTree;
        var key = (typeof(T).Name + "\n" + kind + "\n" + ((CSharpParseOptions)tree.Options).LanguageVersion + "\n" + Surroundings(declaration.Parent),
            _declaresFileLocal.GetOrAdd(tree, static t => DeclaresFileLocal(t.GetRoot())) ? tree : null);
        return (T)_tables.GetOrAdd(key, static _ => new T());
    }

    /// <summary>
    /// The type a C# keyword names (<c>int</c>, <c>string</c>…), or for <c>int?</c> its <see cref="Nullable{T}"/>: the same in
    /// every scope of <paramref name="compilation"/>, so made once rather than once per property.
    /// </summary>
    public ITypeSymbol KeywordType(Compilation compilation, SpecialType special, bool nullable)
    {
        if (!_keywordTypes.TryGetValue((special, nullable), out var type))
        {
            type = compilation.GetSpecialType(special);
            if (nullable && type.IsValueType)
            {
                type = compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(type);
            }

            _keywordTypes[(special, nullable)] = type;
        }

        return type;
    }

    private static bool BringsNoNames(BaseTypeDeclarationSyntax declaration, INamedTypeSymbol? type)
    {
        if (declaration is EnumDeclarationSyntax)
        {
            return true;
        }

        if (type is null)
        {
            return false;
        }

        var found = false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax { TypeParameterList: null, BaseList: null, ParameterList: null } part)
            {
                return false;
            }

            foreach (var member in part.Members)
            {
                if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                {
                    return false;
                }
            }

            found |= part == declaration;
        }

        return found;
    }

    // The namespace declarations from the innermost out and the file's directives, as written: two bodies with the same text
    // here see the same namespaces, imports and aliases in the same order.
    private string Surroundings(SyntaxNode node) =>
        _surroundings.TryGetValue(node, out var known) ? known : _surroundings.GetOrAdd(node, Describe(node));

    private string Describe(SyntaxNode node)
    {
        var text = new StringBuilder();
        text.Append(node.Kind()).Append('\n');
        switch (node)
        {
            case BaseNamespaceDeclarationSyntax ns:
                text.Append(ns.Name).Append('\n');
                Append(text, ns.Externs, ns.Usings);
                text.Append(Surroundings(ns.Parent!));
                break;
            case CompilationUnitSyntax unit:
                Append(text, unit.Externs, unit.Usings);
                break;
            default:
                throw new ArgumentException("A type's surroundings are namespaces and its file.", nameof(node));
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, SyntaxList<ExternAliasDirectiveSyntax> externs, SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in externs)
        {
            text.Append(directive).Append('\n');
        }

        foreach (var directive in usings)
        {
            text.Append(directive).Append('\n');
        }

        text.Append("--\n");
    }

    // File-local types are top-level, in namespaces; nested ones (an error) are looked for too, in type bodies' member lists.
    private static bool DeclaresFileLocal(SyntaxNode node)
    {
        var members = node switch
        {
            CompilationUnitSyntax unit => unit.Members,
            BaseNamespaceDeclarationSyntax ns => ns.Members,
            TypeDeclarationSyntax type => type.Members,
            _ => default,
        };
        foreach (var member in members)
        {
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax && member.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                return true;
            }

            if (member is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax && DeclaresFileLocal(member))
            {
                return true;
            }
        }

        return false;
    }
}
