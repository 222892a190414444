using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProdServer.Config;

/// <summary>Writes one systemd service per process, each running the app's entry point, and a target that groups them.</summary>
internal static class SystemdExporter
{
    public static IReadOnlyList<ExportedFile> Export(Deployment deployment)
    {
        var target = deployment.AppName + ".target";
        var files = deployment.Processes.Select(p => new ExportedFile(deployment.UnitName(p) + ".service", Service(deployment, p, target))).ToList();
        files.Add(new ExportedFile(target, Target(deployment, files.Select(f => f.Name))));
        return files;
    }

    private static string Service(Deployment deployment, ProcessDefinition process, string target)
    {
        var unit = new StringBuilder();
        unit.AppendLine("[Unit]")
            .AppendLine($"Description={deployment.AppName} {process.Name} ({process.Backend.Name}{(process.App is { Length: > 0 } app ? ", " + app : "")})")
            .AppendLine("After=network-online.target")
            .AppendLine("Wants=network-online.target")
            .AppendLine($"PartOf={target}");
        var dependencies = deployment.Dependencies(process).Select(d => deployment.UnitName(d) + ".service").ToList();
        if (dependencies.Count > 0)
        {
            // DependsOn: started after, and stopped with, the units it needs.
            unit.AppendLine($"After={string.Join(' ', dependencies)}")
                .AppendLine($"Requires={string.Join(' ', dependencies)}");
        }

        unit.AppendLine()
            .AppendLine("[Service]")
            // notify: the app sends READY=1 once the server answers (its readiness), so "started" means serving and a
            // unit ordered After= this one starts only then; TimeoutStartSec covers the readiness timeout.
            .AppendLine("Type=notify")
            .AppendLine($"TimeoutStartSec={(int)System.Math.Ceiling(process.Readiness.Timeout.TotalSeconds) + Deployment.StopMarginSeconds}")
            .AppendLine($"ExecStart={deployment.CommandLine(process)}")
            .AppendLine($"WorkingDirectory={deployment.WorkingDirectory}");
        if (deployment.User is { Length: > 0 } user)
        {
            unit.AppendLine($"User={user}");
        }

        unit
            .AppendLine($"Environment=DOTNET_ENVIRONMENT={deployment.EnvironmentName}")
            .AppendLine("Restart=on-failure")
            .AppendLine("RestartSec=2")
            // SIGTERM to the app only; it stops the server's process group itself, then systemd cleans up what is left.
            .AppendLine("KillMode=mixed")
            .AppendLine("KillSignal=SIGTERM")
            .AppendLine($"TimeoutStopSec={Deployment.OuterStopSeconds(process)}")
            .AppendLine()
            .AppendLine("[Install]")
            .AppendLine($"WantedBy={target}");
        return unit.ToString();
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
