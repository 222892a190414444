using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ProdServer.Config.Analyzers.Json;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// Shape mistakes in <c>ProdServer:Processes</c> of appsettings*.json, at the line and column where they are written: an
/// unknown backend or process setting, an <c>Args</c> key the process's server lacks (naming the backends that have it), a
/// value of the wrong type and a number outside the range declared on its flag. The backends and their keys are read from
/// the referenced ProdServer.Config (<see cref="ServerKeyCatalogue"/>), the process keys from the binder's own list
/// (<see cref="ProcessSettingKeys"/>), so build and start-up accept the same settings. A section that names no backend is
/// checked against the one its <c>appsettings.json</c> names or, failing that, the one code gives the process.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppSettingsShapeAnalyzer : DiagnosticAnalyzer
{

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => AppSettingsShapeDescriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // The catalogue reads every shipped record's flags from metadata: only worth it when there is a settings file to check.
            if (!AppSettingsAnalyzer.HasAppSettings(start.Options) || ServerKeyCatalogue.Read(start.Compilation) is not { Count: > 0 } backends)
            {
                return;
            }

            // Sections that name their backend (or whose appsettings.json does) at once; the others once the code's Use calls are known.
            var files = new AppSettingsSections(start.Options.AdditionalFiles);
            start.RegisterAdditionalFileAction(c => AnalyzeWritten(c.AdditionalFile, files, c.ReportDiagnostic, backends, c.CancellationToken));
            var declared = CodeDeclaredBackends.Gather(start);
            start.RegisterCompilationEndAction(c =>
            {
                foreach (var file in c.Options.AdditionalFiles)
                {
                    AnalyzeFromCode(file, files, c.ReportDiagnostic, backends, declared, c.CancellationToken);
                }
            });
        });
    }

    private static void AnalyzeWritten(
        AdditionalText text, AppSettingsSections files, Action<Diagnostic> report, IReadOnlyDictionary<string, BackendKeys> backends, CancellationToken cancellationToken)
    {
        if (files.Read(text, cancellationToken) is not { } file)
        {
            return;
        }

        ProdServerSectionCheck.Check(file.ProdServer, AppSettingsSections.IsBaseFile(file.Path), Reporter(file, report));
        var inherited = files.InheritedBackends(text, cancellationToken);
        foreach (var (name, section) in file.Processes())
        {
            var reporter = Reporter(file, report);
            CheckProcessKeys(name, section, reporter);
            if (AppSettingsSections.WrittenBackend(section) is { } written)
            {
                if (Resolve(name, written, backends, reporter) is { } backend)
                {
                    CheckSectionArgs(name, section, backend, backends, reporter);
                }
            }
            else if (inherited.TryGetValue(name, out var fromBase) && backends.TryGetValue(DjangoProdserverBackends.ShortName(fromBase) ?? fromBase, out var backend))
            {
                // appsettings.json names it, and reports a backend it does not know itself.
                CheckSectionArgs(name, section, backend, backends, reporter);
            }
        }
    }

    private static void AnalyzeFromCode(
        AdditionalText text, AppSettingsSections files, Action<Diagnostic> report, IReadOnlyDictionary<string, BackendKeys> backends,
        CodeDeclaredBackends declared, CancellationToken cancellationToken)
    {
        if (files.Read(text, cancellationToken) is not { } file)
        {
            return;
        }

        var inherited = files.InheritedBackends(text, cancellationToken);
        foreach (var (name, section) in file.Processes())
        {
            if (AppSettingsSections.WrittenBackend(section) is null && !inherited.ContainsKey(name)
                && declared.Of(name) is { } fromCode && backends.TryGetValue(fromCode, out var backend))
            {
                CheckSectionArgs(name, section, backend, backends, Reporter(file, report));
            }
        }
    }

    private static Action<DiagnosticDescriptor, JsonNode, object[]> Reporter(AppSettingsSections.File file, Action<Diagnostic> report) =>
        // Process names and keys come from the file: a line break in one would start a forged line of build output.
        (descriptor, at, arguments) => report(Diagnostic.Create(descriptor, file.LocationOf(at), DiagnosticText.OneLine(arguments)));

    private static void CheckProcessKeys(string name, JsonObject section, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        foreach (var key in section.Properties.Where(p => !ProcessSettingKeys.All.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
        {
            report(AppSettingsShapeDescriptors.UnknownProcessKey, key,
                [key.Name, name, Suggestions.DidYouMean(key.Name, ProcessSettingKeys.All), string.Join(", ", ProcessSettingKeys.All)]);
        }
    }

    // The backend a section names, reported where it is unknown. A django-prodserver class path stands for its backend
    // here, as the binder reads it; one with no counterpart here is refused by the binder, and reported here in its words
    // (what to write instead).
    private static BackendKeys? Resolve(string name, JsonScalar written, IReadOnlyDictionary<string, BackendKeys> backends, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        var backendName = written.Text;
        if (DjangoProdserverBackends.IsClassPath(backendName))
        {
            if (DjangoProdserverBackends.ShortName(backendName) is not { } shortName)
            {
                var instead = DjangoProdserverBackends.InsteadOf(backendName) ?? "it is a django-prodserver class with no counterpart here";
                report(AppSettingsShapeDescriptors.UnknownBackend, written, [ValueShape.Printable(backendName), name, ": " + instead, string.Join(", ", backends.Keys)]);
                return null;
            }

            backendName = shortName;
        }

        if (!backends.TryGetValue(backendName, out var backend))
        {
            report(AppSettingsShapeDescriptors.UnknownBackend, written,
                [ValueShape.Printable(written.Text), name, Suggestions.DidYouMean(written.Text, backends.Keys), string.Join(", ", backends.Keys)]);
            return null;
        }

        return backend;
    }

    private static void CheckSectionArgs(string name, JsonObject section, BackendKeys backend, IReadOnlyDictionary<string, BackendKeys> backends, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        if (section.Find("Args")?.Value is JsonObject args)
        {
            CheckArgs(name, args, backend, backends, report);
        }
    }

    private static void CheckArgs(string name, JsonObject args, BackendKeys backend, IReadOnlyDictionary<string, BackendKeys> backends, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        foreach (var property in args.Properties)
        {
            if (!backend.Keys.TryGetValue(property.Name, out var key))
            {
                report(AppSettingsShapeDescriptors.UnknownArgsKey, property, [property.Name, backend.Command, backend.Name, Elsewhere(property.Name, backend, backends)]);
                continue;
            }

            if (ValueShape.Mismatch(key, property.Value) is { } expected)
            {
                report(AppSettingsShapeDescriptors.WrongValueType, property.Value, [property.Name, name, expected, ValueShape.Describe(property.Value)]);
            }
            else if (property.Value is JsonScalar scalar && key.Kind is ArgValueKind.Integer or ArgValueKind.Number
                && ValueShape.Number(scalar) is { } number && RangeWording.Problem(key.Property, key.Minimum, key.Maximum, number) is { } problem)
            {
                report(AppSettingsShapeDescriptors.OutOfRange, property.Value, [problem.TrimEnd('.'), name]);
            }
        }
    }

    // "; it is an option of Gunicorn, Uvicorn" and/or " (did you mean 'Threads'?)": where the key belongs, or what was meant.
    private static string Elsewhere(string key, BackendKeys backend, IReadOnlyDictionary<string, BackendKeys> backends)
    {
        var owners = backends.Values.Where(b => b.Keys.ContainsKey(key)).Select(b => b.Name).ToList();
        var belongs = owners.Count > 0 ? $"; it is an option of {string.Join(", ", owners)}" : string.Empty;
        return belongs + Suggestions.DidYouMean(key, backend.Keys.Keys);
    }
}
