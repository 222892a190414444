using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Writes a Procfile: <c>name: command</c>, one line per process. The name is the sanitized one (Procfile readers take
/// letters, digits, <c>-</c> and <c>_</c>); the command is POSIX-shell quoted, since foreman and honcho run it with
/// <c>sh -c</c>; export's <c>--env-file</c>s go on the command line, where the app reads them itself.
/// </summary>
internal static class ProcfileExporter
{
    public static IReadOnlyList<ExportedFile> Export(Deployment deployment)
    {
        DeploymentCheck.Unique(deployment, Name, "Procfile entry");
        return [new ExportedFile("Procfile", string.Concat(deployment.Processes.Select(p =>
            $"{Name(p)}: {string.Join(' ', deployment.Arguments(p, withEnvFiles: true).Select(ShellQuoting.Quote))}\n")))];
    }

    private static string Name(ProcessDefinition process) => Deployment.Sanitize(process.Name);
}
