using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProdServer.Config.Analyzers;

/// <summary>The kind of value an <c>Args</c> key takes, read from the property's type.</summary>
internal enum ArgValueKind
{
    Text,
    Integer,
    Number,
    Boolean,
    Enum,
    List,
}

/// <summary>One key an <c>Args</c> section accepts for a backend.</summary>
/// <param name="Property">The property the key sets (for messages).</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="Minimum">The declared minimum (<c>[Flag(Minimum = …)]</c>), or <see langword="null"/>.</param>
/// <param name="Maximum">The declared maximum, or <see langword="null"/>.</param>
/// <param name="EnumWords">For enums: the accepted words, without <c>-</c> and <c>_</c>, upper case.</param>
internal sealed class ArgKey(string Property, ArgValueKind Kind, double? Minimum, double? Maximum, IReadOnlyCollection<string> EnumWords)
{
    public string Property { get; } = Property;

    public ArgValueKind Kind { get; } = Kind;

    public double? Minimum { get; } = Minimum;

    public double? Maximum { get; } = Maximum;

    public IReadOnlyCollection<string> EnumWords { get; } = EnumWords;
}

/// <summary>A backend by its configuration name, with its server command and every <c>Args</c> key it accepts (case ignored).</summary>
internal sealed class BackendKeys(string Name, string Command, IReadOnlyDictionary<string, ArgKey> Keys)
{
    public string Name { get; } = Name;

    public string Command { get; } = Command;

    public IReadOnlyDictionary<string, ArgKey> Keys { get; } = Keys;
}

/// <summary>
/// What the referenced ProdServer.Config assembly accepts, read from its symbols rather than copied: the backends are the
/// public static properties of <c>ServerBackends</c> (name = property, args record = the <c>TArgs</c> of its
/// <c>ServerBackend&lt;TArgs&gt;</c>), and each record's keys are its <c>[Flag]</c> properties (own and inherited) with their
/// flag names, <c>no-</c> forms and declared ranges, its <c>[ExtraArgs]</c> and <c>[PositionalArgs]</c> properties and its <c>[ArgAlias]</c> names — the
/// same declarations the generated binder is made from. A backend added to <c>ServerBackends</c> is known without an edit here.
/// </summary>
internal static class ServerKeyCatalogue
{
    private const string Ns = "ProdServer.Config.";

    /// <summary>The backends by name (case ignored), or <see langword="null"/> when ProdServer.Config is not referenced.</summary>
    public static IReadOnlyDictionary<string, BackendKeys>? Read(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName(Ns + "ServerBackends") is not { } backends
            || compilation.GetTypeByMetadataName(Ns + "ServerBackend`1") is not { } backendOfT)
        {
            return null;
        }

