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
/// names a process no code and no appsettings*.json of the project declares, which start-up refuses. The names are
/// gathered from the whole compilation and every settings file, since a process declared in <c>appsettings.json</c> may be
/// depended on in code and the other way round; a project that declares a process from a value known only at run time,
/// or none at all (every process from the environment), is not judged.
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

        var declared = new HashSet<string>(code.Declared.Keys, StringComparer.OrdinalIgnoreCase);
        var references = code.References.ToList();
        foreach (var text in context.Options.AdditionalFiles)
        {
            if (files.Read(text, context.CancellationToken) is { } file)
            {
                Gather(file, declared, references);
            }
        }

        if (declared.Count == 0)
        {
            // Every process comes from somewhere the build does not see (environment variables, another provider).
            return;
        }

        var known = declared.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var reference in references.Where(r => !declared.Contains(r.Name)))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                AppSettingsShapeDescriptors.UndeclaredProcess,
                reference.At,
                DiagnosticText.OneLine([reference.Setting, Quoted.Value(reference.Name), Suggestions.DidYouMean(reference.Name, known), string.Join(", ", known)])));
        }
    }

    // A file's process sections declare their names; its DependsOn entries and Default refer to names.
    private static void Gather(AppSettingsSections.File file, HashSet<string> declared, List<ProcessReference> references)
    {
        foreach (var (name, section) in file.Processes())
        {
            declared.Add(name);
            if (section.Find("DependsOn")?.Value is { } dependsOn)
            {
                foreach (var item in dependsOn is JsonArray list ? list.Items : [dependsOn])
                {
                    Refer(file, item, $"DependsOn of process {Quoted.Value(name)}", references);
                }
            }
        }

        if (file.ProdServer.Find("Default")?.Value is { } chosen)
        {
            Refer(file, chosen, "ProdServer:Default", references);
        }
    }

    // Only a non-empty string names a process; other shapes are PSC0115/PSC0116's.
    private static void Refer(AppSettingsSections.File file, JsonNode item, string setting, List<ProcessReference> references)
    {
        if (item is JsonScalar { Kind: JsonScalarKind.String, Text.Length: > 0 } named)
        {
            references.Add(new ProcessReference(named.Text, setting, file.LocationOf(item)));
        }
    }
}
