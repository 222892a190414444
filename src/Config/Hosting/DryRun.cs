using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
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

    // One JSON document per line, written with Utf8JsonWriter (no reflection, AOT-safe), so tools and the benchmark can
    // run exactly the command the launcher would. Env-file values are left out, as everywhere else.
    public static async Task WriteJsonAsync(TextWriter output, IEnumerable<ProcessDefinition> processes, string contentRoot)
    {
        foreach (var process in processes)
        {
            var plan = LaunchPlanner.Plan(process, contentRoot, requireExecutable: false);
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("name", process.Name);
                json.WriteString("backend", process.Backend.Name);
                json.WriteString("executable", plan.Executable);
                json.WriteStartArray("args");
                foreach (var argument in plan.Arguments)
                {
                    json.WriteStringValue(argument);
                }

                json.WriteEndArray();
                json.WriteStartObject("env");
                foreach (var (name, value) in plan.Environment)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
                json.WriteStartArray("envFromFiles");
                foreach (var name in plan.FileEnvironment.Keys)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
                json.WriteStartArray("unset");
                foreach (var name in plan.RemovedEnvironment)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
                json.WriteString("workingDirectory", plan.WorkingDirectory);
                json.WriteEndObject();
            }

            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
        }
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
