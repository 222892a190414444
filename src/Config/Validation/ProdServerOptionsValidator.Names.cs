using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>Checks the names a configuration gives: processes, release steps, environment variables (see <see cref="Names"/>).</summary>
internal sealed partial class ProdServerOptionsValidator
{
    // One line per bad name, the name shown escaped: a name is refused before anything else prints it raw.
    private static string? ProcessNameFailure(ProcessDefinition process) =>
        Names.NameProblem(process.Name) is { } problem
            ? $"Process \"{Names.Printable(process.Name)}\": {problem}. ({ProdServerOptions.SectionName}:Processes:{Names.Printable(process.Name)})"
            : null;

    private static void AddReleaseStepNameFailures(IList<ReleaseStep> steps, List<string> failures)
    {
        for (var index = 0; index < steps.Count; index++)
        {
            if (Names.NameProblem(steps[index].Name, "release step name") is { } problem)
            {
                failures.Add($"Release step \"{Names.Printable(steps[index].Name)}\": {problem}. ({ProdServerOptions.SectionName}:Release:{index}:Name)");
            }
        }
    }

    // The names first, then the values with a NUL (of the names that are valid).
    private static List<SettingProblem> EnvironmentNameProblems(IDictionary<string, string> environment)
    {
        var problems = new List<SettingProblem>();
        foreach (var name in environment.Keys)
        {
            if (!Names.IsEnvironmentName(name))
            {
                problems.Add(new SettingProblem(
                    "Environment:" + Names.Printable(name),
                    $"Environment name \"{Names.Printable(name)}\" {Names.EnvironmentNameRule}."));
            }
        }

        foreach (var name in environment.Keys)
        {
            if (Names.IsEnvironmentName(name) && environment[name].Contains('\0', System.StringComparison.Ordinal))
            {
                problems.Add(new SettingProblem("Environment:" + name, $"Environment value of {name} holds a NUL character, which no environment can carry."));
            }
        }

        return problems;
    }
}
