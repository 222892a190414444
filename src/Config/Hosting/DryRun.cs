using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// Prints what would be started, without starting it. The text is safe to paste into bash: every line is a <c>#</c> comment
/// or a command, nothing a name or value holds can start a new line (control characters are escaped, arguments that hold
/// them use <c>$'…'</c>), and URL passwords are masked. The JSON form keeps every value exact, for tools.
/// </summary>
internal static class DryRun
{
    public static async Task WriteAsync(TextWriter output, bool json, IEnumerable<ReleaseStep> releaseSteps, IEnumerable<ProcessDefinition> processes, string contentRoot)
    {
        if (json)
        {
            foreach (var process in processes)
            {
                await output.WriteLineAsync(Json(LaunchPlanner.Plan(process, contentRoot, requireExecutable: false), process)).ConfigureAwait(false);
            }

            return;
        }

        foreach (var step in releaseSteps)
        {
            await WriteReleaseAsync(output, step).ConfigureAwait(false);
        }

        foreach (var process in processes)
        {
            await WriteTextAsync(output, process, contentRoot).ConfigureAwait(false);
        }
    }

    private static async Task WriteReleaseAsync(TextWriter output, ReleaseStep step)
    {
        var command = string.Join(' ', (step.Python is null ? step.Command : step.Command.Prepend(step.Python)).Select(Shown));
        await output.WriteLineAsync($"# release step {Comment(step.Name)} (must exit 0 before any server starts)").ConfigureAwait(false);
        await output.WriteLineAsync(command).ConfigureAwait(false);
    }

    /// <summary>
    /// The fields of each <c>--dry-run --json</c> object, in the order they are written, with what each holds: the help
    /// text and the README list them from here (DocumentationSpecs holds all three and the output to one list).
    /// </summary>
    public static readonly (string Name, string Holds)[] JsonFields =
    [
        ("name", "the process"),
        ("backend", "its backend"),
        ("executable", "the program started"),
        ("args", "its arguments, exact"),
        ("env", "the variables the launch sets, values exact"),
        ("envFromFiles", "the names of the variables env files add"),
        ("unset", "the variables removed from what the server inherits"),
        ("ignoredFromFiles", "the names of env-file variables left out because they would change the server's options"),
        ("implicitConfigFiles", "configuration files the server reads on its own from its working directory"),
        ("workingDirectory", "the directory it starts in"),
    ];

    // One JSON document per line, written with Utf8JsonWriter (no reflection, AOT-safe), so tools and the benchmark can
    // run exactly the command the launcher would: values are exact (URL passwords included); env-file values are left out.
    private static string Json(LaunchPlan plan, ProcessDefinition process)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", process.Name);
            json.WriteString("backend", process.Backend.Name);
            json.WriteString("executable", plan.Executable);
            WriteArray(json, "args", plan.Arguments);
            json.WriteStartObject("env");
            foreach (var (name, value) in plan.Environment)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            WriteArray(json, "envFromFiles", plan.FileEnvironment.Keys);
            WriteArray(json, "unset", plan.RemovedEnvironment);
            WriteArray(json, "ignoredFromFiles", plan.IgnoredFileEnvironment);
            WriteArray(json, "implicitConfigFiles", plan.ImplicitConfigFiles);
            json.WriteString("workingDirectory", plan.WorkingDirectory);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static async Task WriteTextAsync(TextWriter output, ProcessDefinition process, string contentRoot)
    {
        var plan = LaunchPlanner.Plan(process, contentRoot, requireExecutable: false);
        var lines = new List<string> { $"# {Comment(process.Name)} ({process.Backend.Name}) in {Comment(plan.WorkingDirectory)}" };
        lines.AddRange(Notes(plan).Select(n => "# " + n));
        if (process.Backend.DistributionName is { } distribution)
        {
            lines.AddRange(process.Backend.GetVersionRequirements(process)
                .Select(r => $"# needs {Comment(r.Describe(distribution))} for {Comment(r.Setting)} (checked at start)"));
        }

        lines.AddRange(plan.FileEnvironment.Keys.Where(n => !plan.Environment.ContainsKey(n)).Select(n => $"# env {n} (from an env file; value not shown)"));
        // A secret-named variable's value is not shown (a dry run's text is pasted into tickets and CI logs), as env files'
        // values and URL passwords are not; the JSON, which tools run, keeps it.
        lines.AddRange(plan.Environment.Select(v => $"# env {Comment(v.Key)}={(SecretNames.Looks(v.Key) ? UrlCredentials.Mask : Shown(v.Value))}"));
        if (plan.Environment.Keys.Any(SecretNames.Looks))
        {
            lines.Add($"# values of variables named like secrets ({string.Join(", ", SecretNames.Words)}) are shown as {UrlCredentials.Mask}; --dry-run --json prints them");
        }

        if (plan.Arguments.Any(a => UrlCredentials.HasPassword(a)))
        {
            lines.Add($"# URL passwords are shown as {UrlCredentials.Mask}; --dry-run --json prints the exact arguments");
        }

        lines.Add(plan.DisplayCommandLine);
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    /// <summary>What a person should know about <paramref name="plan"/> beyond its command: variables removed, files the server reads on its own.</summary>
    internal static IEnumerable<string> Notes(LaunchPlan plan)
    {
        foreach (var name in plan.RemovedEnvironment)
        {
            yield return plan.IgnoredFileEnvironment.Contains(name)
                ? $"unset {Comment(name)} (an env file sets it; ignored, since it would override the typed configuration; set it in Environment if you mean it)"
                : $"unset {Comment(name)} (it would override the typed configuration)";
        }

        foreach (var file in plan.ImplicitConfigFiles)
        {
            yield return $"reads {Comment(file)} on its own (no Config is set), so its settings change the server beyond this configuration; set Args:Config to name it, or remove it";
        }
    }

    // A word in a # comment: control characters and line separators escaped, so it cannot end the comment.
    private static string Comment(string text) => Names.Printable(text, int.MaxValue);

    private static string Shown(string value) => ShellQuoting.QuoteOneLine(UrlCredentials.Redact(value));
}
