using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;

namespace ProdServer.Config;

/// <summary>
/// Reports settings the installed server does not accept before it is started, instead of leaving them to a usage error
/// (gunicorn's <c>--log-config-json</c> on Debian's 20.1.0). Costs nothing when no version-limited setting is used: the
/// installed version is only read (one short Python run) when <see cref="ServerBackend.GetVersionRequirements"/> is not empty.
/// For <c>--check</c> it also asks the interpreter of a <c>python -m</c> launch whether the module is there at all
/// (<see cref="MissingModule"/>).
/// </summary>
internal static class ServerVersionCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Throws when the installed server is outside what the process's settings need.</summary>
    /// <param name="process">The process.</param>
    /// <param name="plan">Its launch plan, whose interpreter (or console script) tells which installation is used.</param>
    /// <param name="probe">Reads the installed version for a plan; defaults to <see cref="ReadInstalledVersion"/>. For tests.</param>
    /// <returns>The installed version when it was read, otherwise <see langword="null"/> (nothing to check, or unreadable).</returns>
    /// <exception cref="ServerLaunchException">A setting needs another release than the installed one.</exception>
    public static string? Ensure(ProcessDefinition process, LaunchPlan plan, Func<LaunchPlan, string, string?>? probe = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(plan);
        var requirements = process.Backend.GetVersionRequirements(process);
        if (requirements.Count == 0 || process.Backend.DistributionNames.Count == 0)
        {
            return null;
        }

        // The first distribution name that is installed tells the version (DistributionNames lists forks sharing one numbering).
        // An unreadable version is not an error of the configuration: the server itself still reports what it rejects.
        string? distribution = null, installed = null;
        foreach (var name in process.Backend.DistributionNames)
        {
            if ((probe ?? ReadInstalledVersion)(plan, name) is { } version)
            {
                (distribution, installed) = (name, version);
                break;
            }
        }

        if (distribution is null || installed is null)
        {
            return null;
        }

        var unmet = requirements.Where(r => !r.IsMetBy(installed)).ToList();
        if (unmet.Count > 0)
        {
            var lines = unmet.Select(r =>
                $"Process '{process.Name}': {r.Setting} needs {r.Describe(distribution)}, but the installed {distribution} is {installed}. " +
                $"Upgrade {distribution}, or remove the setting. ({ProdServerOptions.SectionName}:Processes:{process.Name}:{r.Key})");
            throw new ServerLaunchException(process.Name, string.Join(Environment.NewLine, lines));
        }

        return installed;
    }

    /// <summary>
    /// Reads the installed version of <paramref name="distribution"/> with the interpreter that <paramref name="plan"/> runs:
    /// the plan's own executable when it is an interpreter (<c>python -m</c>, <c>python -c</c>, <c>manage.py</c>), else the one
    /// named by the console script's <c>#!</c> line.
    /// </summary>
    /// <param name="plan">The launch plan.</param>
    /// <param name="distribution">The Python distribution, for example <c>gunicorn</c>.</param>
    /// <returns>The version, or <see langword="null"/> when it cannot be read.</returns>
    public static string? ReadInstalledVersion(LaunchPlan plan, string distribution)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return RunPython(plan, "import sys, importlib.metadata as m; print(m.version(sys.argv[1]))", distribution) is (0, var output)
            && output.Trim() is var version && IsVersion(version)
            ? version
            : null;
    }

    /// <summary>
    /// For a <c>python -m MODULE</c> launch (<c>--check</c>): the module when the interpreter the plan runs cannot find it
    /// (a pyenv <c>python3</c> first on <c>PATH</c> while the server came from Debian's packages), else <see langword="null"/>
    /// — found, not such a launch, or the interpreter could not be asked.
    /// </summary>
    /// <param name="plan">The launch plan.</param>
    /// <returns>The missing module, or <see langword="null"/>.</returns>
    public static string? MissingModule(LaunchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Arguments.Count < 2 || plan.Arguments[0] != "-m")
        {
            return null;
        }

        // find_spec as -m looks the module up (the working directory first on sys.path, the plan's environment), without
        // importing it: exit 3 is "not there"; anything else (a broken interpreter, a parent package that fails) is left
        // to the server's own start to report.
        var module = plan.Arguments[1];
        return RunPython(plan, FindSpec, module) is (3, _) ? module : null;
    }

    /// <summary>
    /// Another Python on this machine that has <paramref name="module"/>, for a plan whose interpreter lacks it: the other
    /// <c>python3</c> on <c>PATH</c> (a pyenv shim often comes before Debian's), then <c>/usr/bin/python3</c>, whose
    /// <c>python3-*</c> packages Debian's servers are. Each is asked as <see cref="MissingModule"/> asks, in the plan's
    /// directory and environment; at most <see cref="MaxCandidates"/> of them. <see langword="null"/> when none has it.
    /// </summary>
    /// <param name="plan">The plan that runs <c>INTERPRETER -m MODULE</c>.</param>
    /// <param name="module">The module its interpreter lacks.</param>
    /// <returns>The interpreter's path, or <see langword="null"/>.</returns>
    public static string? InterpreterWith(LaunchPlan plan, string module) =>
        InterpreterWith(plan, module, System.Environment.GetEnvironmentVariable("PATH"));

    /// <summary><see cref="InterpreterWith(LaunchPlan, string)"/> with <paramref name="searchPath"/> as <c>PATH</c>.</summary>
    internal static string? InterpreterWith(LaunchPlan plan, string module, string? searchPath)
    {
        ArgumentNullException.ThrowIfNull(plan);

        // By the path as written, not the link's target: a virtualenv's bin/python3 links to /usr/bin/python3 and still
        // is another environment (its pyvenv.cfg decides what it imports).
        var tried = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(plan.Executable) };
        foreach (var candidate in Candidates(searchPath).Take(MaxCandidates))
        {
            if (tried.Add(Path.GetFullPath(candidate))
                && RunPython(plan with { Executable = candidate, Arguments = ["-m", module] }, FindSpec, module) is (0, _))
            {
                return candidate;
            }
        }

        return null;

        static IEnumerable<string> Candidates(string? searchPath)
        {
            foreach (var directory in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var python = Path.Combine(directory, LaunchPlanner.DefaultPython);
                if (Path.IsPathRooted(python) && File.Exists(python))
                {
                    yield return python;
                }
            }

            if (!OperatingSystem.IsWindows() && File.Exists("/usr/bin/python3"))
            {
                yield return "/usr/bin/python3";
            }
        }
    }

    /// <summary>
    /// The end of a message that names <paramref name="interpreter"/> (found by <see cref="InterpreterWith(LaunchPlan, string)"/>):
    /// the setting to write, with the path as a JSON string, so that a quote or a backslash in it can be pasted as it is.
    /// </summary>
    public static string UseInterpreter(string interpreter)
    {
        // Quotes and backslashes escaped for JSON, control characters as \u escapes (which also keeps them off the terminal).
        var json = JsonEncodedText.Encode(interpreter, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        return $"; {Names.PrintablePath(interpreter)} has it: set \"Python\": \"{json}\" on the process";
    }

    // Exits 0 when the module named by its argument can be found as -m finds it, 3 when it cannot.
    private const string FindSpec = "import sys, importlib.util as u; sys.exit(0 if u.find_spec(sys.argv[1]) else 3)";

    // Interpreters asked for a module another one lacks: each costs a Python start (~20 ms).
    private const int MaxCandidates = 6;

    // Runs `INTERPRETER -c CODE ARGUMENT` in the plan's directory and environment: its exit code and the first bytes it
    // printed, or null when it could not be run or did not finish in time.
    private static (int ExitCode, string Output)? RunPython(LaunchPlan plan, string code, string argument)
    {
        if (Interpreter(plan) is not { } interpreter)
        {
            return null;
        }

        var info = PlanStartInfo.For(plan, interpreter[0], [.. interpreter.Skip(1), "-c", code, argument]);
        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            // What the interpreter prints is the installed packages' to choose (a sitecustomize, a distribution's METADATA):
            // only the first bytes are kept, and the error stream is drained, not kept.
            var output = BoundedText.ReadAsync(process.StandardOutput, MaxVersionLength + 2, stopAtLimit: false, CancellationToken.None);
            _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
            if (!process.WaitForExit(ProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return (process.ExitCode, output.GetAwaiter().GetResult().Text);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    // Versions longer than this are not read as one (PEP 440 sets no limit; real ones are under 30 characters).
    private const int MaxVersionLength = 64;

    /// <summary>
    /// Whether <paramref name="text"/> can be a version, and so be printed in a message as it is: a digit first, then only
    /// the characters of PEP 440 versions (letters, digits, <c>.</c>, <c>!</c>, <c>+</c>, <c>-</c>, <c>_</c>), at most
    /// <see cref="MaxVersionLength"/> of them. Anything else (an escape sequence, a second line) is no version.
    /// </summary>
    /// <param name="text">What the interpreter printed, trimmed.</param>
    /// <returns>Whether it is a version.</returns>
    internal static bool IsVersion(string text) =>
        text.Length is > 0 and <= MaxVersionLength
        && char.IsAsciiDigit(text[0])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '!' or '+' or '-' or '_');

    /// <summary>The interpreter (with any arguments of an <c>#!/usr/bin/env python3</c> line) that runs the plan's server, or <see langword="null"/> when it is not a Python.</summary>
    internal static string[]? Interpreter(LaunchPlan plan)
    {
        if (plan.Arguments.Count > 0 && (plan.Arguments[0] is "-m" or "-c" || plan.Arguments[0].EndsWith(".py", StringComparison.Ordinal)))
        {
            return [plan.Executable];
        }

        try
        {
            using var reader = new StreamReader(plan.Executable);
            var first = reader.ReadLine();
            if (first is null || !first.StartsWith("#!", StringComparison.Ordinal))
            {
                return null;
            }

            var words = first[2..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return words.Length > 0 && words.Any(w => w.Contains("python", StringComparison.Ordinal)) ? words : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
