using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ProdServer.Config;

/// <summary>
/// Writes a Docker Compose file with one service per process, all from one image of the app, as YAML nodes
/// (<see cref="ManifestYaml"/>: YamlDotNet quotes and escapes, strings are always double-quoted). Compose then interpolates <c>$VAR</c> in every value, so each <c>$</c> is written <c>$$</c>; service
/// names are made of lower-case letters, digits, <c>-</c> and <c>_</c>.
/// </summary>
internal static class ComposeExporter
{
    public static IReadOnlyList<ExportedFile> Export(Deployment deployment, ICollection<string> notes)
    {
        DeploymentCheck.Unique(deployment, ServiceName, "Compose service");
        var services = new YamlMappingNode();
        if (deployment.ReleaseSteps.Count > 0)
        {
            DeploymentCheck.NotReleaseName(deployment, ServiceName, Deployment.ReleaseName, "Compose service");
            services.Add(Text(Deployment.ReleaseName), Release(deployment));
        }

        foreach (var process in deployment.Processes)
        {
            ContainerListen.RefuseLoopback(process, "its published port and the other services");
            foreach (var note in ContainerListen.Ipv6OnlyNotes(process, "compose", "its published port and the other services", "on Compose's default networks (IPv4)"))
            {
                notes.Add(note);
            }

            services.Add(Text(ServiceName(process)), Service(deployment, process));
            WrittenDirectories(deployment, process, notes);
        }

        return [new ExportedFile("compose.yaml", ManifestYaml.Write([new YamlMappingNode { { "services", services } }]))];
    }

    private static YamlMappingNode Service(Deployment deployment, ProcessDefinition process)
    {
        var service = new YamlMappingNode
        {
            { "image", Text(deployment.Image ?? deployment.AppName) },
            // The image runs the app: its arguments are the app's own --env-file (parsed by the app, as under the launcher,
            // not by Compose's env_file:, which reads quotes and ${...} otherwise and would configure the app) and the process.
            { "command", new YamlSequenceNode(deployment.Arguments(process, withEnvFiles: true).Skip(deployment.Command.Count).Select(Text)) { Style = SequenceStyle.Flow } },
            { "restart", Text("on-failure") },
            { "stop_signal", Text("SIGTERM") },
            { "stop_grace_period", Text(Deployment.OuterStopSeconds(process) + "s") },
        };
        AddEnvironment(service, deployment);

        var ports = process.Backend.GetPorts(process);
        if (ports.Count > 0 && process.Replicas == 1)
        {
            // Published ports clash between copies, so several replicas only expose theirs to the other services.
            service.Add("ports", new YamlSequenceNode(ports.Select(p => Text($"{p}:{p}"))));
        }
        else if (ports.Count > 0)
        {
            service.Add("expose", new YamlSequenceNode(ports.Select(p => Text(p.ToString(CultureInfo.InvariantCulture)))));
        }

        if (HealthCheck.For(process, deployment.WorkingDirectory) is { } test)
        {
            service.Add("healthcheck", new YamlMappingNode
            {
                { "test", new YamlSequenceNode(test.Select(Text)) },
                { "interval", Text("5s") },
                { "timeout", Text("3s") },
                { "start_period", Text(Seconds(process.Readiness.Timeout)) },
                { "retries", Number(3) },
            });
        }

        var dependencies = deployment.Dependencies(process);
        if (dependencies.Count > 0 || deployment.ReleaseSteps.Count > 0)
        {
            var dependsOn = new YamlMappingNode();
            if (deployment.ReleaseSteps.Count > 0)
            {
                // As the launcher: the release steps once, and every server only after they exited 0.
                dependsOn.Add(Text(Deployment.ReleaseName), new YamlMappingNode { { "condition", Text("service_completed_successfully") } });
            }

            foreach (var dependency in dependencies)
            {
                // "healthy" needs a health check; a dependency without a port can only be waited for until it has started.
                var condition = HealthCheck.For(dependency, deployment.WorkingDirectory) is null ? "service_started" : "service_healthy";
                dependsOn.Add(Text(ServiceName(dependency)), new YamlMappingNode { { "condition", Text(condition) } });
            }

            service.Add("depends_on", dependsOn);
        }

        service.Add("deploy", new YamlMappingNode { { "replicas", Number(process.Replicas) } });
        return service;
    }

    // The release steps, run once by a one-off service that every other one waits for (a server ran them itself: with
    // several services and replicas, many migrations at once). Not restarted: a failed step stops the deployment.
    private static YamlMappingNode Release(Deployment deployment)
    {
        var service = new YamlMappingNode
        {
            { "image", Text(deployment.Image ?? deployment.AppName) },
            { "command", new YamlSequenceNode(deployment.ReleaseArguments(withEnvFiles: true).Skip(deployment.Command.Count).Select(Text)) { Style = SequenceStyle.Flow } },
            { "restart", Text("no") },
            { "stop_signal", Text("SIGTERM") },
        };
        AddEnvironment(service, deployment);
        return service;
    }

    private static void AddEnvironment(YamlMappingNode service, Deployment deployment)
    {
        if (deployment.EnvFiles.Count > 0)
        {
            // Each file bound read-only at the same path, so the app's --env-file in the command finds it in the container
            // (parsed by the app, as under the launcher, not by Compose's env_file:, which reads quotes and ${...}
            // otherwise and would configure the app). The long syntax: a path may hold ':'.
            service.Add("volumes", new YamlSequenceNode(deployment.EnvFiles.Select(f => new YamlMappingNode
            {
                { "type", Text("bind") },
                { "source", Text(f) },
                { "target", Text(f) },
                { "read_only", ManifestYaml.Flag(true) },
            })));
        }

        service.Add("environment", new YamlMappingNode { { "DOTNET_ENVIRONMENT", Text(deployment.EnvironmentName) } });
    }

    // The container runs the image's file system, not this machine's: a directory the process writes in (a socket's, a
    // log's, a beat schedule's) is there only if the image has it, and the app refuses to start a server whose file
    // would land in a directory that does not exist. /tmp is in every image.
    private static void WrittenDirectories(Deployment deployment, ProcessDefinition process, ICollection<string> notes)
    {
        var directories = WritablePaths.Of(process, deployment.WorkingDirectory).Where(d => d.Directory != "/tmp").ToList();
        if (directories.Count > 0)
        {
            notes.Add($"compose: {ExportText.Process(process)} writes in {string.Join(", ", directories.Select(d => $"{ExportText.Printable(d.Directory)} ({d.Key})"))}: "
                + "each must exist in the image and be writable by its user, or be a volume of the service, or the process refuses to start.");
        }
    }

    private static string Seconds(System.TimeSpan time) => ((int)System.Math.Ceiling(time.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";

    /// <summary>The service name: the process name in lower case, anything but letters, digits, '-' and '_' as '-'.</summary>
    internal static string ServiceName(ProcessDefinition process) => Deployment.Sanitize(process.Name).ToLowerInvariant();

    private static YamlScalarNode Text(string value) => ManifestYaml.Text(value.Replace("$", "$$"));

    private static YamlScalarNode Number(int value) => ManifestYaml.Number(value);
}
