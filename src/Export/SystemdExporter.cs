using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Writes one systemd service per process, each running the app's entry point, and a target that groups them. Every
/// value is escaped for unit-file syntax (<see cref="SystemdSyntax"/>) or refused; the services are sandboxed
/// (<see cref="SystemdHardening"/>) and run as a dynamic user unless a user is given.
/// </summary>
internal static class SystemdExporter
{
    // A unit name is a file name: at most 255 bytes, ".service" included.
    private const int MaxUnitName = 255 - 8;

    public static IReadOnlyList<ExportedFile> Export(Deployment deployment, ICollection<string> notes)
    {
        DeploymentCheck.Unique(deployment, deployment.UnitName, "systemd unit");
        foreach (var process in deployment.Processes.Where(p => deployment.UnitName(p).Length > MaxUnitName))
        {
            throw ExportText.Refused(ExportText.Process(process), "its name", $"makes a unit name longer than {MaxUnitName} characters");
        }

        foreach (var file in deployment.EnvFiles)
        {
            // Bound into the sandbox by this path (BindReadOnlyPaths=): a path systemd would read otherwise is refused.
            SystemdSyntax.Path("the export", "--env-file", file);
        }

        var target = deployment.AppName + ".target";
        var files = deployment.Processes.Select(p => new ExportedFile(deployment.UnitName(p) + ".service", Service(deployment, p, target, notes))).ToList();
        if (deployment.ReleaseSteps.Count > 0)
        {
            DeploymentCheck.NotReleaseName(deployment, p => deployment.UnitName(p) + ".service", ReleaseUnit(deployment), "systemd unit");
            files.Add(new ExportedFile(ReleaseUnit(deployment), SystemdReleaseUnit.Write(deployment, target, notes)));
        }

        foreach (var note in SameMachineCopies.NotCarried(deployment.Processes, "systemd", "a unit is one service on its machine; start the unit on that many machines"))
        {
            notes.Add(note);
        }

        files.Add(new ExportedFile(target, Target(deployment, files.Select(f => f.Name))));
        return files;
    }

    /// <summary>The oneshot unit that runs the release steps once before every service (<c>&lt;app&gt;-release.service</c>).</summary>
    internal static string ReleaseUnit(Deployment deployment) => deployment.AppName + "-" + Deployment.ReleaseName + ".service";

    /// <summary>The account the unit runs as and the app's environment: the same for every unit of the app.</summary>
    internal static void AppendAccountAndEnvironment(StringBuilder unit, Deployment deployment)
    {
        if (deployment.User is { Length: > 0 } user)
        {
            unit.AppendLine($"User={user}");
        }
        else if (deployment.Hardening != ExportHardening.None)
        {
            // A user allocated for the unit's lifetime, owning nothing on the system (implies a read-only OS and home).
            unit.AppendLine("DynamicUser=yes");
        }

        unit.AppendLine("Environment=" + SystemdSyntax.Quoted("DOTNET_ENVIRONMENT=" + deployment.EnvironmentName));
    }

