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
    public static IReadOnlyList<ExportedFile> Export(Deployment deployment, ICollection<string> notes)
    {
        DeploymentCheck.Unique(deployment, Name, "Procfile entry");
        foreach (var note in SameMachineCopies.NotCarried(deployment.Processes, "the Procfile", "it has no count; scale the entry where it runs (heroku ps:scale NAME=N, honcho start -c NAME=N, foreman start -m NAME=N)"))
        {
            notes.Add(note);
        }

        if (deployment.ReleaseSteps.Count > 0 && deployment.Processes.Count > 1)
        {
            // Not a "release:" entry: Heroku runs one first, but foreman and honcho run it beside the others and stop
            // them all when it exits.
            notes.Add(SupervisordExporter.ReleaseNote("procfile", "entries", "starting the Procfile's runner (foreman, honcho)", deployment, deployment.Processes.Count));
        }

        return [new ExportedFile("Procfile", string.Concat(deployment.Processes.Select(p =>
            $"{Name(p)}: {string.Join(' ', deployment.Arguments(p, withEnvFiles: true, releasedBefore: false).Select(ShellQuoting.Quote))}\n")))];
    }

    private static string Name(ProcessDefinition process) => Deployment.Sanitize(process.Name);
}
