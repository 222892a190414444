using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators.SyntaxOnly;

/// <summary>
/// What a name written in a top-level type declaration (a record or an enum) means, told from syntax alone, or "cannot tell".
/// A name is taken to mean one of ProdServer.Config's types (or <c>System.ComponentModel.DescriptionAttribute</c>, or
/// <c>System.Collections.Generic.IReadOnlyList&lt;T&gt;</c>) only when its namespace is in scope (imported, or enclosing the
/// declaration), no alias or <c>using static</c> is in play, and no type or namespace declared anywhere in the compilation's
/// source has a name that could be found instead. Everything else is "cannot tell", and the record is read the exact way,
/// through Roslyn. What syntax cannot see is a type of the same name in a referenced assembly's namespace that is in scope too:
/// where that would be ambiguous the compiler reports it (CS0104), and an assembly that puts such a type in the record's own
/// namespace, or the global one, is not guarded against (see docs/benchmarks.md, "a generator that asks no semantic question").
/// </summary>
internal sealed class SyntaxScope
{
    private readonly SourceDeclarations _declarations;
    private readonly List<string> _enclosing = [];
    private readonly HashSet<string> _imports = new(StringComparer.Ordinal);
    private readonly HashSet<string> _aliases = new(StringComparer.Ordinal);

    private SyntaxScope(SourceDeclarations declarations, string ns)
    {
        _declarations = declarations;
        Namespace = ns;
        for (var n = ns; n.Length > 0; n = n.LastIndexOf('.') is var dot and >= 0 ? n.Substring(0, dot) : string.Empty)
        {
            _enclosing.Add(n);
        }

        _imports.UnionWith(declarations.GlobalImports);
        _aliases.UnionWith(declarations.GlobalAliases);
    }

    /// <summary>The namespace the declaration is in, empty for the global one.</summary>
    public string Namespace { get; }

    /// <summary>
    /// The scope of <paramref name="declaration"/>, or null when it is not a top-level type this reading follows: nested in a
    /// type, in a file with an extern alias or a <c>using static</c>, under a namespace written with a verbatim name.
    /// </summary>
    public static SyntaxScope? Of(BaseTypeDeclarationSyntax declaration, SourceDeclarations declarations)
    {
        if (declarations.HasUnreadGlobalUsing)
        {
            return null;
        }

        var namespaces = new List<BaseNamespaceDeclarationSyntax>();
        SyntaxNode? node = declaration.Parent;
        for (; node is BaseNamespaceDeclarationSyntax ns; node = node.Parent)
        {
            namespaces.Insert(0, ns);
        }

        if (node is not CompilationUnitSyntax root || root.Externs.Count > 0)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var ns in namespaces)
        {
            if (ns.Externs.Count > 0 || SourceDeclarations.DottedName(ns.Name) is not { } name)
            {
                return null;
            }

            names.Add(name);
        }

        var scope = new SyntaxScope(declarations, string.Join(".", names));
        if (!scope.Use(root.Usings))
        {
            return null;
        }

        foreach (var ns in namespaces)
        {
            if (!scope.Use(ns.Usings))
            {
                return null;
            }
        }

        return scope;
    }

    private bool Use(SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in usings)
        {
            // Global ones are every file's, read once by SourceDeclarations.
            if (directive.GlobalKeyword.IsKind(SyntaxKind.None) && !SourceDeclarations.Import(directive, _imports, _aliases))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the types of <paramref name="ns"/> are found by a simple name here: it encloses the declaration or is imported.</summary>
    public bool Sees(string ns) => ns.Length == 0 || _enclosing.Contains(ns) || _imports.Contains(ns);

    /// <summary>Whether a simple name <paramref name="name"/> could be an alias here.</summary>
    public bool IsAlias(string name) => _aliases.Contains(name);

    /// <summary>
    /// Whether the simple name <paramref name="written"/> can mean nothing but the type <paramref name="typeName"/> of
    /// <paramref name="ns"/> (declared in source or in a reference): that namespace is in scope, and every type declared in
    /// source under any name the lookup tries (<paramref name="alsoTried"/>: the attribute's <c>…Attribute</c> spelling) is that
    /// type itself.
    /// </summary>
    public bool Means(string written, string ns, string typeName, string? alsoTried = null) =>
        !IsAlias(written)
        && Sees(ns)
        && OnlySelf(written, ns, typeName)
        && (alsoTried is null || OnlySelf(alsoTried, ns, typeName));

    /// <summary>
    /// Whether the qualified name <c><paramref name="ns"/>.<paramref name="written"/></c> (from the global namespace, or
    /// starting at a first part that <see cref="StartsAtGlobal"/>) can mean nothing but <paramref name="typeName"/>.
    /// </summary>
    public bool MeansQualified(string written, string ns, string typeName, string? alsoTried = null) =>
        OnlySelf(written, ns, typeName) && (alsoTried is null || OnlySelf(alsoTried, ns, typeName));

    /// <summary>
    /// Whether a name written qualified, <c>First.…</c>, starts at the global namespace's <c>First</c>: nothing in source named so
    /// could be found before it (a type anywhere, an inner namespace part, an alias).
    /// </summary>
    public bool StartsAtGlobal(string first) =>
        !IsAlias(first) && _declarations.TypesNamed(first).Count == 0 && !_declarations.HasInnerNamespaceNamed(first);

    /// <summary>The enum that the simple name <paramref name="written"/> means, when it is the only type of that name in source and in scope.</summary>
    public (EnumDeclarationSyntax Syntax, string Namespace)? EnumNamed(string written)
    {
        var named = _declarations.TypesNamed(written);
        return !IsAlias(written) && named.Count == 1 && named[0] is { TopLevel: true, Syntax: EnumDeclarationSyntax syntax } only && Sees(only.Namespace)
            ? (syntax, only.Namespace)
            : null;
    }

    private bool OnlySelf(string name, string ns, string typeName)
    {
        foreach (var type in _declarations.TypesNamed(name))
        {
            if (name != typeName || type.Namespace != ns || !type.TopLevel)
            {
                return false;
            }
        }

        return true;
    }
}
