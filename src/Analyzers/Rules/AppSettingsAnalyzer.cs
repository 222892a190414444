using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProdServer.Config.Analyzers.Json;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The settings rules on <c>appsettings*.json</c> (passed as <c>AdditionalFiles</c>; the package's
/// <c>build/ProdServer.Config.props</c> adds them): every <c>ProdServer:Processes:*:Args</c> section, with PascalCase,
/// kebab-case or snake_case keys, is run through the same rules (<see cref="RuleRegistry"/>) as code, and each diagnostic
/// points at the key's line and column. <c>appsettings.Development.json</c> only gets the rules that apply everywhere.
/// </summary>
/// <remarks>
/// A process whose section names no <c>Backend</c> is checked with the rules of the backend its <c>appsettings.json</c> names,
/// else of the one code gives it (<c>o.UseGunicorn(...)</c>, <c>o.Process("worker").UseCeleryWorker(...)</c>), else of the
/// backend whose args record has every key the section uses. <c>"ProdServer": { "Rules": { "PSC0006": "off" } }</c> in the same file
/// (or, for an environment's file, in <c>appsettings.json</c>) switches a rule off here as it does at start-up (<see cref="ConfiguredRules"/>).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppSettingsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Rules.For(RuleRegistry.SettingRules.Concat<RuleInfo>([RuleRegistry.AppTargetNotModuleObject, RuleRegistry.AppInterfaceMismatch, RuleRegistry.DevServerInProduction]))
            .ToImmutableArray();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // Most compilations have no settings file among their additional files (issue 15: the build's analyzer time).
            if (!HasAppSettings(start.Options))
            {
                return;
            }

            var known = new List<(RuleBackend Backend, HashSet<string> Properties)>();
            foreach (var backend in RuleBackends.All)
            {
                if (start.Compilation.GetTypeByMetadataName(backend.ArgsTypeName) is { } type)
                {
                    var properties = new HashSet<string>(type.GetMembers().OfType<IPropertySymbol>().Select(p => SettingsBag.Normalize(p.Name)));
                    known.Add((backend, properties));
                }
            }

            if (known.Count == 0)
            {
                return;
            }

            var targetsWindows = BuildTarget.TargetsWindows(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);

            // Sections that name their backend (or whose appsettings.json does) at once; the others once the code's Use calls are known.
            var files = new AppSettingsSections(start.Options.AdditionalFiles);
            start.RegisterAdditionalFileAction(c => Analyze(c.AdditionalFile, files, c.Options, c.Compilation, c.ReportDiagnostic, known, targetsWindows, null, c.CancellationToken));
            var declared = CodeDeclaredBackends.Gather(start);
            start.RegisterCompilationEndAction(c =>
            {
                foreach (var file in c.Options.AdditionalFiles)
                {
                    Analyze(file, files, c.Options, c.Compilation, c.ReportDiagnostic, known, targetsWindows, declared, c.CancellationToken);
                }
            });
        });
    }

    /// <summary>Whether any additional file of the compilation is one of the app's settings files.</summary>
    public static bool HasAppSettings(AnalyzerOptions options)
    {
        foreach (var file in options.AdditionalFiles)
        {
            if (IsAppSettings(file.Path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a file is one of the app's settings files: <c>appsettings.json</c>, <c>appsettings.Production.json</c>, ….</summary>
    public static bool IsAppSettings(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    // As the configuration binder reads StopTimeout: seconds ("45", "2.5") or a time span ("00:00:45").
    private static double? StopSeconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var time) ? time.TotalSeconds
        : null;

    // fromCode: null for the sections whose backend the settings files name (an additional-file action); otherwise the
    // backends code gives the processes, for the sections that name none (the compilation-end action).
    private static void Analyze(
        AdditionalText file, AppSettingsSections files, AnalyzerOptions analyzerOptions, Compilation compilation, Action<Diagnostic> report,
        List<(RuleBackend Backend, HashSet<string> Properties)> known, bool targetsWindows, CodeDeclaredBackends? fromCode, CancellationToken cancellationToken)
    {
        if (files.Read(file, cancellationToken) is not { } settingsFile)
        {
            return;
        }

        var prodServer = settingsFile.ProdServer;
        var isDevelopment = string.Equals(Path.GetFileName(file.Path), "appsettings.Development.json", StringComparison.OrdinalIgnoreCase);
        var options = analyzerOptions.AnalyzerConfigOptionsProvider;
        var ruleContext = BuildTarget.CreateContext(options.GetOptions(file), options.GlobalOptions, targetsWindows, isDevelopment);
        // Start-up's own switches and limit, written beside the settings they are about (and, for an environment's file,
        // in appsettings.json under it, as configuration merges them).
        var rules = ConfiguredRules.Of(prodServer, files.BaseOf(file, cancellationToken) is { } baseFile ? ConfiguredRules.Of(baseFile.ProdServer) : null);
        rules.ApplyTo(ruleContext);
        SyntaxTree? neighbour = null;
        var inherited = files.InheritedBackends(file, cancellationToken);
        foreach (var (name, section) in settingsFile.Processes())
        {
            var args = section.Find("Args")?.Value as JsonObject;
            var writtenHere = AppSettingsSections.WrittenBackend(section);
            var written = writtenHere?.Text ?? (inherited.TryGetValue(name, out var fromBase) ? fromBase : null);
            if ((written is null) != (fromCode is not null))
            {
                continue; // the other action's section
            }

            var (set, appInterface) = written is not null ? Named(RuleBackends.Find(written))
                : fromCode!.Of(name) is { } declared ? Named(RuleBackends.Find(declared))
                : InferFromKeys(known, args);
            if (set is null)
            {
                continue;
            }

            var findings = new List<(RuleFinding Finding, JsonNode At)>();
            if (!ruleContext.IsDevelopment && writtenHere is { } backend)
            {
                // PSC0113 where the file chooses the backend; a file that inherits it is judged in the one that writes it.
                var chosen = new List<RuleFinding>();
                RuleRegistry.DevServerInProduction.Check(backend.Text, chosen);
                findings.AddRange(chosen.Select(f => (f, (JsonNode)backend)));
            }

            var settings = new SettingsBag();
            var keys = new Dictionary<string, JsonProperty>();
            foreach (var property in args?.Properties ?? [])
            {
                if (Read(property.Value, out var value))
                {
                    settings.Set(property.Name, value);
                    keys[SettingsBag.Normalize(property.Name)] = property;
                }
            }

            if (section.Find("App")?.Value is JsonScalar { Kind: JsonScalarKind.String } app && set.AppInterface is not null)
            {
                // A backend without a web app (Celery: "proj") has app targets of its own form, which its validator checks.
                var calledAs = AppTargets.InterfaceOf(set, appInterface, settings);
                findings.AddRange(AppTargets.Evaluate(app.Text, set.Name, calledAs, set.AppTargetForm).Select(f => (f, (JsonNode)app)));
            }

            if (args is not null)
            {
                // PSC0105 compares the server's graceful timeout with this process's StopTimeout, written beside its Args.
                ruleContext.StopTimeoutSeconds = (section.Find("StopTimeout")?.Value as JsonScalar)?.Text is { } stop ? StopSeconds(stop) : null;
                foreach (var finding in RuleRegistry.Run(set, settings, ruleContext))
                {
                    if (keys.TryGetValue(SettingsBag.Normalize(finding.Setting), out var at))
                    {
                        findings.Add((finding, at));
                    }
                }
            }

            foreach (var (finding, at) in findings)
            {
                var descriptor = Rules.For(finding.Rule);
                if (!rules.IsOff(finding.Rule.Id) && Severity(compilation, neighbour ??= Neighbour(compilation, file.Path), descriptor, cancellationToken) is { } severity)
                {
                    report(Diagnostic.Create(descriptor, settingsFile.LocationOf(at), severity, additionalLocations: null, properties: null, DiagnosticText.OneLine(finding.Arguments)));
                }
            }
        }
    }

    private static (RuleBackend? Backend, string? AppInterface) Named(RuleBackend? backend) => (backend, backend?.AppInterface);

    // The backend is set in code: judge by the keys, when exactly one args record has them all. Backends that share a
    // record (Uvicorn and UvicornWsgi) share its rules, but the app's interface is only known when they agree on it.
    private static (RuleBackend? Backend, string? AppInterface) InferFromKeys(List<(RuleBackend Backend, HashSet<string> Properties)> known, JsonObject? args)
    {
        if (args is null)
        {
            return (null, null);
        }

        var matches = known.Where(k => args.Properties.All(p => k.Properties.Contains(SettingsBag.Normalize(p.Name)))).Select(k => k.Backend).ToList();
        if (matches.Count == 0 || matches.Select(m => m.ArgsTypeName).Distinct().Count() != 1)
        {
            return (null, null);
        }

        return (matches[0], matches.Select(m => m.AppInterface).Distinct().Count() == 1 ? matches[0].AppInterface : null);
    }

    // What configuration makes of a JSON value: every scalar is text to it; null removes the key.
    private static bool Read(JsonNode node, out object? value)
    {
        value = null;
        switch (node)
        {
            case JsonScalar { Kind: JsonScalarKind.Null }:
                return false;
            case JsonScalar { Kind: JsonScalarKind.True }:
                value = true;
                return true;
            case JsonScalar { Kind: JsonScalarKind.False }:
                value = false;
                return true;
            case JsonScalar { Kind: JsonScalarKind.Number } number:
                value = long.TryParse(number.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : number.Text;
                return true;
            case JsonScalar scalar:
                value = scalar.Text;
                return true;
            case JsonArray array:
                value = array.Items.OfType<JsonScalar>().Where(s => s.Kind != JsonScalarKind.Null).Select(s => s.Text).ToArray();
                return true;
            default:
                return true;
        }
    }

    // The compiler applies .editorconfig's dotnet_diagnostic.*.severity to source files only, and keeps those keys out of
    // the analyzer options. So a JSON file takes the severity that .editorconfig gives the rule in a C# file of its own
    // folder (or the project's first C# file): "[*.cs] dotnet_diagnostic.PSC0001.severity = error" covers appsettings.json
    // too. A global config (.globalconfig) is applied by the compiler itself on top.
    private static DiagnosticSeverity? Severity(Compilation compilation, SyntaxTree? neighbour, DiagnosticDescriptor descriptor, System.Threading.CancellationToken cancellationToken)
    {
        if (neighbour is null || compilation.Options.SyntaxTreeOptionsProvider is not { } provider
            || !provider.TryGetDiagnosticValue(neighbour, descriptor.Id, cancellationToken, out var report))
        {
            return descriptor.DefaultSeverity;
        }

        return report switch
        {
            ReportDiagnostic.Error => DiagnosticSeverity.Error,
            ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
            ReportDiagnostic.Info => DiagnosticSeverity.Info,
            ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
            ReportDiagnostic.Suppress => null,
            _ => descriptor.DefaultSeverity,
        };
    }

    private static SyntaxTree? Neighbour(Compilation compilation, string jsonPath)
    {
        var folder = Path.GetDirectoryName(jsonPath);
        SyntaxTree? first = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (string.Equals(Path.GetDirectoryName(tree.FilePath), folder, StringComparison.Ordinal))
            {
                return tree;
            }

            first ??= tree;
        }

        return first;
    }
}
