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
/// Mistakes across the processes of appsettings*.json that start-up refuses: <c>DependsOn</c> entries that form a cycle or
/// name their own process (PSC0121), and two Celery beats for one app (PSC0502: two <c>CeleryBeat</c> sections, or one
/// beside a <c>CeleryWorker</c> with <c>"Beat": true</c>). Each file is judged as the host reads it in its environment: an
/// environment's file over <c>appsettings.json</c>, arrays merged by index as configuration merges them; a mistake is
/// reported in the file that writes part of it (one that <c>appsettings.json</c> alone makes is reported there only).
/// </summary>
/// <remarks>
/// What code adds (its processes, backends, apps and <c>DependsOn</c>) is not mixed in: which configuration a settings file
/// belongs to is not known to the build when a project has several. Such mixes are left to start-up (docs/start-up-checks.md).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppSettingsProcessesAnalyzer : DiagnosticAnalyzer
{
    private const string Beat = "CeleryBeat";
    private const string Worker = "CeleryWorker";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [AppSettingsShapeDescriptors.DependencyCycle, Rules.For(RuleRegistry.CeleryBeatTwice)];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (UseCalls.Of(start.Compilation) is null || !AppSettingsAnalyzer.HasAppSettings(start.Options))
            {
                return;
            }

            var files = new AppSettingsSections(start.Options.AdditionalFiles);
            start.RegisterAdditionalFileAction(c => Analyze(c.AdditionalFile, files, c.ReportDiagnostic, c.CancellationToken));
        });
    }

    // A value as the merged configuration holds it, and whether this file writes it.
    private sealed class Written(JsonNode node, bool here)
    {
        public JsonNode Node { get; } = node;

        public bool Here { get; } = here;
    }

    // One process of the merged configuration: its Backend, App, Args:Beat and DependsOn entries by index.
    private sealed class Process(string name)
    {
        public string Name { get; } = name;

        public Written? Backend { get; set; }

        public Written? App { get; set; }

        public Written? BeatArg { get; set; }

        public Dictionary<string, Written> DependsOn { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private static void Analyze(AdditionalText text, AppSettingsSections files, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (files.Read(text, cancellationToken) is not { } file)
        {
            return;
        }

        var processes = new Dictionary<string, Process>(StringComparer.OrdinalIgnoreCase);
        if (files.BaseOf(text, cancellationToken) is { } baseFile)
        {
            Merge(baseFile, here: false, processes);
        }

        Merge(file, here: true, processes);
        ReportCycles(file, processes.Values, report);
        ReportBeats(file, processes.Values, report);
    }

    private static void Merge(AppSettingsSections.File file, bool here, Dictionary<string, Process> processes)
    {
        foreach (var (name, section) in file.Processes())
        {
            if (!processes.TryGetValue(name, out var process))
            {
                processes[name] = process = new Process(name);
            }

            foreach (var property in section.Properties)
            {
                switch (property.Name.ToUpperInvariant())
                {
                    case "BACKEND" when property.Value is JsonScalar:
                        process.Backend = new(property.Value, here);
                        break;
                    case "APP" when property.Value is JsonScalar:
                        process.App = new(property.Value, here);
                        break;
                    case "ARGS" when property.Value is JsonObject args && args.Find("Beat") is { } beat:
                        process.BeatArg = new(beat.Value, here);
                        break;
                    case "DEPENDSON" when property.Value is JsonArray list:
                        for (var i = 0; i < list.Items.Count; i++)
                        {
                            process.DependsOn[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new(list.Items[i], here);
                        }

                        break;
                    case "DEPENDSON":
                        process.DependsOn[string.Empty] = new(property.Value, here); // one name, the section's own value
                        break;
                }
            }
        }
    }

    private static void ReportCycles(AppSettingsSections.File file, IEnumerable<Process> processes, Action<Diagnostic> report)
    {
        var edges = new List<DependencyCycles<Written>.Edge>();
        foreach (var process in processes)
        {
            foreach (var entry in process.DependsOn.Values)
            {
                if (entry.Node is JsonScalar { Kind: JsonScalarKind.String } named && named.Text.Trim().Length > 0)
                {
                    edges.Add(new(process.Name, named.Text.Trim(), entry));
                }
            }
        }

        foreach (var cycle in DependencyCycles<Written>.Find(edges))
        {
            // At the edge that closes it when this file writes it, else at the last one this file writes.
            if (cycle.LastOrDefault(e => e.At.Here) is { } at)
            {
                report(Diagnostic.Create(AppSettingsShapeDescriptors.DependencyCycle, file.LocationOf(at.At.Node),
                    DiagnosticText.Escaped(DependencyCycles<Written>.Describe(cycle))));
            }
        }
    }

    // As CeleryBeatUniqueness groups them: "proj.celery:app" and "proj.celery.app" are the same app to celery -A.
    private static void ReportBeats(AppSettingsSections.File file, IEnumerable<Process> processes, Action<Diagnostic> report)
    {
        var first = new Dictionary<string, Process>(StringComparer.Ordinal);
        foreach (var process in processes)
        {
            if (process.App?.Node is not JsonScalar { Kind: JsonScalarKind.String } app || app.Text.Trim().Length == 0 || !RunsBeat(process))
            {
                continue;
            }

            var key = app.Text.Trim().Replace(':', '.');
            if (!first.TryGetValue(key, out var earlier))
            {
                first[key] = process;
                continue;
            }

            if ((WhereWritten(process) ?? WhereWritten(earlier)) is { } at)
            {
                report(Diagnostic.Create(Rules.For(RuleRegistry.CeleryBeatTwice), file.LocationOf(at), DiagnosticText.Escaped(app.Text.Trim())));
            }
        }
    }

    private static bool RunsBeat(Process process)
    {
        var backend = (process.Backend?.Node as JsonScalar)?.Text;
        backend = backend is null ? null : DjangoProdserverBackends.ShortName(backend) ?? backend;
        return string.Equals(backend, Beat, StringComparison.OrdinalIgnoreCase)
            || (string.Equals(backend, Worker, StringComparison.OrdinalIgnoreCase)
                && process.BeatArg?.Node is JsonScalar { Kind: JsonScalarKind.True or JsonScalarKind.String } beat
                && bool.TryParse(beat.Text, out var on) && on);
    }

    // What of the beat this file writes, to point at: its App, its Backend, its Beat switch.
    private static JsonNode? WhereWritten(Process process) =>
        new[] { process.App, process.Backend, process.BeatArg }.FirstOrDefault(w => w is { Here: true })?.Node;
}
