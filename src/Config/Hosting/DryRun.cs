using System.IO;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>Prints what would be started, without starting it.</summary>
internal static class DryRun
{
    public static async Task WriteAsync(TextWriter output, ProcessDefinition process, string contentRoot)
    {
        var plan = LaunchPlanner.Plan(process, contentRoot, requireExecutable: false);
        await output.WriteLineAsync($"# {process.Name} ({process.Backend.Name}) in {plan.WorkingDirectory}").ConfigureAwait(false);
        foreach (var name in plan.RemovedEnvironment)
        {
            await output.WriteLineAsync($"# unset {name} (it would override the typed configuration)").ConfigureAwait(false);
        }

        if (process.Backend.DistributionName is { } distribution)
        {
            foreach (var requirement in process.Backend.GetVersionRequirements(process))
            {
                await output.WriteLineAsync($"# needs {requirement.Describe(distribution)} for {requirement.Setting} (checked at start)").ConfigureAwait(false);
            }
        }

        foreach (var (name, value) in plan.Environment)
        {
            await output.WriteLineAsync($"# env {name}={ShellQuoting.Quote(value)}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(plan.CommandLine).ConfigureAwait(false);
    }
}
