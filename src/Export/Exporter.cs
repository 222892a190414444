using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>Generates deployment files for the declared processes: the typed definitions stay the single source of truth.</summary>
public static class Exporter
{
    /// <summary>The files for <paramref name="target"/>; see <see cref="Export(ExportTarget, Deployment, ICollection{string})"/>.</summary>
    /// <param name="target">The deployment target.</param>
    /// <param name="deployment">The app and processes to export.</param>
    /// <returns>The files, with names relative to the output directory.</returns>
    /// <exception cref="ExportRefusedException">A value the target cannot carry, a name collision or an unsafe default.</exception>
    public static IReadOnlyList<ExportedFile> Export(ExportTarget target, Deployment deployment) => Export(target, deployment, new List<string>());

    /// <summary>
    /// The files for <paramref name="target"/>. Every name, value and path is escaped for the target's format or refused
    /// with a one-line <see cref="ExportRefusedException"/> naming the process and the setting; nothing is written or
    /// dropped silently.
    /// </summary>
    /// <param name="target">The deployment target.</param>
    /// <param name="deployment">The app and processes to export.</param>
    /// <param name="notes">Receives what the user must do for the files to work (one line each), such as a Secret to create.</param>
    /// <returns>The files, with names relative to the output directory.</returns>
    /// <exception cref="ExportRefusedException">A value the target cannot carry, a name collision or an unsafe default.</exception>
    public static IReadOnlyList<ExportedFile> Export(ExportTarget target, Deployment deployment, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(notes);
        DeploymentCheck.Common(deployment);
        return target switch
        {
            ExportTarget.Systemd => SystemdExporter.Export(deployment, notes),
            ExportTarget.Supervisord => SupervisordExporter.Export(deployment, notes),
            ExportTarget.Compose => ComposeExporter.Export(deployment, notes),
            ExportTarget.Procfile => ProcfileExporter.Export(deployment, notes),
            ExportTarget.Kubernetes => KubernetesExporter.Export(deployment, notes),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown export target."),
        };
    }

    /// <summary>Parses a target name as written on the command line (<c>systemd</c>, <c>supervisord</c>, <c>compose</c>, <c>procfile</c>, <c>kubernetes</c>).</summary>
    /// <param name="name">The name, in any case.</param>
    /// <param name="target">The target.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParseTarget(string name, out ExportTarget target)
    {
        // By name only: Enum.TryParse would also take "1".
        ExportTarget? found = name.ToLowerInvariant() switch
        {
            "systemd" => ExportTarget.Systemd,
            "supervisord" => ExportTarget.Supervisord,
            "compose" => ExportTarget.Compose,
            "procfile" => ExportTarget.Procfile,
            "kubernetes" => ExportTarget.Kubernetes,
            _ => null,
        };
        target = found.GetValueOrDefault();
        return found.HasValue;
    }
}
