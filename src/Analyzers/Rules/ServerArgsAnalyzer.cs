using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The settings rules (PSC0001–PSC0011 for waitress, PSC0201 and up for the other backends) in C#: every object initializer, <see langword="with"/>
/// expression or lone assignment that sets properties of a backend's args record is read into a
/// <see cref="SettingsBag"/> and run through that backend's rules in <see cref="RuleRegistry"/>, the same code the
/// JSON checker and the runtime run.
/// </summary>
/// <remarks>
/// Only what one initializer says is known: <c>w =&gt; w with { Listen = … }</c> cannot see a <c>Host</c> set in an
/// earlier call. Constants, collection literals and never-reassigned locals are read; other values count as "set,
/// value unknown". The runtime check sees the final values. <c>ProdServer:Rules</c> of the project's
/// <c>appsettings.json</c> applies as at start-up (<see cref="ConfiguredRules"/>): a rule switched off there is not
/// reported, and its <c>MaxThreads</c> is PSC0006's limit.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ServerArgsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Rules.For(RuleRegistry.SettingRules).ToImmutableArray();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // Resolved once per compilation; a project that does not reference ProdServer.Config pays nothing more.
            // Backends that share a record (Uvicorn, UvicornWsgi) share its settings rules; the last one stands for both.
            var argsTypes = new Dictionary<INamedTypeSymbol, RuleBackend>(SymbolEqualityComparer.Default);
            foreach (var backend in RuleBackends.All)
            {
                if (start.Compilation.GetTypeByMetadataName(backend.ArgsTypeName) is { } type)
                {
                    argsTypes[type] = backend;
                }
            }

            if (argsTypes.Count == 0)
            {
                return;
            }

            var targetsWindows = BuildTarget.TargetsWindows(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);

            // ProdServer:Rules of appsettings.json, which start-up applies to these settings too (a switch, MaxThreads).
            var rules = AppSettingsAnalyzer.HasAppSettings(start.Options)
                ? ConfiguredRules.ForCode(new AppSettingsSections(start.Options.AdditionalFiles), start.Options.AdditionalFiles, start.CancellationToken)
                : ConfiguredRules.None;
            start.RegisterOperationAction(
                c => AnalyzeInitializer(c, argsTypes, targetsWindows, rules),
                OperationKind.ObjectCreation, OperationKind.With);
            start.RegisterOperationAction(c => AnalyzeLoneAssignment(c, argsTypes, targetsWindows, rules), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeInitializer(OperationAnalysisContext context, Dictionary<INamedTypeSymbol, RuleBackend> argsTypes, bool targetsWindows, ConfiguredRules rules)
    {
        var (type, initializer) = context.Operation switch
        {
            IObjectCreationOperation creation => (creation.Type, creation.Initializer),
            IWithOperation with => (with.Type, with.Initializer),
            _ => (null, null),
        };
        if (initializer is null || type is not INamedTypeSymbol named || !argsTypes.TryGetValue(named, out var backend))
        {
            return;
        }

        Evaluate(context, backend, initializer.Initializers, targetsWindows, rules);
    }

    private static void AnalyzeLoneAssignment(OperationAnalysisContext context, Dictionary<INamedTypeSymbol, RuleBackend> argsTypes, bool targetsWindows, ConfiguredRules rules)
    {
        // Initializer members are handled with their siblings; this is "Port = 80;" in the record's own constructor.
        if (context.Operation.Parent is IObjectOrCollectionInitializerOperation
            || context.Operation is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.ContainingType: var type } }
            || !argsTypes.TryGetValue(type, out var backend))
        {
            return;
        }

        Evaluate(context, backend, [context.Operation], targetsWindows, rules);
    }

    /// <summary>The key of the diagnostic property that holds a safe value as C# source (<c>16</c>, <c>"660"</c>).</summary>
    internal const string SafeValueKey = "SafeValue";

    private static ImmutableDictionary<string, string?>? SafeValueProperties(RuleFinding finding) => finding.SafeValue switch
    {
        long number => ImmutableDictionary<string, string?>.Empty.Add(SafeValueKey, number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        string text => ImmutableDictionary<string, string?>.Empty.Add(SafeValueKey, Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true)),
        _ => null,
    };

    private static void Evaluate(OperationAnalysisContext context, RuleBackend backend, IEnumerable<IOperation> members, bool targetsWindows, ConfiguredRules rules)
    {
        var settings = new SettingsBag();
        var locations = new Dictionary<string, Location>();
        foreach (var member in members)
        {
            if (ConstantSettings.TryReadAssignment(member, out var name, out var value))
            {
                settings.Set(name, value);
                locations[SettingsBag.Normalize(name)] = member.Syntax.GetLocation();
            }
        }

        if (settings.Count == 0)
        {
            return;
        }

        var syntax = context.Operation.Syntax;
        var options = BuildTarget.For(context.Options, syntax.SyntaxTree);
        var isDevelopment = DevelopmentGuard.IsKeptFromProduction(syntax, context.Operation.SemanticModel!);
        var ruleContext = BuildTarget.CreateContext(options, context.Options.AnalyzerConfigOptionsProvider.GlobalOptions, targetsWindows, isDevelopment);
        rules.ApplyTo(ruleContext);
        foreach (var finding in RuleRegistry.Run(backend, settings, ruleContext))
        {
            if (!rules.IsOff(finding.Rule.Id) && locations.TryGetValue(SettingsBag.Normalize(finding.Setting), out var location))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.For(finding.Rule), location, SafeValueProperties(finding), DiagnosticText.OneLine(finding.Arguments)));
            }
        }
    }
}
