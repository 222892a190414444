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
/// PSC0119: a <c>DependsOn</c> entry or the default process (<c>ProdServer:Default</c>, <c>o.DefaultProcess(…)</c>) that
/// names a process not declared in an environment's configuration, which start-up refuses in that environment. Each
/// environment is judged as its host merges it (<see cref="SettingsEnvironment"/>: <c>appsettings.json</c> alone, or an
/// environment's file over it, <c>DependsOn</c> merged by index), with what code declares and refers to, which holds in
/// every environment; code's names are gathered from the whole compilation, since the calls can be in any file. An
/// environment that declares no process the build sees, and a project that declares one from a value known only at run
/// time, are not judged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProcessReferenceAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [AppSettingsShapeDescriptors.UndeclaredProcess];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (CodeProcessNames.Gather(start) is not { } code)
            {
                return;
            }

            var files = new AppSettingsSections(start.Options.AdditionalFiles);
            start.RegisterCompilationEndAction(c => Report(c, code, files));
        });
    }

    private static void Report(CompilationAnalysisContext context, CodeProcessNames code, AppSettingsSections files)
    {
        if (!code.DeclaresOnlyKnownNames)
        {
            return;
        }

        // A name written once is reported once, in the first environment that lacks it (appsettings.json's first).
        var reported = new HashSet<(Location, string)>();
        foreach (var environment in SettingsEnvironment.Of(context.Options.AdditionalFiles, files, context.CancellationToken))
        {
            var declared = new HashSet<string>(code.Declared.Keys, StringComparer.OrdinalIgnoreCase);
            var references = new List<ProcessReference>(code.References);
            Merge(environment, declared, references);
            if (declared.Count == 0)
            {
                // Every process of this environment comes from somewhere the build does not see (environment variables,
                // another provider).
                continue;
            }

            var known = declared.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var reference in references.Where(r => !declared.Contains(r.Name) && reported.Add((r.At, r.Name))))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    AppSettingsShapeDescriptors.UndeclaredProcess,
                    reference.At,
                    DiagnosticText.OneLine([reference.Setting, Quoted.Value(reference.Name), Suggestions.DidYouMean(reference.Name, known), environment.Describe(), string.Join(", ", known)])));
            }
        }
    }

    // The environment's files as its host merges them: each file's process sections declare their names; DependsOn
    // entries are replaced index by index, and ProdServer:Default as a whole, by the file read later.
    private static void Merge(SettingsEnvironment environment, HashSet<string> declared, List<ProcessReference> references)
    {
        var dependsOn = new Dictionary<string, Dictionary<string, ProcessReference?>>(StringComparer.OrdinalIgnoreCase);
        ProcessReference? chosen = null;
        foreach (var file in environment.Files)
        {
            foreach (var (name, section) in file.Processes())
            {
                declared.Add(name);
                if (section.Find("DependsOn")?.Value is not { } written)
                {
                    continue;
                }

                if (!dependsOn.TryGetValue(name, out var entries))
                {
                    dependsOn[name] = entries = new(StringComparer.Ordinal);
                }

                var setting = $"DependsOn of process {Quoted.Value(name)}";
                if (written is JsonArray list)
                {
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        entries[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Reference(file, list.Items[i], setting);
                    }
                }
                else
                {
                    entries[string.Empty] = Reference(file, written, setting); // one name, the section's own value
                }
            }

            if (file.ProdServer.Find("Default")?.Value is { } chosenHere)
            {
                chosen = Reference(file, chosenHere, "ProdServer:Default");
            }
        }

        references.AddRange(dependsOn.Values.SelectMany(e => e.Values).OfType<ProcessReference>());
        if (chosen is not null)
        {
            references.Add(chosen);
        }
    }

    // Only a non-empty string names a process; other shapes are PSC0115/PSC0116's (and still replace what they are over).
    private static ProcessReference? Reference(AppSettingsSections.File file, JsonNode item, string setting) =>
        item is JsonScalar { Kind: JsonScalarKind.String, Text.Length: > 0 } named
            ? new ProcessReference(named.Text, setting, file.LocationOf(item))
            : null;
}
