using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

/// <summary>Turns a <see cref="ProcessDefinition"/> into a <see cref="LaunchPlan"/>: finds the executable and builds the environment.</summary>
public static class LaunchPlanner
{
    /// <summary>Plans the launch of <paramref name="process"/>.</summary>
    /// <param name="process">The process.</param>
    /// <param name="contentRoot">The directory relative paths are resolved against (the host's content root).</param>
    /// <param name="pathVariable">The <c>PATH</c> to search; defaults to the host's.</param>
    /// <param name="requireExecutable">
    /// When <see langword="false"/> (a dry run), a command that cannot be found is written as it is configured instead of failing.
    /// </param>
    /// <returns>The plan.</returns>
    /// <exception cref="ServerLaunchException">The command or the working directory cannot be found.</exception>
    public static LaunchPlan Plan(ProcessDefinition process, string contentRoot, string? pathVariable = null, bool requireExecutable = true)
    {
        ArgumentNullException.ThrowIfNull(process);
        pathVariable ??= System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var workingDirectory = Path.GetFullPath(process.WorkingDirectory ?? ".", contentRoot);
        if (requireExecutable && !Directory.Exists(workingDirectory))
        {
            throw new ServerLaunchException(process.Name,
                $"Process '{process.Name}': WorkingDirectory '{workingDirectory}' does not exist.");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Python buffers stdout when it is a pipe; unbuffered, log lines reach ILogger as they are written.
            ["PYTHONUNBUFFERED"] = "1",
        };

        var arguments = process.Backend.BuildArguments(process);
        string executable;
        if (process.Venv is { } venvSetting)
        {
            var venv = Path.GetFullPath(venvSetting, contentRoot);
            var bin = Path.Combine(venv, OperatingSystem.IsWindows() ? "Scripts" : "bin");
            environment["VIRTUAL_ENV"] = venv;
            environment["PATH"] = bin + Path.PathSeparator + pathVariable;
            var command = FindIn(bin, process.Backend.Command);
            if (command is not null && process.Python is null)
            {
                executable = command;
            }
            else
            {
                executable = process.Python ?? FindIn(bin, "python") ?? (requireExecutable ? null : Path.Combine(bin, process.Backend.Command)) ?? throw new ServerLaunchException(process.Name,
                    $"Process '{process.Name}': the virtual environment '{venv}' has neither {process.Backend.Command} nor python in {bin}. Install it there: {process.Backend.InstallHint}.");
                arguments = [.. PythonArguments(process), .. arguments];
            }
        }
        else if (process.Python is { } python)
        {
            executable = ResolveCommand(python, pathVariable, contentRoot) ?? (requireExecutable ? null : python) ?? throw new ServerLaunchException(process.Name,
                $"Process '{process.Name}': the Python interpreter '{python}' (Python) was not found.");
            arguments = [.. PythonArguments(process), .. arguments];
        }
        else
        {
            executable = ResolveCommand(process.Backend.Command, pathVariable, contentRoot) ?? (requireExecutable ? null : process.Backend.Command) ?? throw new ServerLaunchException(process.Name,
                $"Process '{process.Name}': {process.Backend.Command} was not found on PATH. Install it ({process.Backend.InstallHint}), or set Python to an interpreter that has it, or Venv to a virtual environment.");
        }

        if (process.PythonPath.Count > 0)
        {
            var inherited = System.Environment.GetEnvironmentVariable("PYTHONPATH");
            var paths = process.PythonPath.Select(p => Path.GetFullPath(p, contentRoot));
            environment["PYTHONPATH"] = string.Join(Path.PathSeparator, string.IsNullOrEmpty(inherited) ? paths : paths.Append(inherited));
        }

        foreach (var (name, value) in process.Environment)
        {
            environment[name] = value;
        }

        return new LaunchPlan(process.Name, executable, arguments, workingDirectory, environment);
    }

    private static string[] PythonArguments(ProcessDefinition process) => ["-c", process.Backend.PythonEntryPoint];

    /// <summary>Finds a command the way a shell does: a path is taken as it is, a bare name is searched on <paramref name="pathVariable"/>.</summary>
    private static string? ResolveCommand(string command, string pathVariable, string contentRoot)
    {
        if (command.Contains('/') || command.Contains(Path.DirectorySeparatorChar))
        {
            var full = Path.GetFullPath(command, contentRoot);
            return File.Exists(full) ? full : null;
        }

        return pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => FindIn(dir, command))
            .FirstOrDefault(found => found is not null);
    }

    private static string? FindIn(string directory, string command)
    {
        var candidates = OperatingSystem.IsWindows() ? new[] { command + ".exe", command } : new[] { command };
        return candidates.Select(c => Path.Combine(directory, c)).FirstOrDefault(File.Exists);
    }
}
