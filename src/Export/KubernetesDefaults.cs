using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static ProdServer.Config.ManifestYaml;

namespace ProdServer.Config;

/// <summary>
/// What makes an exported Deployment safe to apply as it comes out: a pinned image, a server reachable by its probes,
/// a locked-down container (non-root, no privilege escalation, read-only root with its writable paths as
/// <c>emptyDir</c> volumes, no capabilities, the runtime's seccomp profile) and resource requests and limits.
/// </summary>
internal static partial class KubernetesDefaults
{
    /// <summary>The non-root user and group the containers run as when the image names none numerically.</summary>
    public const long RunAsId = 10001;

    private const string DefaultCpu = "100m";
    private const string DefaultMemory = "256Mi";

    /// <summary>The image, required and pinned: <c>NAME:TAG</c> with a tag other than <c>latest</c>, or <c>NAME@sha256:…</c>.</summary>
    public static string Image(Deployment deployment)
    {
        const string Fix = "give --image NAME:TAG (a tag other than 'latest', or @sha256:DIGEST), so every pod runs the same build";
        if (deployment.Image is not { } image)
        {
            throw ExportText.Refused("kubernetes", "--image", "is required; " + Fix);
        }

        var match = ImageReference().Match(image);
        if (!match.Success || (match.Groups["tag"].Success && match.Groups["tag"].Value.Equals("latest", StringComparison.OrdinalIgnoreCase)))
        {
            throw ExportText.Refused("kubernetes", "--image", $"'{ExportText.Printable(image)}' is not pinned; " + Fix);
        }

        return image;
    }

    /// <summary>
    /// The <c>emptyDir</c> volumes the read-only root filesystem needs: <c>/tmp</c>, and the directory of every file the
    /// process writes. Given the app's <paramref name="contentRoot"/>, a directory that holds it or the process's working
    /// directory is refused: its empty volume would hide the app's files in the pod.
    /// </summary>
    public static IReadOnlyList<(string Name, string Path)> WritableVolumes(ProcessDefinition process, string? contentRoot = null)
    {
        var owner = ExportText.Process(process);
        if (CeleryBeatSchedule.WritesDefaultFile(process))
        {
            throw ExportText.Refused(owner, "Args:Schedule",
                "is unset, so celery beat would write celerybeat-schedule into the image's working directory, which is read-only in the pod; set it to a file such as /var/lib/celery/celerybeat-schedule");
        }

        var directories = new List<string> { "/tmp" };
        foreach (var (file, key) in WritablePaths.Files(process))
        {
            ExportText.Carryable(owner, key, file);
            // Kubernetes refuses a mount path with '..' in it, and a volume on '/' would hide the whole image.
            if (!file.StartsWith('/') || Path.GetFullPath(file) != file || file.Contains(':', StringComparison.Ordinal)
                || Path.GetDirectoryName(file) is not { Length: > 1 } directory)
            {
                throw ExportText.Refused(owner, key, $"'{ExportText.Printable(file)}' must be a normalized absolute path below a directory other than '/', without ':', to become a writable volume in the pod");
            }

            // (/tmp is a volume whatever is written there.)
            if (contentRoot is not null && directory != "/tmp" && HiddenBy(process, contentRoot, directory) is { } hidden)
            {
                throw ExportText.Refused(owner, key, $"'{ExportText.Printable(file)}' would make {ExportText.Printable(directory)} an empty volume in the pod, "
                    + $"which hides the app's files in {ExportText.Printable(hidden)}; write it in a directory of its own, such as /run/{ExportText.Printable(Deployment.Sanitize(process.Name))}");
            }

            // Its own volume also below another one (/tmp/celery below /tmp): an emptyDir starts empty, so the directory
            // would not exist in the pod and the server could not create its file; a nested mount's point is created.
            if (!directories.Contains(directory, StringComparer.Ordinal))
            {
                directories.Add(directory);
            }
        }

        // Named in the order found; listed parents first, before what is mounted inside them.
        return directories.Select((d, i) => (Name: i == 0 ? "tmp" : "writable-" + i.ToString(CultureInfo.InvariantCulture), Path: d))
            .OrderBy(v => v.Path.Count(c => c == '/')).ToList();
    }

    // The content root or the process's working directory, when a volume on the directory would cover it.
    private static string? HiddenBy(ProcessDefinition process, string contentRoot, string directory)
    {
        var workingDirectory = Path.GetFullPath(ExportText.Carryable(ExportText.Process(process), "WorkingDirectory", process.WorkingDirectory ?? "."), contentRoot);
        return new[] { contentRoot, workingDirectory }.FirstOrDefault(d => SandboxPaths.IsUnder(d, directory));
    }

    /// <summary>The configured requests (100m CPU and 256Mi by default), a memory limit equal to the request and a CPU limit of at least one core.</summary>
    public static YamlMappingNode Resources(ProcessDefinition process) =>
        Resources(Quantity(process, "Resources:Cpu", process.Resources.Cpu ?? DefaultCpu, out var oneCoreOrMore, out _), oneCoreOrMore,
            Quantity(process, "Resources:Memory", process.Resources.Memory ?? DefaultMemory, out _, out _));