    private static string Service(Deployment deployment, ProcessDefinition process, string target, ICollection<string> notes)
    {
        var owner = ExportText.Process(process);
        var description = $"{deployment.AppName} {process.Name} ({process.Backend.Name}{(process.App is { Length: > 0 } app ? ", " + ExportText.Carryable(owner, "App", app) : "")})";
        var unit = new StringBuilder();
        unit.AppendLine("[Unit]")
            .AppendLine("Description=" + SystemdSyntax.Verbatim(owner, "App", description))
            .AppendLine("After=network-online.target")
            .AppendLine("Wants=network-online.target")
            .AppendLine($"PartOf={target}");
        var dependencies = deployment.Dependencies(process).Select(d => deployment.UnitName(d) + ".service").ToList();
        if (deployment.ReleaseSteps.Count > 0)
        {
            // As the launcher: the release steps once, before any server (this unit runs its process with --skip-release).
            dependencies.Insert(0, ReleaseUnit(deployment));
        }

        if (dependencies.Count > 0)
        {
            // DependsOn: started after, and stopped with, the units it needs.
            unit.AppendLine($"After={string.Join(' ', dependencies)}")
                .AppendLine($"Requires={string.Join(' ', dependencies)}");
        }

        unit.AppendLine()
            .AppendLine("[Service]")
            // notify: the app sends READY=1 once the server answers (its readiness), so "started" means serving and a
            // unit ordered After= this one starts only then; TimeoutStartSec covers the readiness timeout, all that comes
            // before READY=1 since the release steps run in the release unit, without a limit, as the launcher runs them.
            .AppendLine("Type=notify")
            .AppendLine($"TimeoutStartSec={(int)System.Math.Ceiling(process.Readiness.Timeout.TotalSeconds) + Deployment.StopMarginSeconds}")
            // The app's own --env-file, read by its own parser as under the launcher: systemd's EnvironmentFile= parses quotes,
            // comments and 'export' otherwise, and would make ProdServer__ lines the app's configuration (docs/deploy.md).
            .AppendLine("ExecStart=" + string.Join(' ', deployment.Arguments(process, withEnvFiles: true).Select(SystemdSyntax.ExecWord)))
            // systemctl reload: the app's own reload (re-read the configuration, restart the process if its launch plan
            // changed), through the control socket in the unit's private runtime directory (0700, in memory, removed at
            // stop). Kept across restarts, so that a framework-dependent launcher finds its cached launch plan there
            // ($RUNTIME_DIRECTORY, docs/operations.md#spawn-first); the next host replaces the stale socket.
            .AppendLine("ExecReload=" + string.Join(' ', deployment.Command.Append("reload").Select(SystemdSyntax.ExecWord)))
            .AppendLine("RuntimeDirectory=" + deployment.UnitName(process))
            .AppendLine("RuntimeDirectoryMode=0700")
            .AppendLine("RuntimeDirectoryPreserve=restart")
            .AppendLine("Environment=" + SystemdSyntax.Quoted("ProdServer__Control__Enabled=true"))
            .AppendLine("Environment=" + SystemdSyntax.Quoted($"ProdServer__Control__Socket=/run/{deployment.UnitName(process)}/control.sock"))
            .AppendLine("WorkingDirectory=" + SystemdSyntax.Path("the export", "the working directory (content root)", deployment.WorkingDirectory));
        AppendAccountAndEnvironment(unit, deployment);
        unit
            .AppendLine("Restart=on-failure")
            .AppendLine("RestartSec=2")
            // SIGTERM to the app only; it stops the server's process group itself, then systemd cleans up what is left.
            .AppendLine("KillMode=mixed")
            .AppendLine("KillSignal=SIGTERM")
            .AppendLine($"TimeoutStopSec={Deployment.OuterStopSeconds(process)}");
        if (ServicePath.Difference(deployment, process, "the unit's PATH") is { } difference)
        {
            notes.Add(difference);
        }

        var lowPort = process.Backend.GetListenEndpoints(process).Any(e => e.Port is > 0 and < 1024);
        if (deployment.Hardening != ExportHardening.None)
        {
            var paths = SandboxPaths.Of(deployment, process);
            SystemdHardening.Append(unit, deployment.Hardening, paths, lowPort);
            Explain(deployment, process, paths, notes);
        }

        unit.AppendLine()
            .AppendLine("[Install]")
            .AppendLine($"WantedBy={target}");
        return unit.ToString();
    }

    // What the sandbox changed to let the unit start, and what would still stop it: said, never left to the journal.
    private static void Explain(Deployment deployment, ProcessDefinition process, SandboxPaths paths, ICollection<string> notes)
    {
        Explain(ExportText.Process(process), paths, notes);
        if (string.IsNullOrEmpty(deployment.User))
        {
            foreach (var problem in DynamicUserAccess.Problems(process, paths))
            {
                notes.Add(problem);
            }
        }
    }

    /// <summary>The binds the sandbox of <paramref name="owner"/>'s unit needed, and the paths it would still hide.</summary>
    internal static void Explain(string owner, SandboxPaths paths, ICollection<string> notes)
    {
        var bound = paths.BindReadOnly.Concat(paths.BindWritable).ToList();
        if (bound.Count > 0)
        {
            var settings = new[] { (paths.BindReadOnly, "BindReadOnlyPaths="), (paths.BindWritable, "BindPaths=") }.Where(s => s.Item1.Count > 0).Select(s => s.Item2);
            notes.Add($"{owner}: the sandbox hides homes and /tmp, so the unit binds in what it needs from them: "
                + $"{string.Join(", ", bound.Select(p => ExportText.Printable(p)))} ({string.Join(", ", settings)}"
                + $"{(paths.BindsHome ? "; ProtectHome=tmpfs, so that every other home stays hidden" : "")}). Installed under /opt or /srv, it would need none of this.");
        }

        foreach (var path in paths.Unbound)
        {
            notes.Add($"{owner}: the unit needs {ExportText.Printable(path)}, which its sandbox hides or replaces "
                + "(ProtectHome=, PrivateTmp=), and binding all of it would undo that: install the app in a directory of its own (/opt/NAME, /srv/NAME), or export with --hardening none.");
        }
    }

    private static string Target(Deployment deployment, IEnumerable<string> services) =>
        new StringBuilder()
            .AppendLine("[Unit]")
            .AppendLine($"Description={deployment.AppName}: every production process")
            .AppendLine($"Wants={string.Join(' ', services)}")
            .AppendLine()
            .AppendLine("[Install]")
            .AppendLine("WantedBy=multi-user.target")
            .ToString();
}
