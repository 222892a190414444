using System;
using System.IO;

namespace ProdServer.Config;

/// <summary>
/// The Python the imported processes run with. django-prodserver runs every server inside the Python that runs
/// <c>manage.py</c>, and the import has just read the settings with an interpreter that can import them; a process with
/// no <c>Python</c> or <c>Venv</c> would run <c>python3</c> from <c>PATH</c> instead (a pyenv shim ahead of Debian's
/// <c>/usr/bin/python3</c>, say), which may lack Django and the servers. So the processes keep the interpreter that read
/// the settings: a virtual environment's as <c>Venv</c> (a service has no activated environment), another interpreter as
/// <c>Python</c> unless it is the very file <c>python3</c> on <c>PATH</c> is.
/// </summary>
/// <param name="Python">The interpreter to set as <c>Python</c>, or <see langword="null"/>.</param>
/// <param name="Venv">The virtual environment to set as <c>Venv</c> (relative below the content root), or <see langword="null"/>.</param>
/// <param name="Note">What was set and why, for standard error, or <see langword="null"/> when nothing was.</param>
internal sealed record ImportedInterpreter(string? Python, string? Venv, string? Note)
{
    /// <summary>Nothing to set: the processes' default interpreter is the one that read the settings.</summary>
    public static readonly ImportedInterpreter Default = new(null, null, null);

    /// <summary>What the processes need to run with <paramref name="interpreter"/>, the one that read the settings.</summary>
    /// <param name="interpreter">The interpreter as given (<c>--python</c>) or defaulted.</param>
    /// <param name="contentRoot">The app's content root: relative paths resolve against it.</param>
    /// <param name="pathVariable">The <c>PATH</c> the processes would search.</param>
    public static ImportedInterpreter For(string interpreter, string contentRoot, string pathVariable)
    {
        if (LaunchPlanner.ResolveCommand(interpreter, pathVariable, contentRoot) is not { } used)
        {
            return Default; // it has just run, so this is a race with its removal: the start-up check will say
        }

        if (VirtualEnvironment(used) is { } venv)
        {
            var setting = ContentRootPath.Setting(venv, contentRoot);
            return new(null, setting,
                $"The settings were read by the virtual environment {Names.PrintablePath(venv)}: each process gets \"Venv\": \"{Names.Printable(setting)}\" " +
                "(django-prodserver runs every server in the Python that reads the settings; a service has no activated environment).");
        }

        var onPath = LaunchPlanner.ResolveCommand(LaunchPlanner.DefaultPython, pathVariable, contentRoot);
        if (onPath is not null && SameFile(onPath, used))
        {
            return Default;
        }

        var other = onPath is null ? "there is no python3 on PATH" : $"python3 on PATH is {Names.PrintablePath(onPath)}, another interpreter";
        return new(used, null,
            $"The settings were read by {Names.PrintablePath(used)}; {other}: each process gets \"Python\": \"{Names.Printable(used)}\" " +
            "(django-prodserver runs every server in the Python that reads the settings).");
    }

    // A venv's interpreter is DIR/bin/python* (Scripts\ on Windows) next to DIR/pyvenv.cfg; the path is not resolved first,
    // since a venv's python is a link to the base interpreter.
    private static string? VirtualEnvironment(string interpreter)
    {
        var bin = Path.GetDirectoryName(interpreter);
        var venv = bin is null ? null : Path.GetDirectoryName(bin);
        return venv is not null && Path.GetFileName(bin) is "bin" or "Scripts" && File.Exists(Path.Combine(venv, "pyvenv.cfg")) ? venv : null;
    }

    private static bool SameFile(string a, string b) => string.Equals(FinalPath(a), FinalPath(b), StringComparison.Ordinal);

    // A link loop is compared as written.
    private static string FinalPath(string path) => SymbolicLinks.FinalTarget(path) ?? Path.GetFullPath(path);
}