    /// <summary>
    /// The release steps' requests and limits: they import the same Django app as the processes, so each is the largest
    /// the processes request (the defaults where none sets it), bounded as theirs are.
    /// </summary>
    public static YamlMappingNode ReleaseResources(Deployment deployment)
    {
        var (cpu, oneCoreOrMore, cpuAmount) = (DefaultCpu, false, 0.0);
        var (memory, memoryAmount) = (DefaultMemory, 0.0);
        foreach (var process in deployment.Processes)
        {
            var processCpu = Quantity(process, "Resources:Cpu", process.Resources.Cpu ?? DefaultCpu, out var oneOrMore, out var amount);
            if (amount > cpuAmount)
            {
                (cpu, oneCoreOrMore, cpuAmount) = (processCpu, oneOrMore, amount);
            }

            var processMemory = Quantity(process, "Resources:Memory", process.Resources.Memory ?? DefaultMemory, out _, out amount);
            if (amount > memoryAmount)
            {
                (memory, memoryAmount) = (processMemory, amount);
            }
        }

        return Resources(cpu, oneCoreOrMore, memory);
    }

    private static YamlMappingNode Resources(string cpu, bool oneCoreOrMore, string memory) =>
        Map(
            ("requests", Map(("cpu", Text(cpu)), ("memory", Text(memory)))),
            // Memory over the request is what gets a node's pods evicted; a CPU limit below one core throttles Python's
            // single-threaded start-up, so it is at least one.
            ("limits", Map(("cpu", Text(oneCoreOrMore ? cpu : "1")), ("memory", Text(memory)))));

    /// <summary>The container's lock-down; <c>NET_BIND_SERVICE</c> is kept only for a port below 1024.</summary>
    public static YamlMappingNode ContainerSecurity(ProcessDefinition process) =>
        ContainerSecurity(lowPort: process.Backend.GetListenEndpoints(process).Any(e => e.Port is > 0 and < 1024));

    /// <summary>The container's lock-down, for a container that binds a port below 1024 (<paramref name="lowPort"/>) or not.</summary>
    public static YamlMappingNode ContainerSecurity(bool lowPort) => Map(
        ("runAsNonRoot", Flag(true)),
        ("allowPrivilegeEscalation", Flag(false)),
        ("readOnlyRootFilesystem", Flag(true)),
        ("capabilities", Map(
            ("drop", List([Text("ALL")])),
            ("add", lowPort ? List([Text("NET_BIND_SERVICE")]) : null))),
        ("seccompProfile", Map(("type", Text("RuntimeDefault")))));

    /// <summary>The pod's: non-root with a numeric user (runAsNonRoot cannot check a named one), the runtime's seccomp profile.</summary>
    public static YamlMappingNode PodSecurity() => Map(
        ("runAsNonRoot", Flag(true)),
        ("runAsUser", Number(RunAsId)),
        ("runAsGroup", Number(RunAsId)),
        ("seccompProfile", Map(("type", Text("RuntimeDefault")))));

    /// <summary>
    /// <paramref name="quantity"/> as the configuration accepts it (digits, an optional fraction, an optional SI or binary
    /// suffix: <c>250m</c>, <c>0.5</c>, <c>1Gi</c>), whether it is at least one unit and its amount in units (to compare
    /// two); refused otherwise.
    /// </summary>
    private static string Quantity(ProcessDefinition process, string key, string quantity, out bool oneOrMore, out double amount)
    {
        var digits = quantity.AsSpan();
        digits = digits[..(digits.IndexOfAnyExcept("0123456789.") is var end and >= 0 ? end : digits.Length)];
        decimal? scale = quantity[digits.Length..] switch
        {
            "" => 1m, "m" => 0.001m, "k" => 1e3m, "M" => 1e6m, "G" => 1e9m, "T" => 1e12m, "P" => 1e15m, "E" => 1e18m,
            "Ki" => 1024m, "Mi" => 1024m * 1024, "Gi" => 1024m * 1024 * 1024, "Ti" => 1024m * 1024 * 1024 * 1024,
            "Pi" => 1024m * 1024 * 1024 * 1024 * 1024, "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
            _ => null,
        };
        if (scale is not { } unit || digits.IsEmpty || digits[0] == '.' || digits[^1] == '.'
            || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number == 0)
        {
            throw ExportText.Refused(ExportText.Process(process), key, $"'{ExportText.Printable(quantity)}' is not a Kubernetes quantity such as 250m, 2 or 256Mi");
        }

        // Compared, not multiplied: a long number times a suffix would overflow decimal (a double does not, and only orders them).
        oneOrMore = number >= 1 / unit;
        amount = (double)number * (double)unit;
        return quantity;
    }

    // A Docker image reference: [registry[:port]/]path[:tag][@sha256:digest], with a tag or a digest.
    [GeneratedRegex(@"\A(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?:(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))(?:@sha256:[a-f0-9]{64})?|@sha256:[a-f0-9]{64})\z")]
    private static partial Regex ImageReference();
}