        var result = new Dictionary<string, BackendKeys>(StringComparer.OrdinalIgnoreCase);
        var byArgs = new Dictionary<ITypeSymbol, IReadOnlyDictionary<string, ArgKey>>(SymbolEqualityComparer.Default);
        foreach (var property in backends.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.IsStatic && property.DeclaredAccessibility == Accessibility.Public && ArgsOf(property.Type, backendOfT) is { } args)
            {
                if (!byArgs.TryGetValue(args, out var keys))
                {
                    byArgs[args] = keys = Keys(args);
                }

                result[property.Name] = new BackendKeys(property.Name, Command(args), WithInterface(property.Name, args, keys));
            }
        }

        return result;
    }

    private static INamedTypeSymbol? ArgsOf(ITypeSymbol type, INamedTypeSymbol backendOfT)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, backendOfT) && t.TypeArguments[0] is INamedTypeSymbol args)
            {
                return args;
            }
        }

        return null;
    }

    private static string Command(INamedTypeSymbol args) =>
        Attribute(args, "ServerArgsAttribute") is { ConstructorArguments.Length: 1 } a && a.ConstructorArguments[0].Value is string command ? command : args.Name;

    // Granian's Python API takes interface=, uvicorn --interface; the binder reads it itself for those backends (the Backend
    // chooses it, and a value that agrees with it is taken).
    private static IReadOnlyDictionary<string, ArgKey> WithInterface(string backend, INamedTypeSymbol args, IReadOnlyDictionary<string, ArgKey> keys)
    {
        var wsgi = backend.EndsWith("Wsgi", StringComparison.OrdinalIgnoreCase);
        string[]? served = args.Name switch
        {
            "GranianArgs" => [wsgi ? "WSGI" : "ASGI"],
            "UvicornArgs" => wsgi ? ["wsgi"] : ["auto", "asgi3"],
            _ => null,
        };
        if (served is null)
        {
            return keys;
        }

        return new Dictionary<string, ArgKey>(keys.ToDictionary(k => k.Key, k => k.Value), StringComparer.OrdinalIgnoreCase)
        {
            ["interface"] = new ArgKey("interface", ArgValueKind.Enum, null, null, served),
        };
    }

    private static IReadOnlyDictionary<string, ArgKey> Keys(INamedTypeSymbol args)
    {
        var keys = new Dictionary<string, ArgKey>(StringComparer.OrdinalIgnoreCase);
        var byFlag = new Dictionary<string, ArgKey>(StringComparer.OrdinalIgnoreCase);
        for (var type = args; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (Attribute(property, "ExtraArgsAttribute") is not null || Attribute(property, "PositionalArgsAttribute") is not null)
                {
                    keys[property.Name] = new ArgKey(property.Name, ArgValueKind.List, null, null, []);
                }
                else if (Attribute(property, "FlagAttribute") is { ConstructorArguments.Length: 1 } flag && flag.ConstructorArguments[0].Value is string name)
                {
                    AddFlag(keys, byFlag, property, name, flag);
                }
            }
        }

        foreach (var alias in args.GetAttributes().Where(a => a.AttributeClass?.Name == "ArgAliasAttribute" && a.ConstructorArguments.Length == 2))
        {
            if (alias.ConstructorArguments[0].Value is string other && alias.ConstructorArguments[1].Value is string target && byFlag.TryGetValue(target, out var key))
            {
                keys[other.Replace('-', '_')] = key;
                keys[other.Replace('_', '-')] = key;
            }
        }

        return keys;
    }

    // The keys ArgsConfigurationReader matches: the property, the flag, the flag with '_', and for the server's
    // --no-x booleans (BooleanStyle Negatable = 1, NegativeSwitch = 3) the same with No/no-/no_.
    private static void AddFlag(Dictionary<string, ArgKey> keys, Dictionary<string, ArgKey> byFlag, IPropertySymbol property, string flag, AttributeData attribute)
    {
        double? Bound(string name) => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is double d && !double.IsNaN(d) ? d : null;
        var style = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Boolean").Value.Value as int? ?? 0;
        var (kind, words) = Classify(property.Type);
        var key = new ArgKey(property.Name, kind, Bound("Minimum"), Bound("Maximum"), words);
        keys[property.Name] = key;
        keys[flag] = key;
        keys[flag.Replace('-', '_')] = key;
        byFlag[flag] = key;
        if (kind == ArgValueKind.Boolean && style is 1 or 3 && !flag.StartsWith("no-", StringComparison.OrdinalIgnoreCase))
        {
            var negation = new ArgKey("No" + property.Name, kind, null, null, words);
            keys["No" + property.Name] = negation;
            keys["no-" + flag] = negation;
            keys["no_" + flag.Replace('-', '_')] = negation;
        }
    }

    private static (ArgValueKind Kind, IReadOnlyCollection<string> Words) Classify(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type switch
        {
            { SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } => (ArgValueKind.Integer, []),
            { SpecialType: SpecialType.System_Double } => (ArgValueKind.Number, []),
            { SpecialType: SpecialType.System_Boolean } => (ArgValueKind.Boolean, []),
            INamedTypeSymbol { TypeKind: TypeKind.Enum } e => (ArgValueKind.Enum, EnumWords(e)),
            INamedTypeSymbol { IsGenericType: true } => (ArgValueKind.List, []),
            _ => (ArgValueKind.Text, []),
        };
    }

    // Member names and [ServerValue] spellings, compared without '-' and '_' and ignoring case, which also covers the
    // kebab-case spelling the generator derives from a member name.
    private static IReadOnlyCollection<string> EnumWords(INamedTypeSymbol type)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            words.Add(ValueShape.Word(field.Name));
            if (Attribute(field, "ServerValueAttribute") is { ConstructorArguments.Length: 1 } spelled && spelled.ConstructorArguments[0].Value is string spelling)
            {
                words.Add(ValueShape.Word(spelling));
            }
        }

        return words;
    }

    private static AttributeData? Attribute(ISymbol symbol, string name) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && c.Name == name && c.ContainingNamespace?.ToDisplayString() == "ProdServer.Config");
}
