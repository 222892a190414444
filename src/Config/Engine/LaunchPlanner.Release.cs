using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

internal static partial class LaunchPlanner
{
    /// <summary>Plans a release step: its program (or interpreter), arguments, directory and environment.</summary>
    /// <param name="step">The step.</param>
    /// <param name="contentRoot">The directory relative paths are resolved against.</param>
    /// <param name="pathVariable">The <c>PATH</c> to search; defaults to the host's.</param>
    /// <returns>The plan, named <c>release:&lt;name&gt;</c>.</returns>
    /// <exception cref="ServerLaunchException">The program or the directory cannot be found.</exception>
    public static LaunchPlan PlanRelease(ReleaseStep step, string contentRoot, string? pathVariable = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        pathVariable ??= System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var name = "release:" + step.Name;
        var workingDirectory = Path.GetFullPath(step.WorkingDirectory ?? ".", contentRoot);
        if (!Directory.Exists(workingDirectory))
        {
            throw new ServerLaunchException(name, $"Release step '{step.Name}': WorkingDirectory '{Names.PrintablePath(workingDirectory)}' does not exist.");
        }

        var program = step.Python ?? step.Command.FirstOrDefault()
            ?? throw new ServerLaunchException(name, $"Release step '{step.Name}': Command is empty.");
        var executable = ResolveCommand(program, pathVariable, contentRoot) ?? throw new ServerLaunchException(name,
            $"Release step '{step.Name}': '{Names.PrintablePath(program)}' ({(step.Python is null ? "Command" : "Python")}) was not found.");
        var arguments = step.Python is null ? step.Command.Skip(1).ToArray() : step.Command.ToArray();
        var environment = new Dictionary<string, string>(step.Environment, StringComparer.Ordinal) { ["PYTHONUNBUFFERED"] = "1" };
        return new LaunchPlan(name, executable, arguments, workingDirectory, environment);
    }
}
