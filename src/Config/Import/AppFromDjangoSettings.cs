using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// For <c>--check</c>: web processes without <c>App</c> in a Django project are told which app django-prodserver would
/// serve, read from <c>WSGI_APPLICATION</c>/<c>ASGI_APPLICATION</c> by running the project's Python once. Start-up never
/// does this (no Python runs before the launch); it keeps requiring <c>App</c> and points here.
/// </summary>
internal static class AppFromDjangoSettings
{
    /// <summary>One line per web process without an app, saying which app the Django settings name; empty when there is none or no Django project.</summary>
    /// <param name="services">The host's services, whose options failed validation.</param>
    /// <param name="contentRoot">The content root, against which working directories resolve.</param>
    /// <param name="cancellationToken">Stops the Python run.</param>
    public static async Task<IReadOnlyList<string>> DescribeAsync(IServiceProvider services, string contentRoot, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var candidates = UnvalidatedOptions.Of(services).Processes
            .Where(p => string.IsNullOrWhiteSpace(p.App) && DjangoApplicationSetting.For(p.Backend) is not null)
            .ToList();
        // One Python run per project (working directory, interpreter, settings module), however many processes share it.
        foreach (var group in candidates.GroupBy(p => (Directory: Path.GetFullPath(p.WorkingDirectory ?? ".", contentRoot), Python: Interpreter(p, contentRoot), Settings: SettingsModule(p))))
        {
            if (!DjangoProject.IsPresent(group.Key.Directory) && group.Key.Settings is null)
            {
                continue; // no Django project here: nothing to read
            }

            DjangoSettingsSnapshot snapshot;
            try
            {
                var project = DjangoProject.Find(group.Key.Directory, group.Key.Settings);
                snapshot = await DjangoSettingsReader.ReadAsync(project, group.Key.Python, recordEnvironmentReads: false, cancellationToken).ConfigureAwait(false);
            }
            catch (DjangoSettingsException ex)
            {
                lines.AddRange(group.Select(p => $"Process '{p.Name}': App is not set, and reading the Django settings for it failed: {ex.Message}"));
                continue;
            }

            foreach (var process in group)
            {
                var setting = DjangoApplicationSetting.For(process.Backend)!;
                lines.Add(snapshot.Application(setting) is { } value
                    ? $"Process '{process.Name}': App is not set; {setting} in {snapshot.SettingsModule} is '{Names.Printable(value)}', so the app to use is \"App\": \"{Names.Printable(DjangoSettingsSnapshot.AppTarget(value))}\" (as django-prodserver serves it). Set it: start-up requires App and runs no Python to find it."
                    : $"Process '{process.Name}': App is not set, and {snapshot.SettingsModule} has no {setting} either: set App to the app to serve.");
            }
        }

        return lines;
    }

    // The interpreter the process's server would run with: its own, its venv's, or the default.
    private static string Interpreter(ProcessDefinition process, string contentRoot) =>
        process.Python ?? (process.Venv is { } venv ? Path.Combine(Path.GetFullPath(venv, contentRoot), "bin", "python") : BoundedPythonRun.DefaultInterpreter);

    private static string? SettingsModule(ProcessDefinition process) =>
        process.Environment.TryGetValue("DJANGO_SETTINGS_MODULE", out var module) && !string.IsNullOrWhiteSpace(module) ? module : null;
}
