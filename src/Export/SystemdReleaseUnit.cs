using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// The unit that runs the release steps (<c>migrate</c>, <c>collectstatic</c>, …) once, before every service of the app,
/// as the launcher runs them before any server: a oneshot running <c>&lt;app&gt; --release-only</c>, which each service
/// is ordered after and requires, while running its own process with <c>--skip-release</c>. Without it every unit ran the
/// steps itself, all at once, and Django's migrations are not safe to run concurrently.
/// </summary>
internal static class SystemdReleaseUnit
{
    public static string Write(Deployment deployment, string target, ICollection<string> notes)
    {
        var unit = new StringBuilder()
            .AppendLine("[Unit]")
            .AppendLine($"Description={deployment.AppName}: the release steps, once before its services")
            .AppendLine("After=network-online.target")
            .AppendLine("Wants=network-online.target")
            // Restarting the app's target runs them again, as a new launch of the app would; a service's own restart does not.
            .AppendLine($"PartOf={target}")
            .AppendLine()
            .AppendLine("[Service]")
            // Active once the steps exited 0, and it stays so: a service that requires it starts only then, and a failed
            // step fails every service that requires it ("nothing starts").
            .AppendLine("Type=oneshot")
            .AppendLine("RemainAfterExit=yes")
            // The launcher waits for a migration as long as it takes; a limit would kill one mid-way.
            .AppendLine("TimeoutStartSec=infinity")
            .AppendLine("ExecStart=" + string.Join(' ', deployment.ReleaseArguments(withEnvFiles: true).Select(SystemdSyntax.ExecWord)))
            .AppendLine("WorkingDirectory=" + SystemdSyntax.Path("the export", "the working directory (content root)", deployment.WorkingDirectory));
        SystemdExporter.AppendAccountAndEnvironment(unit, deployment);
        // SIGTERM to the app, which stops the running step; systemd ends what is left.
        unit.AppendLine("KillMode=mixed")
            .AppendLine("KillSignal=SIGTERM");
        if (deployment.Hardening != ExportHardening.None)
        {
            var paths = SandboxPaths.OfRelease(deployment);
            SystemdHardening.Append(unit, deployment.Hardening, paths, lowPort: false);
            SystemdExporter.Explain("the release steps", paths, notes);
            notes.Add($"the release steps: {SystemdExporter.ReleaseUnit(deployment)} runs them once before the services, in the same sandbox "
                + "(a read-only system" + (string.IsNullOrEmpty(deployment.User) ? ", a dynamic user" : "") + "): a step that writes files "
                + "(collectstatic's STATIC_ROOT, a SQLite database) needs ReadWritePaths= for them in a drop-in (systemctl edit), or export with --hardening none.");
        }

        return unit.AppendLine()
            .AppendLine("[Install]")
            .AppendLine($"WantedBy={target}")
            .ToString();
    }
}
