using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// What a check script found wrong, read back from the lines it wrote (<c>prodserver-check: command django_q</c>,
/// <c>prodserver-check: name 0 ModuleNotFoundError: No module named 'x'</c>, <c>prodserver-check: setting beat_scheduler …</c>;
/// see <see cref="DjangoCommandCheck"/> and celery's check), as
/// one line each naming the process and the key, instead of the script's output quoted whole.
/// </summary>
internal static class CheckFindings
{
    private const string Prefix = "prodserver-check: ";

    /// <summary>The lines to write for what <paramref name="check"/> found (its stderr's last lines, escaped for the log), or none.</summary>
    /// <param name="process">The process checked.</param>
    /// <param name="check">The check's plan, whose interpreter the lines name.</param>
    /// <param name="errorOutput">The check's last stderr lines, already made printable.</param>
    public static IReadOnlyList<string> Messages(ProcessDefinition process, LaunchPlan check, string errorOutput)
    {
        var messages = new List<string>();
        foreach (var line in errorOutput.Split('\n'))
        {
            if (line.StartsWith(Prefix, StringComparison.Ordinal) && Message(process, check, line[Prefix.Length..].TrimEnd('\r')) is { } message)
            {
                messages.Add($"Process '{process.Name}': {message}");
            }
        }

        return messages;
    }

    private static string? Message(ProcessDefinition process, LaunchPlan check, string finding)
    {
        var backend = process.Backend;
        var python = Names.PrintablePath(check.Executable);
        var words = finding.Split(' ', 3);
        switch (words)
        {
            case ["command", var app]:
                var missing = $"manage.py has no command '{backend.Command}', which the {backend.Name} backend runs";
                if (backend.CommandApps.Contains(app, StringComparer.Ordinal))
                {
                    return $"{missing}: {app} is installed for {python} but not in INSTALLED_APPS of the settings manage.py loads; add '{app}' to INSTALLED_APPS.";
                }

                return backend.CommandApps.Count == 0
                    ? $"{missing}: {backend.InstallHint}."
                    : $"{missing}: {python} has no module {string.Join(" or ", backend.CommandApps)}; install it for that Python ({backend.InstallHint}), " +
                      $"or set Python or Venv to one that has it ({ProdServerOptions.SectionName}:Processes:{process.Name}:Python).";
            case ["name", var index, var error]
                when int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && backend.GetImportedNames(process) is var names && i < names.Count:
                return $"{names[i].Key} {Quoted.Value(Names.Printable(names[i].Name, Quoted.LongestShown))}, which {names[i].When ?? backend.Command + " imports at start"}, " +
                    $"cannot be imported by {python}: {error}.";
            case ["plugin", var command, ..] when command == backend.PluginCommand:
                // The names were not asked: they are the plugin's (flower's login handler) and may import it.
                var notChecked = backend.GetImportedNames(process) is { Count: > 0 } skipped ? $"; {string.Join(", ", skipped.Select(n => n.Key))} could not be checked without it" : "";
                return words.Length == 2
                    ? $"{backend.Command} has no command '{command}' with {python}: install {command} for that Python ({backend.InstallHint}), " +
                      $"or set Python or Venv to one that has it ({ProdServerOptions.SectionName}:Processes:{process.Name}:Python){notChecked}."
                    : $"{backend.Command}'s command '{command}' does not load with {python}, whose {command} package fails to import: {words[2]}{notChecked}.";
            case ["module", var index, var error]
                when int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && backend.GetRequiredModules(process) is var modules && i < modules.Count:
                return $"{modules[i].Key} needs the Python module {modules[i].Name}, which {backend.Command} imports at start, but {python} cannot import it: {error}; " +
                    $"install it for that Python, or choose another {modules[i].Key}.";
            case ["setting", var setting, var error] when setting.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '[' or ']' or '\'' or '.' or ':' or '-'):
                // A setting of the server's own, read where nothing configured here names the class (a beat's beat_scheduler,
                // RQ['WORKER_CLASS'] or RQ_QUEUES['high']['QUEUE_CLASS'], whose queue is an Args:Queues entry, a plain word).
                return $"{backend.ImportedSettingSource(setting)}, which {backend.Command} imports at start, cannot be imported by {python}: {error}.";
            default:
                return backend.DescribeCheckFinding(process, words);
        }
    }
}
