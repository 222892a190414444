using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The diagnostics of <see cref="AppSettingsShapeAnalyzer"/>: mistakes in the shape of <c>ProdServer</c> in appsettings*.json
/// that the configuration binder refuses at start-up (unknown names, wrong JSON types, values outside a declared range).
/// Warnings by default, as issue 12 asks, so that a build shows them at the key; start-up still refuses them.
/// </summary>
internal static class AppSettingsShapeDescriptors
{
    private const string HelpLinkBase = "https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/";

    /// <summary>PSC0106: <c>"Backend"</c> names no backend.</summary>
    public static DiagnosticDescriptor UnknownBackend { get; } = Create(
        "PSC0106",
        "Unknown backend",
        "Backend '{0}' of process '{1}' is unknown{2}; use one of {3}",
        "The configuration binder refuses a process whose Backend names no backend, so the app would not start.");

    /// <summary>PSC0107: a key of a process section that the binder does not read.</summary>
    public static DiagnosticDescriptor UnknownProcessKey { get; } = Create(
        "PSC0107",
        "Unknown process setting",
        "'{0}' is not a setting of process '{1}'{2}; use one of {3}, or remove it",
        "The configuration binder refuses a process setting it does not know, so the app would not start.");

    /// <summary>PSC0108: an <c>Args</c> key that the process's server does not have.</summary>
    public static DiagnosticDescriptor UnknownArgsKey { get; } = Create(
        "PSC0108",
        "Unknown server option",
        "'{0}' is not an option of {1} (Backend {2}){3}; remove it, or use ExtraArgs for a flag newer than this SDK",
        "The configuration binder refuses an Args key the server's options record does not have, so the app would not start.");

    /// <summary>PSC0109: a value of the wrong JSON type (<c>"Threads": "eight"</c>).</summary>
    public static DiagnosticDescriptor WrongValueType { get; } = Create(
        "PSC0109",
        "Setting has the wrong type",
        "'{0}' of process '{1}' must be {2}, got {3}; set a value of that type",
        "The configuration binder cannot read a value of the wrong type, so the app would not start.");

    /// <summary>PSC0110: a number outside the range declared on the flag.</summary>
    public static DiagnosticDescriptor OutOfRange { get; } = Create(
        "PSC0110",
        "Setting is out of range",
        "{0} (process '{1}'); set a value in range",
        "The start-up validation refuses a value outside the range declared on the server's flag, so the app would not start.");

    /// <summary>PSC0114: a key of <c>ProdServer</c>, <c>Logs</c>, <c>Control</c>, a release step, <c>Readiness</c> or <c>Resources</c> that the binder does not read.</summary>
    public static DiagnosticDescriptor UnknownSetting { get; } = Create(
        "PSC0114",
        "Unknown ProdServer setting",
        "'{0}' is not a setting of {1}{2}; use one of {3}, or remove it",
        "The configuration binder refuses a setting it does not know, so the app would not start.");

    /// <summary>PSC0115: a value a supervision, log or control setting cannot take (<c>"Restart": "Sometimes"</c>, <c>"Replicas": 0</c>).</summary>
    public static DiagnosticDescriptor InvalidSettingValue { get; } = Create(
        "PSC0115",
        "Setting value is invalid",
        "{0} ({1})",
        "The configuration binder or start-up's validation refuses the value, so the app would not start.");

    /// <summary>PSC0116: a setting of the wrong shape (<c>"Environment": ["A=1"]</c>, <c>"Args": "--threads=8"</c>) or a release step without its name.</summary>
    public static DiagnosticDescriptor WrongShape { get; } = Create(
        "PSC0116",
        "Setting has the wrong shape",
        "{0} {1}{2}",
        "The configuration binder refuses a setting written as one value where it reads an object or a list, or the other way round, so the app would not start.");

    /// <summary>PSC0118: a process, release-step or environment variable name start-up refuses (<c>"my web"</c>, <c>"export"</c>, <c>"A=B"</c>); in appsettings*.json and in C#.</summary>
    public static DiagnosticDescriptor BadName { get; } = Create(
        "PSC0118",
        "Name is not allowed",
        "'{0}': {1}",
        "Every name a configuration gives becomes a unit file, an ini section, a compose service, a command-line word or an environment variable; start-up refuses one that cannot be, so the app would not start.");

    /// <summary>
    /// PSC0119: a <c>DependsOn</c> entry or the default process naming a process that an environment's configuration (code,
    /// and its merge of appsettings*.json) does not declare (<see cref="ProcessReferenceAnalyzer"/>); judged once the whole
    /// compilation is seen.
    /// </summary>
    public static DiagnosticDescriptor UndeclaredProcess { get; } = Create(
        "PSC0119",
        "Process name refers to no declared process",
        "{0} names {1}{2}, which is not declared in {3}; declared there: {4}",
        "Start-up refuses a DependsOn entry or a default process that names no declared process, so the app would not start.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>
    /// PSC0120: a settings file .NET's JSON configuration provider refuses (not JSON, a root that is no object, a key given
    /// twice), so the host exits before anything starts (<see cref="AppSettingsFileAnalyzer"/>).
    /// </summary>
    public static DiagnosticDescriptor RefusedFile { get; } = Create(
        "PSC0120",
        "Settings file is refused by the configuration loader",
        "{0} is refused by .NET's JSON configuration provider: {1}; correct it, or the app exits at start with this error",
        "The host reads every appsettings*.json of its environment with Microsoft.Extensions.Configuration.Json, which refuses text that is not JSON (comments and trailing commas aside) and a key given a value twice, case ignored; the app would not start.");

    /// <summary>
    /// PSC0121: processes whose <c>DependsOn</c> entries form a cycle, or a process naming itself, which start-up refuses
    /// (none of them could start first); in C# within one configuration, in an appsettings*.json within the file (an
    /// environment's file over <c>appsettings.json</c>).
    /// </summary>
    public static DiagnosticDescriptor DependencyCycle { get; } = Create(
        "PSC0121",
        "DependsOn forms a cycle",
        "DependsOn forms a cycle ({0}), so none of these processes could start; remove one of the dependencies",
        "Under --all a process starts once every process it depends on is ready; in a cycle each waits for another, so start-up refuses the configuration and the app would not start.");

    /// <summary>Every descriptor of the analyzer.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
        [UnknownBackend, UnknownProcessKey, UnknownArgsKey, WrongValueType, OutOfRange, UnknownSetting, InvalidSettingValue, WrongShape, BadName];

    /// <summary>
    /// A Usage warning with its help link (also PSC0111's, <see cref="FlagRangeAnalyzer"/>). Built through a helper (not
    /// literal arguments), like the catalogue's: release tracking is checked by tests/Analyzers.Tests/RuleCatalogueTests.cs
    /// against AnalyzerReleases.*.md.
    /// </summary>
    internal static DiagnosticDescriptor Create(string id, string title, string message, string description, params string[] customTags) => new(
        id,
        title,
        message,
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description,
        HelpLinkBase + id + ".md",
        customTags);

    /// <summary>The IDs, for tests and the release files.</summary>
    public static IEnumerable<string> Ids
    {
        get
        {
            foreach (var descriptor in All)
            {
                yield return descriptor.Id;
            }
        }
    }
}
