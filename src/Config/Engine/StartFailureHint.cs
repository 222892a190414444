using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>
/// What to change when a server failed because Python could not import a module, from the line it said: its own
/// package missing from the interpreter that ran it (a <c>python3</c> first on <c>PATH</c> that is not the one the server
/// was installed for, such as a pyenv shim ahead of Debian's packages), or the app's module not found from the
/// working directory. The engine adds it after the server's own words when it reports the failure.
/// </summary>
internal static partial class StartFailureHint
{
    /// <summary>The hint for <paramref name="line"/> (the server's failure line), or <see langword="null"/> when it is not an import failure.</summary>
    /// <param name="process">The process that failed.</param>
    /// <param name="line">What it said (already escaped for the log).</param>
    /// <returns>A sentence to add after the line, starting with a space, or <see langword="null"/>.</returns>
    public static string? For(ProcessDefinition process, string line)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (MissingModule().Match(line) is not { Success: true } match)
        {
            return null;
        }

        var module = match.Groups["module"].Value;
        var top = TopLevel(module);
        if (process.App is { Length: > 0 } app && top == TopLevel(app.Split(':')[0]))
        {
            return $" (the app's module {module} was not found from the working directory: set WorkingDirectory to the directory that holds it, where manage.py is, or add its parent to PythonPath)";
        }

        var backend = process.Backend;
        var install = backend.DistributionNames.Append(backend.Command).Any(name => Normalized(name) == top)
            ? $"install {backend.Name} for it ({backend.InstallHint})"
            : $"install {module} for it";
        return $" (the Python that ran it has no module {module}: {install}, or set Python or Venv to an interpreter that has it; Debian's python3-* packages are for /usr/bin/python3)";
    }

    private static string TopLevel(string module) => Normalized(module.Split('.')[0]);

    private static string Normalized(string name) => name.Trim().Replace('-', '_').ToLowerInvariant();

    // Python's own words ("No module named celery" from python -m, "ModuleNotFoundError: No module named 'mysite'"), and
    // waitress's for an app it cannot import ("Error: Bad module 'mysite.wsgi'").
    [GeneratedRegex("""(?:No module named|Bad module) '?(?<module>[A-Za-z_][A-Za-z0-9_.-]*)'?""", RegexOptions.CultureInvariant)]
    private static partial Regex MissingModule();
}
