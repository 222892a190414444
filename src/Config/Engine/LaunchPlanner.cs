using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

/// <summary>Turns a <see cref="ProcessDefinition"/> into a <see cref="LaunchPlan"/>: finds the executable and builds the environment.</summary>
internal static partial class LaunchPlanner
{
    /// <summary>Plans the launch of <paramref name="process"/>.</summary>
    /// <param name="process">The process.</param>
    /// <param name="contentRoot">The directory relative paths are resolved against (the host's content root).</param>
    /// <param name="pathVariable">The <c>PATH</c> to search; defaults to the host's.</param>
    /// <param name="requireExecutable">
    /// When <see langword="false"/> (a dry run), a command that cannot be found is written as it is configured instead of failing.
    /// </param>
    /// <param name="hostEnvironment">The environment the child would inherit, for scrubbing; defaults to the host's.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ServerLaunchException">The command or the working directory cannot be found, or an env file cannot be read.</exception>
    public static LaunchPlan Plan(
        ProcessDefinition process,
        string contentRoot,
        string? pathVariable = null,
        bool requireExecutable = true,
        IReadOnlyDictionary<string, string>? hostEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        pathVariable ??= System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var workingDirectory = Path.GetFullPath(process.WorkingDirectory ?? ".", contentRoot);
        if (requireExecutable && !Directory.Exists(workingDirectory))
        {
            throw new ServerLaunchException(process.Name,
                $"Process '{process.Name}': WorkingDirectory '{Names.PrintablePath(workingDirectory)}' does not exist.");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Python buffers stdout when it is a pipe; unbuffered, log lines reach ILogger as they are written.
            ["PYTHONUNBUFFERED"] = "1",
        };

        var context = new Context(process, contentRoot, pathVariable, requireExecutable, workingDirectory, environment);
        if (process.Venv is { } venvSetting)
        {
            var venv = Path.GetFullPath(venvSetting, contentRoot);
            context.VenvBin = Path.Combine(venv, OperatingSystem.IsWindows() ? "Scripts" : "bin");
            // Checked even beside Python, which then picks the interpreter: the server still gets this venv as VIRTUAL_ENV
            // and first on PATH, so a venv that is not there would pass every check and mislead whatever it runs.
            if (requireExecutable && !Directory.Exists(context.VenvBin))
            {
                throw new ServerLaunchException(process.Name,
                    $"Process '{process.Name}': the virtual environment (Venv) {Names.PrintablePath(venv)} has no {Path.GetFileName(context.VenvBin)} directory. Create it with python3 -m venv, or remove Venv.");
            }

            environment["VIRTUAL_ENV"] = venv;
            environment["PATH"] = context.VenvBin + Path.PathSeparator + pathVariable;
        }

        var (executable, prefix) = process.Backend.LaunchKind switch
        {
            LaunchKind.PythonModule => (Interpreter(context), new[] { "-m", process.Backend.Command }),
            LaunchKind.DjangoManage => (Interpreter(context), new[] { ManagePy(context), process.Backend.Command }),
            _ => ConsoleScript(context),
        };

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

        var fromFiles = LoadEnvFiles(process, contentRoot);
        var ignored = fromFiles.Keys.ToHashSet(StringComparer.Ordinal);
        var removed = Scrubbed(process, hostEnvironment ?? CurrentEnvironment(), fromFiles);
        ignored.ExceptWith(fromFiles.Keys);
        var implicitConfigFiles = process.Backend.GetImplicitConfigFiles(process, workingDirectory);
        return new LaunchPlan(process.Name, executable, [.. prefix, .. process.Backend.BuildArguments(process)], workingDirectory, environment)
        {
            RemovedEnvironment = removed,
            FileEnvironment = fromFiles,
            IgnoredFileEnvironment = [.. ignored.Order(StringComparer.Ordinal)],
            ImplicitConfigFiles = implicitConfigFiles,
            StopSignal = process.Backend.StopSignal,
            // A server that also reads a configuration file of its own may run what the typed options do not say.
            StopSignalRepeat = implicitConfigFiles.Count == 0 ? CheckedStopSignalRepeat(process) : null,
        };
    }

