using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ProdServer.Config.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="ServerArgsGenerator"/> with step tracking on, and checks the incremental pipeline's promises.</summary>
internal static class GeneratorHarness
{
    /// <summary>The names of every tracked step, read from <see cref="TrackingNames"/> so that a new step is checked without editing the tests.</summary>
    public static IReadOnlyList<string> AllTrackingNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(static f => (string)f.GetRawConstantValue()!)
        .ToArray();

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new ServerArgsGenerator().AsSourceGenerator()],
        parseOptions: TestCompilation.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator on <paramref name="compilation"/>, then again on an unchanged clone and asserts that the
    /// second run did no new work: every tracked step Cached or Unchanged, and nothing Roslyn-owned held in a model.
    /// </summary>
    public static GeneratorResult Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var first = driver.GetRunResult();
        AssertModelsHoldNoRoslynObjects(first);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult();
        AssertAllStepsCachedOrUnchanged(second);
        Assert.Equal(
            first.GeneratedTrees.Select(static t => t.ToString()),
            second.GeneratedTrees.Select(static t => t.ToString()));

        return new GeneratorResult(driver, output, diagnostics, first);
    }

    public static void AssertAllStepsCachedOrUnchanged(GeneratorDriverRunResult result)
    {
        var steps = result.Results.Single().TrackedSteps;
        // Roslyn tracks no step of a run that found nothing to generate.
        Assert.True(
            steps.ContainsKey(TrackingNames.Parse) || steps.ContainsKey(TrackingNames.ParseAliased) || result.GeneratedTrees.IsEmpty,
            "no parse step ran");
        foreach (var name in AllTrackingNames)
        {
            if (!steps.TryGetValue(name, out var runs))
            {
                continue;
            }

            foreach (var (_, reason) in runs.SelectMany(static r => r.Outputs))
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step '{name}' produced an output marked {reason}; expected Cached or Unchanged.");
            }
        }
    }

    public static IncrementalStepRunReason[] Reasons(GeneratorDriverRunResult result, string step) =>
        result.Results.Single().TrackedSteps.TryGetValue(step, out var runs)
            ? [.. runs.SelectMany(static r => r.Outputs).Select(static o => o.Reason)]
            : [];

    // A symbol, node or compilation in a model would compare by reference (never cached) and keep old compilations alive.
    private static void AssertModelsHoldNoRoslynObjects(GeneratorDriverRunResult result)
    {
        foreach (var (name, runs) in result.Results.Single().TrackedSteps)
        {
            if (!AllTrackingNames.Contains(name))
            {
                continue;
            }

            foreach (var (value, _) in runs.SelectMany(static r => r.Outputs))
            {
                Visit(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }

        static void Visit(object? node, string step, HashSet<object> seen)
        {
            if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node))
            {
                return;
            }

            Assert.False(
                node is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location,
                $"Step '{step}' holds a {node.GetType().Name}.");

            if (node is IEnumerable items)
            {
                foreach (var item in items)
                {
                    Visit(item, step, seen);
                }
            }

            foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0 && property.DeclaringType?.Namespace?.StartsWith("ProdServer", StringComparison.Ordinal) == true)
                {
                    Visit(property.GetValue(node), step, seen);
                }
            }
        }
    }
}

/// <summary>One generator run.</summary>
internal sealed record GeneratorResult(
    GeneratorDriver Driver,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult RunResult)
{
    public string SingleSource(string hintName) =>
        RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public IEnumerable<string> HintNames => RunResult.Results.Single().GeneratedSources.Select(static s => s.HintName);

    /// <summary>Compiler diagnostics of Warning or above in the compilation that includes the generated code.</summary>
    public Diagnostic[] CompilationProblems() =>
        [.. OutputCompilation.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning)];
}
