using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The SDK-usage rules: PSC0101 (a process name declared twice in one <c>AddProdServer</c> lambda), PSC0102 (a lambda
/// that declares no process), PSC0103 (a literal app target that is not <c>module:object</c>) and PSC0104 (a WSGI server
/// given Django's ASGI module, or the other way round), PSC0113 (Django's development server outside an
/// <c>IsDevelopment()</c> branch), PSC0502 (Celery beat declared twice for one app) and PSC0121 (a <c>DependsOn</c> cycle,
/// ProdServerBuilderAnalyzer.Dependencies.cs); and the constants the builders
/// are given that start-up would refuse: PSC0117 (supervision limits, ProdServerBuilderAnalyzer.Limits.cs) and PSC0118
/// (names, ProdServerBuilderAnalyzer.Names.cs).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class ProdServerBuilderAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.For(RuleRegistry.DuplicateProcessName),
        Rules.For(RuleRegistry.NoProcessDeclared),
        Rules.For(RuleRegistry.AppTargetNotModuleObject),
        Rules.For(RuleRegistry.AppInterfaceMismatch),
        Rules.For(RuleRegistry.DevServerInProduction),
        Rules.For(RuleRegistry.CeleryBeatTwice),
        LimitsDescriptor,
        AppSettingsShapeDescriptors.BadName,
        AppSettingsShapeDescriptors.DependencyCycle);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (UseCalls.Of(start.Compilation) is not { } builders)
            {
                return;
            }

            // ProdServer:Rules of appsettings.json switches PSC0103, PSC0104 and PSC0113 off at start-up, and so here.
            var rules = AppSettingsAnalyzer.HasAppSettings(start.Options)
                ? ConfiguredRules.ForCode(new AppSettingsSections(start.Options.AdditionalFiles), start.Options.AdditionalFiles, start.CancellationToken)
                : ConfiguredRules.None;
            start.RegisterOperationAction(c => AnalyzeInvocation(c, builders, rules), OperationKind.Invocation);
            // Wherever processes are declared: AddProdServer's lambda, ProdServerHost.RunAsync's, a method such as the
            // template's Startup.Configure(ProdServerBuilder o) and a local function of top-level statements, all given the
            // builder as their one parameter (ProdServerBuilderAnalyzer.Configurations.cs).
            start.RegisterOperationAction(c => AnalyzeLambda(c, builders), OperationKind.AnonymousFunction);
            start.RegisterOperationAction(c => AnalyzeLocalFunction(c, builders), OperationKind.LocalFunction);
            start.RegisterOperationBlockAction(c => AnalyzeMethod(c, builders));
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, UseCalls builders, ConfiguredRules rules)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (builders.TakesTheWholeConfiguration(method))
        {
            AnalyzeAddProdServer(context, invocation, builders);
        }
        else if (builders.IsUse(invocation))
        {
            AnalyzeAppTarget(context, invocation, rules);
            AnalyzeBackend(context, invocation, rules);
        }
        else if (SymbolEqualityComparer.Default.Equals(method.ContainingType, builders.Process))
        {
            AnalyzeLimits(context, invocation);
            AnalyzeNames(context, invocation, onServer: false);
        }
        else if (SymbolEqualityComparer.Default.Equals(method.ContainingType, builders.Server))
        {
            AnalyzeNames(context, invocation, onServer: true);
        }
    }

    // PSC0113 at the Use call's name (UseDjangoDevServer), unless an IsDevelopment() branch keeps it to development.
    private static void AnalyzeBackend(OperationAnalysisContext context, IInvocationOperation invocation, ConfiguredRules rules)
    {
        var findings = new List<RuleFinding>();
        RuleRegistry.DevServerInProduction.Check(UseCalls.Backend(invocation), findings);
        if (findings.Count == 0 || rules.IsOff(findings[0].Rule.Id) || DevelopmentGuard.IsKeptFromProduction(invocation.Syntax, invocation.SemanticModel!))
        {
            return;
        }

        var at = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } ? member.Name.GetLocation() : invocation.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(Rules.For(findings[0].Rule), at, DiagnosticText.OneLine(findings[0].Arguments)));
    }

    // PSC0102 where a lambda is the whole configuration (AddProdServer's, ProdServerHost.Run's): a helper method or
    // lambda that declares nothing may only set options.
    private static void AnalyzeAddProdServer(OperationAnalysisContext context, IInvocationOperation invocation, UseCalls builders)
    {
        var lambda = invocation.Arguments
            .Select(a => UseCalls.Unwrap(a.Value))
            .OfType<IDelegateCreationOperation>()
            .Select(d => d.Target)
            .OfType<IAnonymousFunctionOperation>()
            .FirstOrDefault(f => TakesTheBuilder(f.Symbol, builders));
        if (lambda is not null && !lambda.Body.Descendants().OfType<IInvocationOperation>().Any(i => builders.IsUse(i) || HandsOn(i, lambda, builders)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.For(RuleRegistry.NoProcessDeclared), lambda.Syntax.GetLocation()));
        }
    }

    // o => Startup.Configure(o): the lambda gives its builder to the app's own method, which may declare the processes
    // (the build judges that method as a configuration of its own). The library's own methods taking it (an extension
    // such as DefaultProcess, in its namespace) declare nothing by that.
    private static bool HandsOn(IInvocationOperation invocation, IAnonymousFunctionOperation lambda, UseCalls builders) =>
        !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingNamespace, builders.Server.ContainingNamespace)
        && invocation.Arguments.Any(a => UseCalls.Unwrap(a.Value) is IParameterReferenceOperation p
            && SymbolEqualityComparer.Default.Equals(p.Parameter, lambda.Symbol.Parameters[0]));

    // PSC0101 and PSC0502 within one configuration (nested lambdas that take the builder are their own).
    private static void AnalyzeDeclarations(Action<Diagnostic> report, IEnumerable<IOperation> bodies, UseCalls builders)
    {
        var uses = OwnOperations(bodies, builders).OfType<IInvocationOperation>().Where(builders.IsUse).ToList();
        var declared = new Dictionary<string, List<SyntaxNode>>(StringComparer.OrdinalIgnoreCase);
        var beats = new HashSet<string>(StringComparer.Ordinal);
        foreach (var use in uses.OrderBy(u => u.Syntax.SpanStart))
        {
            if (builders.ProcessName(use) is ({ } name, { } location))
            {
                if (!declared.TryGetValue(name, out var earlier))
                {
                    declared[name] = earlier = [];
                }

                // if (env.IsDevelopment()) o.UseDjangoDevServer(...); else o.UseGunicorn(...): one of them runs.
                if (earlier.Exists(e => !ExclusiveBranches.Hold(e, use.Syntax)))
                {
                    report(Diagnostic.Create(Rules.For(RuleRegistry.DuplicateProcessName), location, DiagnosticText.Escaped(name)));
                }

                earlier.Add(use.Syntax);
            }

            // One beat per Celery app, as CeleryBeatUniqueness counts them: UseCeleryBeat, or a worker with Beat = true, whose
            // app is the first string argument; "proj.celery:app" and "proj.celery.app" are one app to celery -A.
            if (RunsBeat(use)
                && use.Arguments.FirstOrDefault(a => a.Parameter?.Name == "app") is { Value.ConstantValue: { HasValue: true, Value: string app } } appArgument
                && !beats.Add(app.Trim().Replace(':', '.')))
            {
                report(Diagnostic.Create(Rules.For(RuleRegistry.CeleryBeatTwice), appArgument.Syntax.GetLocation(), DiagnosticText.Escaped(app)));
            }
        }

        AnalyzeDependencies(report, bodies, builders);
    }

    private static bool RunsBeat(IInvocationOperation use) =>
        use.TargetMethod.Name == "UseCeleryBeat"
        || (use.TargetMethod.Name == "UseCeleryWorker" && ConfiguredSettings(use).GetBoolean("Beat") == true);

    private static void AnalyzeAppTarget(OperationAnalysisContext context, IInvocationOperation invocation, ConfiguredRules rules)
    {
        var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "app");
        if (argument?.Value.ConstantValue is not { HasValue: true, Value: string app })
        {
            return;
        }

        // UseWaitress → the Waitress backend, whose interface the rules know.
        var backend = UseCalls.Backend(invocation);
        var known = RuleBackends.Find(backend);
        if (known is { AppInterface: null })
        {
            // A backend without a web app (Celery: "proj") has app targets of its own form, which its validator checks.
            return;
        }

        foreach (var finding in AppTargets.Evaluate(app, backend, known, ConfiguredSettings(invocation)).Where(f => !rules.IsOff(f.Rule.Id)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.For(finding.Rule), argument.Syntax.GetLocation(), DiagnosticText.OneLine(finding.Arguments)));
        }
    }

    // What the Use call's configure lambda sets (w => w with { WorkerClass = "asgi" }), for the rules that depend on the
    // settings as well as the app (gunicorn's worker class decides the interface its app is called with). A configure
    // that is not a lambda (a method group, a variable) may set anything: its worker class then counts as set, value unknown.
    private static SettingsBag ConfiguredSettings(IInvocationOperation invocation)
    {
        var settings = new SettingsBag();
        var configure = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "configure")?.Value;
        while (configure is IConversionOperation or IDelegateCreationOperation)
        {
            configure = configure is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)configure).Target;
        }

        if (configure is null || configure is IDefaultValueOperation || configure.ConstantValue is { HasValue: true, Value: null })
        {
            return settings;
        }

        if (configure is not IAnonymousFunctionOperation)
        {
            settings.Set("WorkerClass", null);
            return settings;
        }

        foreach (var operation in configure.Descendants())
        {
            if (ConstantSettings.TryReadAssignment(operation, out var name, out var value))
            {
                settings.Set(name, value);
            }
        }

        return settings;
    }
}
