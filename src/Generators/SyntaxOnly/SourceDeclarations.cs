using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators.SyntaxOnly;

/// <summary>
/// Every type and namespace the compilation's source declares, and its <c>global using</c> directives, read from the syntax
/// trees alone (no symbol, no binding): what <see cref="SyntaxScope"/> needs to tell that a name written in a record means one
/// of ours, or one of the record's enums, with nothing in source that could take its place. Made once per compilation and
/// shared by its records, as <see cref="SharedLookups"/> is.
/// </summary>
internal sealed class SourceDeclarations
{
    private static readonly ConditionalWeakTable<Compilation, SourceDeclarations> PerCompilation = new();

    // A tree's declarations outlive the compilation: an edit makes a new compilation with the same tree objects but the one
    // edited, so each keystroke in an IDE walks one tree, not all of them.
    private static readonly ConditionalWeakTable<SyntaxTree, TreeDeclarations> PerTree = new();

    private readonly Dictionary<string, List<DeclaredType>> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namespaceSegments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _globalImports = new(StringComparer.Ordinal);
    private readonly HashSet<string> _globalAliases = new(StringComparer.Ordinal);

    private SourceDeclarations(IEnumerable<SyntaxTree> trees)
    {
        foreach (var tree in trees)
        {
            var declared = PerTree.GetValue(tree, static t => new TreeDeclarations(t));
            foreach (var (name, type) in declared.Types)
            {
                if (!_types.TryGetValue(name, out var list))
                {
                    _types[name] = list = [];
                }

                list.Add(type);
            }

            _namespaceSegments.UnionWith(declared.InnerNamespaceSegments);
            _globalImports.UnionWith(declared.GlobalImports);
            _globalAliases.UnionWith(declared.GlobalAliases);
            HasUnreadGlobalUsing |= declared.HasUnreadGlobalUsing;
        }
    }

    /// <summary>Whether a <c>global using static</c> or a global directive this reading does not follow is anywhere in the compilation.</summary>
    public bool HasUnreadGlobalUsing { get; }

    /// <summary>The namespaces every file imports (<c>global using X.Y;</c>), as written without <c>global::</c> and spaces.</summary>
    public IReadOnlyCollection<string> GlobalImports => _globalImports;

    /// <summary>The names of <c>global using A = …;</c> aliases.</summary>
    public IReadOnlyCollection<string> GlobalAliases => _globalAliases;

    /// <summary>The declarations of <paramref name="compilation"/>.</summary>
    public static SourceDeclarations Of(Compilation compilation) =>
        PerCompilation.GetValue(compilation, static c => new SourceDeclarations(c.SyntaxTrees));

    /// <summary>Every type declared in source with the simple name <paramref name="name"/>, at any depth, generic or not.</summary>
    public IReadOnlyList<DeclaredType> TypesNamed(string name) =>
        _types.TryGetValue(name, out var found) ? found : Array.Empty<DeclaredType>();

    /// <summary>
    /// Whether a namespace declared in source has <paramref name="name"/> as a part other than its first (<c>A.System</c>), where
    /// it would be found before the global namespace's <c>System</c> by code inside <c>A</c>.
    /// </summary>
    public bool HasInnerNamespaceNamed(string name) => _namespaceSegments.Contains(name);

    /// <summary>
    /// Adds a using directive to <paramref name="imports"/> or <paramref name="aliases"/>; false for a <c>using static</c> (which
    /// brings a type's nested types into scope) or a name this reading cannot write.
    /// </summary>
    internal static bool Import(UsingDirectiveSyntax directive, HashSet<string> imports, HashSet<string> aliases)
    {
        if (directive.Alias is { } alias)
        {
            aliases.Add(alias.Name.Identifier.ValueText);
            return true;
        }

        if (!directive.StaticKeyword.IsKind(SyntaxKind.None) || directive.Name is not { } name || DottedName(name) is not { } written)
        {
            return false;
        }

        imports.Add(written);
        return true;
    }

    /// <summary><c>A.B.C</c> or <c>global::A.B.C</c> as <c>A.B.C</c>; null for anything else (another alias, a verbatim '@' name, generics).</summary>
    internal static string? DottedName(NameSyntax name)
    {
        var builder = new StringBuilder();
        return Append(builder, name) ? builder.ToString() : null;

        static bool Append(StringBuilder builder, NameSyntax name)
        {
            switch (name)
            {
                case IdentifierNameSyntax identifier when !identifier.Identifier.Text.StartsWith("@", StringComparison.Ordinal):
                    builder.Append(identifier.Identifier.ValueText);
                    return true;
                case QualifiedNameSyntax qualified when Append(builder, qualified.Left):
                    builder.Append('.');
                    return Append(builder, qualified.Right);
                case AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global" } global:
                    return Append(builder, global.Name);
                default:
                    return false;
            }
        }
    }

    /// <summary>What one syntax tree declares, and its global using directives.</summary>
    private sealed class TreeDeclarations
    {
        public TreeDeclarations(SyntaxTree tree)
        {
            if (tree.GetRoot() is not CompilationUnitSyntax root)
            {
                return;
            }

            foreach (var directive in root.Usings)
            {
                if (!directive.GlobalKeyword.IsKind(SyntaxKind.None) && !Import(directive, GlobalImports, GlobalAliases))
                {
                    HasUnreadGlobalUsing = true;
                }
            }

            Walk(root.Members, string.Empty, topLevel: true);
        }

        public List<(string Name, DeclaredType Type)> Types { get; } = [];

        public HashSet<string> InnerNamespaceSegments { get; } = new(StringComparer.Ordinal);

        public HashSet<string> GlobalImports { get; } = new(StringComparer.Ordinal);

        public HashSet<string> GlobalAliases { get; } = new(StringComparer.Ordinal);

        public bool HasUnreadGlobalUsing { get; }

        private void Walk(SyntaxList<MemberDeclarationSyntax> members, string ns, bool topLevel)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax declaration:
                        var name = DottedName(declaration.Name) ?? declaration.Name.ToString();
                        var full = ns.Length == 0 ? name : ns + "." + name;
                        var segments = full.Split('.');
                        for (var i = 1; i < segments.Length; i++)
                        {
                            InnerNamespaceSegments.Add(segments[i]);
                        }

                        Walk(declaration.Members, full, topLevel: true);
                        break;
                    case BaseTypeDeclarationSyntax type:
                        Types.Add((type.Identifier.ValueText, new DeclaredType(ns, topLevel, type)));
                        if (type is TypeDeclarationSyntax withMembers)
                        {
                            Walk(withMembers.Members, ns, topLevel: false);
                        }

                        break;
                    case DelegateDeclarationSyntax function:
                        Types.Add((function.Identifier.ValueText, new DeclaredType(ns, topLevel, null)));
                        break;
                }
            }
        }
    }
}

/// <summary>One type declaration: its namespace (empty for the global one), whether it is outside any type, and its syntax (null for a delegate).</summary>
internal sealed class DeclaredType(string ns, bool topLevel, BaseTypeDeclarationSyntax? syntax)
{
    public string Namespace { get; } = ns;

    public bool TopLevel { get; } = topLevel;

    public BaseTypeDeclarationSyntax? Syntax { get; } = syntax;
}
