using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>Prints what would be started, without starting it.</summary>
internal static class DryRun
{
    public static async Task WriteReleaseAsync(TextWriter output, ReleaseStep step, string contentRoot)
    {
        var command = string.Join(' ', (step.Python is null ? step.Command : step.Command.Prepend(step.Python)).Select(ShellQuoting.Quote));
        await output.WriteLineAsync($"# release step {step.Name} (must exit 0 before any server starts)").ConfigureAwait(false);
        await output.WriteLineAsync(command).ConfigureAwait(false);
    }

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

        foreach (var name in plan.FileEnvironment.Keys.Where(n => !plan.Environment.ContainsKey(n)))
        {
            await output.WriteLineAsync($"# env {name} (from an env file; value not shown)").ConfigureAwait(false);
        }

        foreach (var (name, value) in plan.Environment)
        {
            await output.WriteLineAsync($"# env {name}={ShellQuoting.Quote(value)}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(plan.CommandLine).ConfigureAwait(false);
    }
}
