using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary><c>export &lt;target&gt; --out DIR [NAME...]</c>: writes the deployment files and lists them.</summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(
        ProdServerCommandLine commandLine, IReadOnlyList<ProcessDefinition> processes, string contentRoot, TextWriter output, TextWriter error)
    {
        if (commandLine.ExportTarget is not { } name || !Exporter.TryParseTarget(name, out var target))
        {
            await error.WriteLineAsync($"export needs a target: {string.Join(", ", ProdServerCommandLine.TargetNames)} (got '{commandLine.ExportTarget}').").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (commandLine.OutputDirectory is not { } outputDirectory)
        {
            await error.WriteLineAsync("export needs --out DIR: the directory the files are written to.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var directory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(directory);
        foreach (var file in Exporter.Export(target, Deployment.OfCurrentApp(processes, contentRoot) with { User = commandLine.User }))
        {
            var path = Path.Combine(directory, file.Name);
            await File.WriteAllTextAsync(path, file.Content).ConfigureAwait(false);
            await output.WriteLineAsync(path).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }
}
