using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// PSC0118 in C#: a constant process, release-step or environment variable name start-up refuses, given to
/// <c>o.Process("my web")</c>, <c>o.Release("export", …)</c>, <c>o.DefaultProcess(…)</c> or <c>.Environment("A=B", …)</c>.
/// The rules and their words are <see cref="Names"/>', which the validator applies, as the appsettings check does for keys.
/// </summary>
public sealed partial class ProdServerBuilderAnalyzer
{
    private static void AnalyzeNames(OperationAnalysisContext context, IInvocationOperation invocation, bool onServer)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name != "name" || ConstantSettings.Resolve(argument.Value).ConstantValue is not { HasValue: true, Value: string name })
            {
                continue;
            }

            var problem = (onServer, invocation.TargetMethod.Name) switch
            {
                (true, "Process" or "DefaultProcess") => Names.NameProblem(name),
                (true, "Release") => Names.NameProblem(name, "release step name"),
                (false, "Environment") when !Names.IsEnvironmentName(name) => "an environment variable name " + Names.EnvironmentNameRule,
                _ => null,
            };
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(AppSettingsShapeDescriptors.BadName, argument.Syntax.GetLocation(), DiagnosticText.OneLine([name, problem])));
            }
        }
    }
}