    /// <summary>
    /// Plans the launch of <paramref name="process"/> to start it before the host (an early start) or to check that it
    /// would start (<c>--check</c>): as <see cref="Plan"/>, and the files its server writes can be written
    /// (<see cref="WrittenFileCheck"/>; the supervisor asks that before each spawn of its own). Not for <c>manage</c>, which
    /// runs in the process's environment without starting its server.
    /// </summary>
    /// <exception cref="ServerLaunchException">As <see cref="Plan"/>, or a file the server writes cannot be written.</exception>
    public static LaunchPlan PlanStart(ProcessDefinition process, string contentRoot)
    {
        var plan = Plan(process, contentRoot);
        return WrittenFileCheck.Problem(process, plan.WorkingDirectory) is { } problem ? throw new ServerLaunchException(process.Name, problem) : plan;
    }

    // A backend's own answer (a custom backend is the app's code), checked: a repeat of zero would signal in a loop.
    private static TimeSpan? CheckedStopSignalRepeat(ProcessDefinition process) =>
        process.Backend.GetStopSignalRepeat(process) switch
        {
            null => null,
            var repeat when repeat >= StopEscalation.MinimumRepeat && repeat <= StopEscalation.MaximumRepeat => repeat,
            var repeat => throw new ServerLaunchException(process.Name, FormattableString.Invariant(
                $"Process '{process.Name}': the {process.Backend.Name} backend repeats the stop signal every {repeat}; it must be between {StopEscalation.MinimumRepeat} and {StopEscalation.MaximumRepeat}.")),
        };

    private static (string Executable, string[] Prefix) ConsoleScript(Context context)
    {
        var process = context.Process;
        var backend = process.Backend;
        if (process.Python is null && context.VenvBin is { } bin && FindIn(bin, backend.Command) is { } script)
        {
            return (script, []);
        }

        if (process.Python is not null || context.VenvBin is not null)
        {
            var entryPoint = backend.PythonEntryPoint is { } code ? new[] { "-c", code } : new[] { "-m", backend.Command };
            return (Interpreter(context), entryPoint);
        }

        return (ResolveCommand(backend.Command, context.PathVariable, context.ContentRoot)
            ?? (context.RequireExecutable ? null : backend.Command)
            ?? throw new ServerLaunchException(process.Name,
                $"Process '{process.Name}': {backend.Command} was not found on PATH. Install it ({backend.InstallHint}), or set Python to an interpreter that has it, or Venv to a virtual environment."),
            []);
    }

    /// <summary>The interpreter a process without <c>Python</c> or <c>Venv</c> runs, looked up on <c>PATH</c>.</summary>
    internal static string DefaultPython => OperatingSystem.IsWindows() ? "python" : "python3";

    // The configured interpreter, else the venv's python, else python3 on PATH.
    private static string Interpreter(Context context)
    {
        var process = context.Process;
        if (process.Python is { } python)
        {
            return ResolveCommand(python, context.PathVariable, context.ContentRoot)
                ?? (context.RequireExecutable ? null : python)
                ?? throw new ServerLaunchException(process.Name, $"Process '{process.Name}': the Python interpreter '{Names.PrintablePath(python)}' (Python) was not found.");
        }

        if (context.VenvBin is { } bin)
        {
            return FindIn(bin, "python") ?? FindIn(bin, "python3") ?? (context.RequireExecutable ? null : Path.Combine(bin, "python"))
                ?? throw new ServerLaunchException(process.Name,
                    $"Process '{process.Name}': the virtual environment (Venv) has no python and no {process.Backend.Command} in {Names.PrintablePath(bin)}. Create it with python3 -m venv, then install the server there: {process.Backend.InstallHint}.");
        }

        var fallback = DefaultPython;
        return ResolveCommand(fallback, context.PathVariable, context.ContentRoot)
            ?? (context.RequireExecutable ? null : fallback)
            ?? throw new ServerLaunchException(process.Name,
                $"Process '{process.Name}': no {fallback} on PATH to run {process.Backend.Command}; set Python (for example /usr/bin/python3) or Venv.");
    }

