using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Writes one supervisord program per process, each running the app's entry point, and a group of them. Program names
/// are the sanitized unit names; every other value is escaped for supervisord's ini (<see cref="SupervisordSyntax"/>)
/// or refused. supervisord has no env-file setting, so export's <c>--env-file</c>s go on the command line, where the app
/// reads them itself.
/// </summary>
internal static class SupervisordExporter
{
    private const string Owner = "the export";

    public static IReadOnlyList<ExportedFile> Export(Deployment deployment, ICollection<string> notes)
    {
        DeploymentCheck.Unique(deployment, deployment.UnitName, "supervisord program");
        if (string.IsNullOrEmpty(deployment.User))
        {
            // Unlike systemd (a dynamic user) and Kubernetes (runAsNonRoot), supervisord has no safe default of its own.
            notes.Add("the export: without --user, the programs run as supervisord's own user, which is root when it runs as the "
                + "system service (Debian's supervisor package): give --user with an account of their own.");
        }

        var copies = deployment.Processes.Sum(Copies);
        if (deployment.ReleaseSteps.Count > 0 && copies > 1)
        {
            notes.Add(ReleaseNote("supervisord", "processes it supervises", $"supervisorctl start {deployment.AppName}:*", deployment, copies));
        }

        var directory = SupervisordSyntax.Verbatim(Owner, "the working directory (content root)", deployment.WorkingDirectory);
        var environment = SupervisordSyntax.EnvironmentPair(Owner, "--environment", "DOTNET_ENVIRONMENT", deployment.EnvironmentName);
        var conf = new StringBuilder();
        foreach (var process in deployment.Processes)
        {
            // supervisord started as a system service has systemd's PATH; from a shell, that shell's.
            if (ServicePath.Difference(deployment, process, "supervisord's PATH as a system service") is { } difference)
            {
                notes.Add(difference);
            }

            conf.AppendLine($"[program:{deployment.UnitName(process)}]")
                .AppendLine("command=" + SupervisordSyntax.Command(deployment.Arguments(process, withEnvFiles: true, releasedBefore: false)))
                .AppendLine($"directory={directory}");
            if (Copies(process) > 1)
            {
                // Replicas as supervisord's copies of one program, each named after its number (numprocs needs that).
                conf.AppendLine($"numprocs={process.Replicas}")
                    .AppendLine("process_name=%(program_name)s-%(process_num)d");
            }
            else if (process.Replicas > 1)
            {
                notes.Add(SameMachineCopies.NotCarried(process, "supervisord", "its copies (numprocs) share one machine; run the program on more machines"));
            }

            if (deployment.User is { Length: > 0 } user)
            {
                conf.AppendLine($"user={user}");
            }

            conf
                .AppendLine($"environment={environment}")
                .AppendLine("autostart=true")
                // DependsOn: supervisord starts lower priorities first (it cannot wait for readiness; the app's own
                // supervision does that inside one host).
                .AppendLine($"priority={900 + (10 * deployment.DependencyDepth(process))}")
                .AppendLine("autorestart=unexpected")
                .AppendLine("startsecs=1")
                .AppendLine("stopsignal=TERM")
                .AppendLine($"stopwaitsecs={Deployment.OuterStopSeconds(process)}")
                // The app stops its server's group itself; these make supervisord's own kill reach every worker too.
                .AppendLine("stopasgroup=true")
                .AppendLine("killasgroup=true")
                .AppendLine("redirect_stderr=true")
                .AppendLine();
        }

        conf.AppendLine($"[group:{deployment.AppName}]")
            .AppendLine($"programs={string.Join(',', deployment.Processes.Select(deployment.UnitName))}");
        return [new ExportedFile(deployment.AppName + ".conf", conf.ToString())];
    }

    // How many copies the program runs: Replicas, as numprocs, when copies can share the machine (no port, no written file).
    private static int Copies(ProcessDefinition process) => SameMachineCopies.Obstacle(process) is null ? process.Replicas : 1;

    /// <summary>
    /// What a target that cannot run one command before the others (supervisord, a Procfile runner) does with the release
    /// steps: every entry runs them at its start, as <c>&lt;app&gt; NAME</c> does, so they run once per entry, at once.
    /// </summary>
    internal static string ReleaseNote(string target, string entries, string start, Deployment deployment, int copies) =>
        $"{target}: it cannot run a command once before the {entries}, so each of the {copies} {entries} runs the {deployment.ReleaseSteps.Count} release step(s) "
        + $"itself when it starts, at the same time as the others (Django's migrations are not safe to run concurrently): to run them once, run "
        + $"{string.Join(' ', deployment.ReleaseArguments(withEnvFiles: true).Select(ShellQuoting.Quote))} before {start}, and add --skip-release before the process name in each command.";
}
