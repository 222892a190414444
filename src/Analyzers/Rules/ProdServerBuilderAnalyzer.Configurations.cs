using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// What one configuration is, for the rules across its processes (PSC0101, PSC0121, PSC0502): the body of a lambda, a
/// method or a local function given the builder as its one parameter, without the lambdas and local functions given the
/// builder nested in it. Each of those is a configuration of its own and is judged once, as itself: judged again as part
/// of the outer one, its mistakes were reported twice at the same place, and its processes were counted with the outer's.
/// </summary>
public sealed partial class ProdServerBuilderAnalyzer
{
    private static bool TakesTheBuilder(IMethodSymbol method, UseCalls builders) =>
        method.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, builders.Server);

    // A nested lambda or local function given the builder: a configuration of its own.
    private static bool IsConfiguration(IOperation operation, UseCalls builders) => operation switch
    {
        IAnonymousFunctionOperation lambda => TakesTheBuilder(lambda.Symbol, builders),
        ILocalFunctionOperation local => TakesTheBuilder(local.Symbol, builders),
        _ => false,
    };

    /// <summary>The operations of <paramref name="bodies"/> that belong to their configuration, nested configurations left out.</summary>
    private static IEnumerable<IOperation> OwnOperations(IEnumerable<IOperation> bodies, UseCalls builders)
    {
        var pending = new Stack<IOperation>();
        foreach (var body in bodies)
        {
            pending.Push(body);
        }

        while (pending.Count > 0)
        {
            foreach (var child in pending.Pop().ChildOperations)
            {
                if (!IsConfiguration(child, builders))
                {
                    yield return child;
                    pending.Push(child);
                }
            }
        }
    }

    private static void AnalyzeLambda(OperationAnalysisContext context, UseCalls builders)
    {
        var lambda = (IAnonymousFunctionOperation)context.Operation;
        if (TakesTheBuilder(lambda.Symbol, builders))
        {
            AnalyzeDeclarations(context.ReportDiagnostic, [lambda.Body], builders);
        }
    }

    // A local function is no operation block of its own: its body is part of the method's, reached here.
    private static void AnalyzeLocalFunction(OperationAnalysisContext context, UseCalls builders)
    {
        var local = (ILocalFunctionOperation)context.Operation;
        if (TakesTheBuilder(local.Symbol, builders) && local.Body is { } body)
        {
            AnalyzeDeclarations(context.ReportDiagnostic, [body], builders);
        }
    }

    private static void AnalyzeMethod(OperationBlockAnalysisContext context, UseCalls builders)
    {
        if (context.OwningSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && TakesTheBuilder(method, builders))
        {
            AnalyzeDeclarations(context.ReportDiagnostic, context.OperationBlocks, builders);
        }
    }
}