    private static string ManagePy(Context context) => ManagePy(context.Process, context.WorkingDirectory, context.RequireExecutable);

    /// <summary>
    /// The full path of <paramref name="process"/>'s manage.py: <see cref="ProcessDefinition.ManagePy"/>, else manage.py,
    /// from <paramref name="workingDirectory"/>; with <paramref name="mustExist"/>, refused when there is no such file.
    /// </summary>
    internal static string ManagePy(ProcessDefinition process, string workingDirectory, bool mustExist)
    {
        var managePy = Path.GetFullPath(process.ManagePy ?? "manage.py", workingDirectory);
        if (mustExist && !File.Exists(managePy))
        {
            throw new ServerLaunchException(process.Name, NoManagePy(process, managePy));
        }

        return managePy;
    }

    /// <summary>The one line for a <paramref name="process"/> whose manage.py, <paramref name="managePy"/>, does not exist.</summary>
    internal static string NoManagePy(ProcessDefinition process, string managePy) =>
        $"Process '{process.Name}': {Names.PrintablePath(managePy)} does not exist (ManagePy); set WorkingDirectory to the Django project, or ManagePy to its manage.py.";

    // From EnvFileCache: each file is read once per run, so restarts reuse what was read at start.
    private static Dictionary<string, string> LoadEnvFiles(ProcessDefinition process, string contentRoot)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in process.EnvFiles)
        {
            var path = Path.GetFullPath(file, contentRoot);
            var loaded = EnvFileCache.Read(path, out var problem)
                ?? throw new ServerLaunchException(process.Name, $"Process '{process.Name}': EnvFile {problem}");
            foreach (var (name, value) in loaded)
            {
                variables[name] = value;
            }
        }

        return variables;
    }

    /// <summary>
    /// Reads every env file of <paramref name="processes"/> now, once, and says what is wrong with each that cannot be used:
    /// the start (and <c>--dry-run</c>, <c>--check</c>) reads them here, so that later plans, restarts included, reuse the values.
    /// </summary>
    /// <returns>One line per unusable file, naming the first process that uses it.</returns>
    internal static IReadOnlyList<string> ReadEnvFiles(IEnumerable<ProcessDefinition> processes, string contentRoot)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var process in processes)
        {
            foreach (var file in process.EnvFiles)
            {
                var path = Path.GetFullPath(file, contentRoot);
                if (seen.Add(path) && EnvFileCache.Read(path, out var problem) is null)
                {
                    problems.Add($"Process '{process.Name}': EnvFile {problem}");
                }
            }
        }

        return problems;
    }

    // Variables that would silently change the server's options are removed from what the child inherits and, the same,
    // from what an env file gives (the file's value is dropped and its name listed); only Environment may set them.
    private static string[] Scrubbed(ProcessDefinition process, IReadOnlyDictionary<string, string> inherited, Dictionary<string, string> fromFiles)
    {
        var patterns = process.Backend.ScrubbedEnvironment;
        if (patterns.Count == 0)
        {
            return [];
        }

        var fromFile = fromFiles.Keys.Where(name => !process.Environment.ContainsKey(name) && patterns.Any(p => Matches(p, name))).ToList();
        foreach (var name in fromFile)
        {
            fromFiles.Remove(name);
        }

        return inherited.Keys
            .Where(name => !process.Environment.ContainsKey(name) && patterns.Any(p => Matches(p, name)))
            .Concat(fromFile)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

        static bool Matches(string pattern, string name) => pattern.EndsWith('*')
            ? name.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, name, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> CurrentEnvironment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return variables;
    }

    /// <summary>Finds a command the way a shell does: a path is taken as it is, a bare name is searched on <paramref name="pathVariable"/>.</summary>
    internal static string? ResolveCommand(string command, string pathVariable, string contentRoot)
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

    private sealed record Context(
        ProcessDefinition Process,
        string ContentRoot,
        string PathVariable,
        bool RequireExecutable,
        string WorkingDirectory,
        Dictionary<string, string> Environment)
    {
        public string? VenvBin { get; set; }
    }
}
