using System;
using Microsoft.CodeAnalysis;

namespace ProdServer.Config.Generators;

/// <summary>
/// The generator's diagnostics (PSC1xxx). IDs are never reused or renumbered; each has a page under docs/diagnostics
/// and a line in AnalyzerReleases.*.md. They are errors because the record they flag gets no generated code.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "ProdServer.Generator";

    public static readonly DiagnosticDescriptor RecordMustBePartial = Create(
        "PSC1001",
        "A [ServerArgs] type must be a partial record",
        "'{0}' is marked [ServerArgs] but {1}; it must be a partial record so that the generator can implement IServerArgs");

    public static readonly DiagnosticDescriptor DuplicateFlagName = Create(
        "PSC1002",
        "Two properties declare the same flag",
        "Properties '{0}' and '{1}' both declare the flag '{2}'; each flag may be bound to one property only");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Create(
        "PSC1003",
        "Unsupported flag property",
        "Property '{0}' of type '{1}' cannot be a flag: {2}");

    public static readonly DiagnosticDescriptor BooleanStyleMissing = Create(
        "PSC1004",
        "Boolean flag without a BooleanStyle",
        "Boolean property '{0}' must say how the server spells it: add Boolean = BooleanStyle.Negatable, Switch, NegativeSwitch or Value to [Flag(\"{1}\")]");

    public static readonly DiagnosticDescriptor InvalidFlagName = Create(
        "PSC1005",
        "Invalid flag name",
        "Flag name '{0}' of property '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor InheritedFlagRedeclared = Create(
        "PSC1006",
        "A derived record redeclares an inherited flag",
        "'{0}' redeclares '{1}', the {3} property it inherits from '{2}'; declare each flag once in the record chain (remove the redeclaration, or move the flag out of the base record)");

    public static DiagnosticDescriptor Get(string id) => id switch
    {
        "PSC1001" => RecordMustBePartial,
        "PSC1002" => DuplicateFlagName,
        "PSC1003" => UnsupportedPropertyType,
        "PSC1004" => BooleanStyleMissing,
        "PSC1005" => InvalidFlagName,
        "PSC1006" => InheritedFlagRedeclared,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic ID."),
    };

    private static DiagnosticDescriptor Create(string id, string title, string message) => new(
        id,
        title,
        message,
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: $"https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/{id}.md");
}
