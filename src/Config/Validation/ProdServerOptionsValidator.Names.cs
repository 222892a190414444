using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>Checks the names a configuration gives: processes, release steps, environment variables (see <see cref="Names"/>).</summary>
internal sealed partial class ProdServerOptionsValidator
{
    // One line per bad name, the name shown escaped: a name is refused before anything else prints it raw.
    private static string? ProcessNameFailure(ProcessDefinition process) =>
        Names.NameProblem(process.Name) is { } problem
            ? $"Process \"{Names.Printable(process.Name)}\": {problem}. ({ProdServerOptions.SectionName}:Processes:{Names.Printable(process.Name)})"
            : null;

    private static IEnumerable<string> ReleaseStepNameFailures(IEnumerable<ReleaseStep> steps) =>
        steps.Select((step, index) => Names.NameProblem(step.Name, "release step name") is { } problem
            ? $"Release step \"{Names.Printable(step.Name)}\": {problem}. ({ProdServerOptions.SectionName}:Release:{index}:Name)"
            : null).OfType<string>();

    private static IEnumerable<SettingProblem> EnvironmentNameProblems(IDictionary<string, string> environment) =>
        environment.Keys.Where(n => !Names.IsEnvironmentName(n)).Select(n => new SettingProblem(
            "Environment:" + Names.Printable(n),
            $"Environment name \"{Names.Printable(n)}\" must match [A-Za-z_][A-Za-z0-9_]* (a name the child's environment and a shell can hold; 'PATH=/x' as a name would replace PATH).")).Concat(
        environment.Where(v => Names.IsEnvironmentName(v.Key) && v.Value.Contains('\0', System.StringComparison.Ordinal)).Select(v => new SettingProblem(
            "Environment:" + v.Key, $"Environment value of {v.Key} holds a NUL character, which no environment can carry.")));
}
