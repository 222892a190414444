using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>Reads a Django project's settings by running <see cref="DjangoSettingsScript"/> once with the project's Python.</summary>
internal static class DjangoSettingsReader
{
    /// <summary>Reads <paramref name="project"/>'s settings with <paramref name="interpreter"/>.</summary>
    /// <param name="project">The project.</param>
    /// <param name="interpreter">The Python to run.</param>
    /// <param name="recordEnvironmentReads">Whether to record the environment variables the settings read (<see cref="DjangoSettingsSnapshot.EnvironmentReads"/>).</param>
    /// <param name="cancellationToken">Stops the Python run.</param>
    /// <exception cref="DjangoSettingsException">Python could not run, the settings failed to import, or a bound was reached.</exception>
    public static async Task<DjangoSettingsSnapshot> ReadAsync(DjangoProject project, string interpreter, bool recordEnvironmentReads, CancellationToken cancellationToken)
    {
        string[] arguments = [project.SettingsModule, project.Directory, BoundedPythonRun.MaxOutput.ToString(System.Globalization.CultureInfo.InvariantCulture), recordEnvironmentReads ? "environ" : "-"];
        var run = await BoundedPythonRun.RunAsync(interpreter, DjangoSettingsScript.Source, arguments, project.Directory, cancellationToken).ConfigureAwait(false);
        var (code, output, error) = (run.Code, run.Output, run.Error);
        var where = $"the settings module '{project.SettingsModule}' ({project.SettingsSource}) in '{Names.Printable(project.Directory, 200)}'";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException)
        {
            throw new DjangoSettingsException($"{where} could not be read: Python exited {code} without an answer{LastLine(error)}.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DjangoSettingsException($"{where} could not be read: Python's answer was not the expected object.");
            }

            if (root.TryGetProperty("too_large", out var large) && large.ValueKind == JsonValueKind.String)
            {
                // Said apart from a failed import: the settings imported; one value is more than any configuration holds.
                throw new DjangoSettingsException(
                    $"{where}: {Names.Printable(large.GetString()!, 300)} is larger than the import reads ({BoundedPythonRun.MaxOutput / (1024 * 1024)} MiB as JSON, shared references counted each time); stopped while reading it, nothing was imported.");
            }

            if (code == DjangoSettingsScript.SettingsFailed || root.TryGetProperty("error", out _))
            {
                var reason = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "unknown error";
                throw new DjangoSettingsException($"{where} could not be imported: {Names.Printable(reason, 300)}{LastLine(error)}.");
            }

            JsonElement? processes = root.TryGetProperty("processes", out var p) && p.ValueKind != JsonValueKind.Null ? p.Clone() : null;
            var legacy = root.TryGetProperty("legacy", out var l) && l.ValueKind == JsonValueKind.True;
            return new DjangoSettingsSnapshot(
                project.SettingsModule, processes, Text(root, DjangoApplicationSetting.Wsgi), Text(root, DjangoApplicationSetting.Asgi), legacy)
            {
                Printed = error,
                EnvironmentReads = EnvironmentReads(root),
                Stopped = run.Stopped,
                PrintedHeldOpen = run.ErrorHeldOpen,
            };
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    // The last line Python wrote to stderr says why (the exception of a traceback), printable.
    private static string LastLine(string error) =>
        error.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) is { } line ? " (" + Names.Printable(line, 300) + ")" : string.Empty;

    // "environ": [[name, value or null], …], as the script recorded the reads.
    private static List<KeyValuePair<string, string?>> EnvironmentReads(JsonElement root)
    {
        var reads = new List<KeyValuePair<string, string?>>();
        if (root.TryGetProperty("environ", out var environ) && environ.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in environ.EnumerateArray())
            {
                if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2 && pair[0].ValueKind == JsonValueKind.String)
                {
                    reads.Add(new(pair[0].GetString()!, pair[1].ValueKind == JsonValueKind.String ? pair[1].GetString() : null));
                }
            }
        }

        return reads;
    }
}
