using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// <c>export &lt;target&gt; --out DIR [--exec PATH] [--image NAME:TAG] [--user NAME] [--hardening LEVEL] [--env-file PATH]...
/// [--force] [NAME...]</c>: writes the deployment files and lists them. A refusal is one line and exit 1 (2 for a
/// usage mistake), with nothing written.
/// </summary>
internal sealed class ExportCommand : IExportCommand
{
    /// <inheritdoc/>
    public async Task<int> RunAsync(
        ProdServerCommandLine commandLine, IReadOnlyList<ProcessDefinition> processes, IReadOnlyList<ReleaseStep> releaseSteps, string contentRoot, string environmentName, TextWriter output, TextWriter error)
    {
        if (commandLine.ExportTarget is not { } name || !Exporter.TryParseTarget(name, out var target))
        {
            await error.WriteLineAsync($"export needs a target: {string.Join(", ", ProdServerCommandLine.TargetNames)} (got '{commandLine.ExportTarget}').").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (commandLine.OutputDirectory is not { } outputDirectory || string.IsNullOrWhiteSpace(outputDirectory))
        {
            await error.WriteLineAsync("export needs --out DIR: the directory the files are written to.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            var deployment = Deployment.OfApp(PublishedExecutable.Resolve(commandLine.Exec), processes, contentRoot) with
            {
                User = commandLine.User,
                Image = commandLine.Image,
                Hardening = commandLine.Hardening,
                // The processes were read in this environment (ports, timeouts, probes, paths): the files run the app in it
                // too, or it would read another configuration than the one they were computed from.
                EnvironmentName = environmentName,
                // Run once before the processes where the target can (a systemd oneshot, a Compose one-off, a Job).
                ReleaseSteps = releaseSteps,
                // As at run time, a relative env file resolves against the content root.
                EnvFiles = commandLine.EnvFiles.Select(f => Path.GetFullPath(f, contentRoot)).ToList(),
                // What the launcher would find here, to compare with what a unit's PATH finds (ServicePath).
                LauncherPath = System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty,
            };
            var notes = new List<string>();
            if (!string.Equals(environmentName, "Production", System.StringComparison.Ordinal))
            {
                notes.Add($"the export: the files run the app in {ExportText.Printable(environmentName)} (DOTNET_ENVIRONMENT={ExportText.Printable(environmentName)}), "
                    + "the environment they were computed in; for Production's settings, export with --environment Production.");
            }

            var files = Exporter.Export(target, deployment, notes);
            foreach (var path in ExportWriter.Write(Path.GetFullPath(outputDirectory), files, commandLine.Force))
            {
                await output.WriteLineAsync(Names.PrintablePath(path)).ConfigureAwait(false);
            }

            foreach (var note in notes)
            {
                await error.WriteLineAsync(note).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }
        catch (ExportRefusedException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }
        catch (System.ArgumentException ex)
        {
            // Path.GetFullPath on a path no file system takes (a NUL inside): a usage mistake, said in one line.
            await error.WriteLineAsync("export: a path given on the command line is not valid: " + ExportText.Printable(ex.Message)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }
}
