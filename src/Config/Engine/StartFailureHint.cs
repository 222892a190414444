using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>
/// What to change when a server failed because Python could not import a module, from the line it said: its own
/// package missing from the interpreter that ran it (a <c>python3</c> first on <c>PATH</c> that is not the one the server
/// was installed for, such as a pyenv shim ahead of Debian's packages), the Django settings module that
/// <c>DJANGO_SETTINGS_MODULE</c> names, or the project's module (the app's) not found from the working directory. The engine adds it after the server's own words when it reports the failure.
/// </summary>
internal static partial class StartFailureHint
{
    // What manage.py says when the Python that runs it has no Django (Django's own template of manage.py, every release).
    private const string DjangoMissing = "Couldn't import Django";

    private const string WhereToStart = "set WorkingDirectory to the directory that holds it, where manage.py is, or add its parent to PythonPath";

    /// <summary>The hint for <paramref name="line"/> (the server's failure line), or <see langword="null"/> when it is not an import failure.</summary>
    /// <param name="process">The process that failed.</param>
    /// <param name="line">What it said (already escaped for the log).</param>
    /// <param name="interpreterWith">
    /// Finds another Python that has a module (<see cref="ServerVersionCheck.InterpreterWith(LaunchPlan, string)"/> for the failed plan), to name
    /// it when the server's own package is missing; <see langword="null"/> to name none.
    /// </param>
    /// <returns>The hint in parentheses, starting with a space, to add after the line; or <see langword="null"/>.</returns>
    public static string? For(ProcessDefinition process, string line, Func<string, string?>? interpreterWith = null) =>
        Sentence(process, line, interpreterWith) is { } sentence ? $" ({sentence})" : null;

    /// <summary>
    /// The hint as a sentence of its own, for a report that quotes the failure line above it (<c>--check</c>), or
    /// <see langword="null"/>.
    /// </summary>
    /// <param name="process">The process that failed.</param>
    /// <param name="line">What it said (already escaped for the log).</param>
    /// <param name="interpreterWith">As for <see cref="For"/>.</param>
    /// <returns>The sentence, without a final period, or <see langword="null"/>.</returns>
    public static string? Sentence(ProcessDefinition process, string line, Func<string, string?>? interpreterWith = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (line.Contains(DjangoMissing, StringComparison.Ordinal))
        {
            // manage.py wraps a missing Django in an ImportError of its own, so "No module named" is never said.
            var other = interpreterWith?.Invoke("django") is { } found
                ? ServerVersionCheck.UseInterpreter(found)
                : "; Debian's python3-django is for /usr/bin/python3";
            return $"the Python that ran manage.py has no module django: install Django for it (pip install Django, or Debian's python3-django), or set Python or Venv to an interpreter that has it{other}";
        }

        if (MissingModule().Match(line) is not { Success: true } match)
        {
            return null;
        }

        var module = match.Groups["module"].Value;
        var settings = SettingsModule(process);
        if (string.Equals(module, settings?.Trim(), StringComparison.Ordinal))
        {
            // The settings module named exactly, not the app's: the app's own module may well have been found.
            return $"DJANGO_SETTINGS_MODULE names {module}, which Python could not import: check the name, or {WhereToStart}";
        }

        var top = TopLevel(module);
        var appModule = process.App?.Split(':')[0];
        var projectModules = new[] { appModule, settings };
        if (projectModules.Any(m => m is { Length: > 0 } && TopLevel(m) == top))
        {
            // Python names the whole dotted path only once every package before its last part has imported (a missing
            // package is named alone): the working directory is right, the module is what is missing. Waitress's
            // "Bad module" says nothing of the kind.
            if (module.LastIndexOf('.') is var dot and > 0 && line.Contains("No module named", StringComparison.Ordinal))
            {
                var file = module.Replace('.', '/') + ".py";
                var what = string.Equals(module, appModule, StringComparison.Ordinal)
                    ? $"check App ({ProdServerOptions.SectionName}:Processes:{process.Name}:App), or add the file"
                        + (module.EndsWith(".asgi", StringComparison.Ordinal) ? " (django-admin startproject writes asgi.py since Django 3.0; an older project needs one for an ASGI server)" : string.Empty)
                    : "check the name where the project imports it";
                return $"Python found the project's package {module[..dot]}, but no module {module} in it ({file}): {what}";
            }

            return $"the project's module {module} was not found from the working directory: {WhereToStart}";
        }

        var backend = process.Backend;
        if (backend.DistributionNames.Append(backend.Command).Any(name => Normalized(name) == top))
        {
            // The package's name, not the backend's: "install celery", not "install CeleryWorker".
            var package = backend.DistributionName ?? backend.Command;
            var other = interpreterWith?.Invoke(module) is { } found
                ? ServerVersionCheck.UseInterpreter(found)
                : "; Debian's python3-* packages are for /usr/bin/python3";
            return $"the Python that ran it has no module {module}: install {package} for it ({backend.InstallHint}), or set Python or Venv to an interpreter that has it{other}";
        }

        // A package or one of the project's own: it cannot be told from here.
        return $"Python could not import {module}: if it is a package, install it for the interpreter that ran the server, or set Python or Venv to one that has it; if it is the project's, set WorkingDirectory or PythonPath";
    }

    private static string? SettingsModule(ProcessDefinition process) =>
        process.Environment.TryGetValue("DJANGO_SETTINGS_MODULE", out var settings) ? settings : System.Environment.GetEnvironmentVariable("DJANGO_SETTINGS_MODULE");

    private static string TopLevel(string module) => Normalized(module.Split('.')[0]);

    private static string Normalized(string name) => name.Trim().Replace('-', '_').ToLowerInvariant();

    // Python's own words ("No module named celery" from python -m, "ModuleNotFoundError: No module named 'mysite'"), and
    // waitress's for an app it cannot import ("Error: Bad module 'mysite.wsgi'"). Module names are Python identifiers in
    // any script (PythonTargetSyntax), so "café" is read whole rather than as "caf".
    [GeneratedRegex("""(?:No module named|Bad module) '?(?<module>[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_.-]*)'?""", RegexOptions.CultureInvariant)]
    private static partial Regex MissingModule();
}
