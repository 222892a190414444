using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>
/// What every writer checks before it writes a line: the names and paths it will write can be carried (see
/// <see cref="ExportText"/>), each process name reads back as that process on the app's command line, and no two
/// processes share a file, unit or service once their names are made safe for the target.
/// </summary>
internal static partial class DeploymentCheck
{
    private const string Export = "the export";

    /// <summary>Refuses a deployment whose common fields no target can carry; see the class remarks.</summary>
    public static void Common(Deployment deployment)
    {
        if (!AppName().IsMatch(deployment.AppName))
        {
            throw ExportText.Refused(Export, "the app name", $"'{ExportText.Printable(deployment.AppName)}' must be letters, digits, '-' and '_', starting with a letter or digit");
        }

        if (deployment.Command.Count == 0)
        {
            throw ExportText.Refused(Export, "--exec", "names no command");
        }

        foreach (var word in deployment.Command)
        {
            ExportText.Carryable(Export, "--exec", word);
        }

        AbsolutePath(Export, "the working directory (content root)", deployment.WorkingDirectory);
        ExportText.Carryable(Export, "--environment", deployment.EnvironmentName);
        if (deployment.User is { } user && !UserName().IsMatch(user))
        {
            throw ExportText.Refused(Export, "--user", $"'{ExportText.Printable(user)}' is not a user name or a uid");
        }

        if (deployment.Image is { } image)
        {
            ExportText.Carryable(Export, "--image", image);
        }

        foreach (var file in deployment.EnvFiles)
        {
            AbsolutePath(Export, "--env-file", file);
        }

        foreach (var process in deployment.Processes)
        {
            ProcessName(process);
        }
    }

    /// <summary>Refuses a path that is not absolute or holds a character no target can carry.</summary>
    public static string AbsolutePath(string owner, string key, string path)
    {
        ExportText.Carryable(owner, key, path);
        if (!Path.IsPathFullyQualified(path))
        {
            throw ExportText.Refused(owner, key, $"'{ExportText.Printable(path)}' must be an absolute path");
        }

        return path;
    }

    /// <summary>
    /// Refuses two processes whose keys (file, unit or service names) are equal, ignoring case as case-insensitive file
    /// systems and Kubernetes do: the second would overwrite the first, or the tool would run only one of them.
    /// </summary>
    public static void Unique(Deployment deployment, Func<ProcessDefinition, string> key, string what)
    {
        var seen = new Dictionary<string, ProcessDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var process in deployment.Processes)
        {
            var name = key(process);
            if (seen.TryGetValue(name, out var first))
            {
                throw new ExportRefusedException(
                    $"{ExportText.Process(first)} and {ExportText.Process(process)} both become the {what} '{ExportText.Printable(name)}': rename one of them.");
            }

            seen.Add(name, process);
        }
    }

    /// <summary>
    /// Refuses a process whose key (unit, service or object name) is the release steps' own, which the target writes
    /// beside the processes: one would overwrite the other.
    /// </summary>
    public static void NotReleaseName(Deployment deployment, Func<ProcessDefinition, string> key, string releaseKey, string what)
    {
        if (deployment.Processes.FirstOrDefault(p => string.Equals(key(p), releaseKey, StringComparison.OrdinalIgnoreCase)) is { } process)
        {
            throw ExportText.Refused(ExportText.Process(process), "its name",
                $"becomes the {what} '{ExportText.Printable(releaseKey)}', which runs the release steps: rename the process");
        }
    }

    private static void ProcessName(ProcessDefinition process)
    {
        var owner = ExportText.Process(process);
        ExportText.Carryable(owner, "its name", process.Name);
        // The exported command is "<app> NAME": a name the command line reads as an option or a subcommand would run
        // something else (a usage error, or the export itself) instead of the process.
        if (!ProdServerCommandLine.IsPlainRun([process.Name]))
        {
            throw ExportText.Refused(owner, "its name", "would be read as an option or a command on the exported command line (it starts with '-', '/', '@' or '[', or is 'export'); rename it (letters, digits, '_', '.', '-')");
        }
    }

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_-]*\z")]
    private static partial Regex AppName();

    [GeneratedRegex(@"\A(?:[A-Za-z_][A-Za-z0-9_.-]{0,31}|[0-9]{1,10})\z")]
    private static partial Regex UserName();
}
