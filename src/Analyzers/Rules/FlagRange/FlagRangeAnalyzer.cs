using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// PSC0111: a constant assigned in C# to an args property outside the range its flag declares (<c>Threads = 0</c> where
/// the record says <c>[Flag("threads", Minimum = 1)]</c>). The range is read from the property's own attribute and the
/// message is <see cref="RangeWording"/>'s, the start-up check's words, so build and start-up cannot disagree; it works
/// for the SDK's records and for users' own <c>[ServerArgs]</c> records alike.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlagRangeAnalyzer : DiagnosticAnalyzer
{
    private const string FlagAttributeName = "ProdServer.Config.FlagAttribute";

    /// <summary>The PSC0111 descriptor.</summary>
    internal static DiagnosticDescriptor Descriptor { get; } = AppSettingsShapeDescriptors.Create(
        "PSC0111",
        "Constant is outside the flag's range",
        "{0}; set a value in range",
        "The start-up validation refuses a value outside the range declared on the server's flag, so the app would not start.");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // A project without ProdServer.Config pays for this lookup only.
            if (start.Compilation.GetTypeByMetadataName(FlagAttributeName) is not { } flagAttribute)
            {
                return;
            }

            // Most assignments are to properties without a range; each property's attribute is read once.
            var ranges = new ConcurrentDictionary<IPropertySymbol, DeclaredRange?>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(c => Analyze(c, flagAttribute, ranges), OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol flagAttribute, ConcurrentDictionary<IPropertySymbol, DeclaredRange?> ranges)
    {
        if (context.Operation is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment
            || ranges.GetOrAdd(property.OriginalDefinition, p => DeclaredRange.Of(p, flagAttribute)) is not { } range
            || ConstantSettings.Number(assignment.Value) is not { } value
            || RangeWording.Problem(property.Name, range.Minimum, range.Maximum, value) is not { } problem)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptor, assignment.Value.Syntax.GetLocation(), problem.TrimEnd('.')));
    }

    /// <summary>The range of one property, from its <c>[Flag(Minimum = …, Maximum = …)]</c>.</summary>
    private sealed class DeclaredRange(double? minimum, double? maximum)
    {
        public double? Minimum { get; } = minimum;

        public double? Maximum { get; } = maximum;

        public static DeclaredRange? Of(IPropertySymbol property, INamedTypeSymbol flagAttribute)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, flagAttribute))
                {
                    continue;
                }

                double? minimum = null, maximum = null;
                foreach (var named in attribute.NamedArguments)
                {
                    // NaN is the attribute's "no bound".
                    if (named.Value.Value is double bound && !double.IsNaN(bound))
                    {
                        if (named.Key == "Minimum")
                        {
                            minimum = bound;
                        }
                        else if (named.Key == "Maximum")
                        {
                            maximum = bound;
                        }
                    }
                }

                return minimum is null && maximum is null ? null : new DeclaredRange(minimum, maximum);
            }

            return null;
        }
    }
}
