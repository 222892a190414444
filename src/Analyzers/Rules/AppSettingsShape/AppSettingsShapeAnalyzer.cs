using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProdServer.Config.Analyzers.Json;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// Shape mistakes in <c>ProdServer:Processes</c> of appsettings*.json, at the line and column where they are written: an
/// unknown backend or process setting, an <c>Args</c> key the process's server lacks (naming the backends that have it), a
/// value of the wrong type and a number outside the range declared on its flag. The backends and their keys are read from
/// the referenced ProdServer.Config (<see cref="ServerKeyCatalogue"/>), the process keys from the binder's own list
/// (<see cref="ProcessSettingKeys"/>), so build and start-up accept the same settings.
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
            if (AppSettingsAnalyzer.HasAppSettings(start.Options) && ServerKeyCatalogue.Read(start.Compilation) is { Count: > 0 } backends)
            {
                start.RegisterAdditionalFileAction(c => Analyze(c, backends));
            }
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context, IReadOnlyDictionary<string, BackendKeys> backends)
    {
        var file = context.AdditionalFile;
        if (!AppSettingsAnalyzer.IsAppSettings(file.Path) || file.GetText(context.CancellationToken) is not { } text
            || JsonReader.TryParse(text.ToString()) is not JsonObject root
            || root.Find("ProdServer")?.Value is not JsonObject prodServer
            || prodServer.Find("Processes")?.Value is not JsonObject processes)
        {
            return;
        }

        void Report(DiagnosticDescriptor descriptor, JsonNode at, params object[] arguments)
        {
            var span = TextSpan.FromBounds(at.Start, at.End);

            // Process names and keys come from the file: a line break in one would start a forged line of build output.
            context.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)), DiagnosticText.OneLine(arguments)));
        }

        foreach (var process in processes.Properties)
        {
            if (process.Value is JsonObject section)
            {
                CheckProcess(process.Name, section, backends, Report);
            }
        }
    }

    private static void CheckProcess(string name, JsonObject section, IReadOnlyDictionary<string, BackendKeys> backends, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        foreach (var key in section.Properties.Where(p => !ProcessSettingKeys.All.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
        {
            report(AppSettingsShapeDescriptors.UnknownProcessKey, key,
                [key.Name, name, Suggestions.DidYouMean(key.Name, ProcessSettingKeys.All), string.Join(", ", ProcessSettingKeys.All)]);
        }

        if (section.Find("Backend")?.Value is not JsonScalar { Kind: JsonScalarKind.String } written)
        {
            // No Backend: the process's backend is set in code, and its Args are the other analyzer's to infer.
            return;
        }

        // A django-prodserver class path stands for its backend here, as the binder reads it; one with no counterpart here
        // is refused by the binder, and reported here in its words (what to write instead).
        var backendName = written.Text;
        if (DjangoProdserverBackends.IsClassPath(backendName))
        {
            if (DjangoProdserverBackends.ShortName(backendName) is not { } shortName)
            {
                var instead = DjangoProdserverBackends.InsteadOf(backendName) ?? "it is a django-prodserver class with no counterpart here";
                report(AppSettingsShapeDescriptors.UnknownBackend, written, [ValueShape.Printable(backendName), name, ": " + instead, string.Join(", ", backends.Keys)]);
                return;
            }

            backendName = shortName;
        }

        if (!backends.TryGetValue(backendName, out var backend))
        {
            report(AppSettingsShapeDescriptors.UnknownBackend, written,
                [ValueShape.Printable(written.Text), name, Suggestions.DidYouMean(written.Text, backends.Keys), string.Join(", ", backends.Keys)]);
            return;
        }

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
