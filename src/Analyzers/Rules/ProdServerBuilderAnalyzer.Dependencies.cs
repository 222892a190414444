using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// PSC0121 in C#: <c>DependsOn</c> calls of one configuration (a lambda or method given the builder) whose constant names
/// form a cycle, or name their own process. Code's <c>DependsOn</c> entries are certain: configuration adds to them and
/// never takes one away. Entries in exclusive branches (<c>if</c>/<c>else</c>) never run together and form no cycle.
/// </summary>
public sealed partial class ProdServerBuilderAnalyzer
{
    private static void AnalyzeDependencies(Action<Diagnostic> report, IEnumerable<IOperation> bodies, UseCalls builders)
    {
        var edges = new List<DependencyCycles<SyntaxNode>.Edge>();
        var calls = OwnOperations(bodies, builders).OfType<IInvocationOperation>()
            .Where(i => i.TargetMethod.Name == "DependsOn" && SymbolEqualityComparer.Default.Equals(i.TargetMethod.ContainingType, builders.Process));
        foreach (var call in calls.OrderBy(c => c.Syntax.SpanStart))
        {
            if (OwnerOf(call.Instance, builders, 0) is not { } owner)
            {
                continue;
            }

            foreach (var argument in call.Arguments)
            {
                var items = UseCalls.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } list } ? list.ElementValues : [argument.Value];
                foreach (var item in items)
                {
                    if (item.ConstantValue is { HasValue: true, Value: string name })
                    {
                        edges.Add(new(owner, name.Trim(), item.Syntax));
                    }
                }
            }
        }

        foreach (var cycle in DependencyCycles<SyntaxNode>.Find(edges))
        {
            // One run of the method can only take one branch of an if/else: a cycle through both is none.
            var together = cycle.All(a => cycle.All(b => !ExclusiveBranches.Hold(a.At, b.At)));
            if (together)
            {
                report(Diagnostic.Create(AppSettingsShapeDescriptors.DependencyCycle, cycle[cycle.Count - 1].At.GetLocation(),
                    DiagnosticText.Escaped(DependencyCycles<SyntaxNode>.Describe(cycle))));
            }
        }
    }

    // The process a ProcessBuilder stands for: o.Process("worker") and every call chained on it, o.UseWaitress(...) (web),
    // or a local holding one of them (var worker = o.Process("worker"); worker.DependsOn(...)).
    private static string? OwnerOf(IOperation? receiver, UseCalls builders, int depth)
    {
        receiver = receiver is null ? null : UseCalls.Unwrap(receiver);
        if (receiver is null || depth > 32)
        {
            return null;
        }

        switch (receiver)
        {
            case IInvocationOperation { TargetMethod.Name: "Process", Arguments.Length: 1 } process
                when SymbolEqualityComparer.Default.Equals(process.TargetMethod.ContainingType, builders.Server):
                return process.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;
            case IInvocationOperation use when builders.IsUse(use) && builders.ProcessName(use).Name is { } declared:
                return declared;
            case IInvocationOperation chained when SymbolEqualityComparer.Default.Equals(chained.Type, builders.Process):
                // Every ProcessBuilder method, and a Use… on a ProcessBuilder, returns the builder it was called on.
                return OwnerOf(chained.Instance ?? (chained.TargetMethod.IsExtensionMethod && chained.Arguments.Length > 0 ? chained.Arguments[0].Value : null), builders, depth + 1);
            case ILocalReferenceOperation local when ConstantSettings.InitialValue(local) is { } initial:
                return OwnerOf(initial, builders, depth + 1);
            default:
                return null;
        }
    }
}
