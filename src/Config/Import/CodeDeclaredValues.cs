using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>
/// What the app's code declares for a process the import also writes, and which stays in force over it. Configuration is
/// laid over the code's declaration key by key: it sets a code value but cannot unset one, so the template's placeholder
/// <c>Broker</c>, which django-prodserver never passed, kept a migrated Celery worker on another Redis than the project's
/// <c>CELERY_BROKER_URL</c>, and nothing said so. One note per such process names those values (never what they hold:
/// they may be secrets), found by binding what is written over the code's declaration and over nothing, and comparing.
/// </summary>
internal static class CodeDeclaredValues
{
    /// <summary>The notes for <paramref name="imported"/>'s processes that the app's code declares too.</summary>
    /// <param name="declaredInCode">Makes the options as the app's code alone declares them, a new instance each call.</param>
    /// <param name="written">The appsettings.json document as written (the merged file when merging), holding the processes.</param>
    /// <param name="imported">The names of the imported processes.</param>
    /// <returns>One line per process for which a code value stays in force or a code backend is replaced; empty when none.</returns>
    public static List<string> Notes(Func<ProdServerOptions> declaredInCode, string written, IEnumerable<string> imported)
    {
        var code = declaredInCode();
        var names = imported.Where(n => code.Find(n) is not null).ToList();
        if (names.Count == 0)
        {
            return [];
        }

        var configuration = Configuration(written);
        var alone = new ProdServerOptions();
        ProdServerConfigurationBinder.Bind(configuration.GetSection(ProdServerOptions.SectionName), alone);
        var layered = declaredInCode();
        ProdServerConfigurationBinder.Bind(configuration.GetSection(ProdServerOptions.SectionName), layered);

        var notes = new List<string>();
        foreach (var name in names)
        {
            if (alone.Find(name) is not { } fromFile || layered.Find(name) is not { } running)
            {
                continue; // not bound (the import listed why): nothing runs to compare
            }

            var process = Names.Printable(name);
            foreach (var (_, warning, _) in layered.BindingWarnings.Where(w => string.Equals(w.Process, name, StringComparison.OrdinalIgnoreCase)))
            {
                notes.Add($"Process '{process}': the app's code declares it with {code.Find(name)!.Backend.Name}: {Names.Printable(warning, 1000)}");
            }

            if (Stayed(running, fromFile) is { Count: > 0 } stayed)
            {
                notes.Add($"Process '{process}': {string.Join(", ", stayed.Select(s => Names.Printable(s)))}, declared for it in the app's code, stay in force over the imported process "
                    + "(configuration sets a code value but cannot unset it), and django-prodserver passed none of them: "
                    + $"remove them from the code's declaration of '{process}' to run it as django-prodserver did.");
            }
        }

        return notes;
    }

    // What differs between the process as it will run (code, then the file) and as the file alone declares it: the
    // server's flags, and what decides which program runs where and with which environment. Supervision (Restart,
    // Readiness, DependsOn, …) is the launcher's own and has no django-prodserver counterpart to differ from.
    private static List<string> Stayed(ProcessDefinition running, ProcessDefinition fromFile)
    {
        var stayed = new List<string>();
        if (ReferenceEquals(running.Backend, fromFile.Backend))
        {
            stayed.AddRange(BackendSwitch.SetProperties(running.Args, fromFile.Args));
        }

        void Compare(string key, string? value, string? imported)
        {
            if (!string.Equals(value, imported, StringComparison.Ordinal))
            {
                stayed.Add(key);
            }
        }

        Compare(nameof(ProcessDefinition.App), running.App, fromFile.App);
        Compare(nameof(ProcessDefinition.WorkingDirectory), running.WorkingDirectory, fromFile.WorkingDirectory);
        Compare(nameof(ProcessDefinition.Python), running.Python, fromFile.Python);
        Compare(nameof(ProcessDefinition.Venv), running.Venv, fromFile.Venv);
        Compare(nameof(ProcessDefinition.ManagePy), running.ManagePy, fromFile.ManagePy);
        Compare(nameof(ProcessDefinition.PythonPath), string.Join('\0', running.PythonPath), string.Join('\0', fromFile.PythonPath));
        Compare(nameof(ProcessDefinition.EnvFiles), string.Join('\0', running.EnvFiles), string.Join('\0', fromFile.EnvFiles));
        foreach (var (variable, value) in running.Environment.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            Compare("Environment:" + variable, value, fromFile.Environment.TryGetValue(variable, out var imported) ? imported : null);
        }

        return stayed;
    }

    private static IConfiguration Configuration(string written)
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(written));
        return new ConfigurationBuilder().AddJsonStream(stream).Build();
    }
}
