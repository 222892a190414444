using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Writes a Docker Compose file with one service per process, all from one image of the app. The YAML is written by
/// hand: it is small, fixed in shape, and every value is quoted, so no YAML library (and its reflection) is needed.
/// </summary>
internal static class ComposeExporter
{
    public static IReadOnlyList<ExportedFile> Export(Deployment deployment)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("services:");
        foreach (var process in deployment.Processes)
        {
            yaml.AppendLine($"  {Quote(process.Name)}:")
                .AppendLine($"    image: {Quote(deployment.AppName)}")
                .AppendLine($"    command: [{Quote(process.Name)}]")
                .AppendLine("    restart: on-failure")
                .AppendLine("    stop_signal: SIGTERM")
                .AppendLine($"    stop_grace_period: {Deployment.OuterStopSeconds(process)}s")
                .AppendLine("    environment:")
                .AppendLine($"      DOTNET_ENVIRONMENT: {Quote(deployment.EnvironmentName)}");
            var ports = process.Backend.GetPorts(process);
            if (ports.Count > 0)
            {
                yaml.AppendLine("    ports:");
                foreach (var port in ports)
                {
                    yaml.AppendLine($"      - {Quote($"{port}:{port}")}");
                }
            }
        }

        return [new ExportedFile("compose.yaml", yaml.ToString())];
    }

    // Double-quoted YAML scalars: only backslash and quote need escaping for the names and values written here.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
