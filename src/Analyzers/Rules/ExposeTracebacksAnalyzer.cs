using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// PSC0001: reports <c>ExposeTracebacks = true</c> on <c>WaitressArgs</c>, in an object initializer or a
/// <see langword="with"/> expression, whenever the value is a compile-time constant <see langword="true"/>.
/// </summary>
/// <remarks>
/// Only constants are reported: a value computed at run time (for example from <c>IsDevelopment()</c>) may well be
/// false in production, and configuration files are outside the compiler's reach (the runtime checks those).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExposeTracebacksAnalyzer : DiagnosticAnalyzer
{
    private const string WaitressArgsMetadataName = "ProdServer.Config.WaitressArgs";
    private const string ExposeTracebacksPropertyName = "ExposeTracebacks";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.ExposeTracebacksInProduction);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // Resolved once per compilation; a project that does not reference ProdServer.Config pays nothing more.
            var waitressArgs = start.Compilation.GetTypeByMetadataName(WaitressArgsMetadataName);
            if (waitressArgs is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeAssignment(c, waitressArgs), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol waitressArgs)
    {
        // Object and with initializers lower each member to a simple assignment whose target is a property reference.
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: ExposeTracebacksPropertyName } property }
            || !SymbolEqualityComparer.Default.Equals(property.ContainingType, waitressArgs)
            || !IsConstantTrue(assignment.Value))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rules.ExposeTracebacksInProduction,
            assignment.Syntax.GetLocation(),
            property.Name));
    }

    private static bool IsConstantTrue(IOperation value)
    {
        // The property is bool?, so a constant true arrives wrapped in a (non-constant) nullable conversion.
        while (value is IConversionOperation conversion && !value.ConstantValue.HasValue)
        {
            value = conversion.Operand;
        }

        return value.ConstantValue is { HasValue: true, Value: true };
    }
}
