using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// <c>import django-prodserver</c>: reads the project's <c>PRODUCTION_PROCESSES</c> with its own Python (once, bounded),
/// translates it through the configuration binder, and writes appsettings.json's <c>ProdServer</c> section (or C#) to
/// standard output or <c>--out FILE</c>. What could not be translated is listed on standard error with the reason, and
/// makes the exit code 1; the rest is still written, so that the user fixes only what is listed.
/// </summary>
internal static class ImportCommand
{
    // An appsettings.json merged into is read whole: far above any real one, far below a memory problem.
    private const int MaxMergedBytes = 4 << 20;

    private static readonly TimeSpan MergeReadTimeout = TimeSpan.FromSeconds(10);

    // The most lines of what the settings printed that are passed on; the rest is counted.
    private const int PrintedLines = 20;

    // What the settings printed while they were read (a deprecation warning, a print): passed on, as Python itself would
    // have shown it, after "#" so that the output stays a list of notes; bounded, with what is left out counted.
    private static async Task SettingsPrintedAsync(string printed, TextWriter error)
    {
        var lines = printed.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        await error.WriteLineAsync("# The settings printed while being read:").ConfigureAwait(false);
        foreach (var line in lines.Take(PrintedLines))
        {
            await error.WriteLineAsync("#   " + Names.Printable(line, 300)).ConfigureAwait(false);
        }

        var kept = printed.Length >= BoundedPythonRun.MaxError ? $" (only the first {BoundedPythonRun.MaxError / 1024} KiB was kept)" : string.Empty;
        if (lines.Count > PrintedLines || kept.Length > 0)
        {
            await error.WriteLineAsync($"#   … {Math.Max(0, lines.Count - PrintedLines)} more line(s) not shown{kept}.").ConfigureAwait(false);
        }
    }

    /// <summary>Runs the import.</summary>
    /// <param name="request">What was asked.</param>
    /// <param name="serverFlags">Flags after <c>--</c> (refused: import takes none).</param>
    /// <param name="contentRoot">The host's content root.</param>
    /// <param name="output">Receives the result, or the written file's path.</param>
    /// <param name="error">Receives the notes and what was not imported.</param>
    /// <param name="cancellationToken">Stops reading the settings.</param>
    /// <param name="declaredInCode">Makes the options as the app's code alone declares them, for the notes on code values
    /// that stay in force over an imported process; <see langword="null"/> when the app declares none in code.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        ImportRequest request, IReadOnlyList<string> serverFlags, string contentRoot, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        Func<ProdServerOptions>? declaredInCode = null)
    {
        if (serverFlags.Count > 0)
        {
            await error.WriteLineAsync("import takes no server flags after --; run it without them.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (request.Merge && (request.OutputFile is null || request.CSharp || request.Force))
        {
            await error.WriteLineAsync("import: --merge writes into the appsettings.json given with --out; it takes neither --csharp nor --force.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (request.Force && request.OutputFile is null)
        {
            // Nothing is overwritten on standard output: a --force there means an --out was forgotten.
            await error.WriteLineAsync("import: --force overwrites the file given with --out; without --out the result goes to standard output.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        string directory;
        try
        {
            directory = Path.GetFullPath(request.PythonPath ?? ".", contentRoot);
        }
        catch (ArgumentException)
        {
            await error.WriteLineAsync("import: --pythonpath is not a valid path.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (!Directory.Exists(directory))
        {
            await error.WriteLineAsync($"import: --pythonpath '{Names.Printable(directory, 200)}' is not a directory.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        ImportResult result;
        DjangoProject project;
        string printed;
        IReadOnlyList<string> stopped;
        bool heldOpen;
        try
        {
            project = DjangoProject.Find(directory, request.Settings);
            var interpreter = request.Python ?? BoundedPythonRun.DefaultInterpreter;
            var snapshot = await DjangoSettingsReader.ReadAsync(project, interpreter, recordEnvironmentReads: true, cancellationToken).ConfigureAwait(false);
            printed = snapshot.Printed;
            stopped = snapshot.Stopped;
            heldOpen = snapshot.PrintedHeldOpen;
            var runsWith = ImportedInterpreter.For(interpreter, contentRoot, System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty);
            result = DjangoProdserverImporter.Translate(snapshot, new ImportedPlace(WorkingDirectory(directory, contentRoot), Environment(project), runsWith));
        }
        catch (DjangoSettingsException ex)
        {
            await error.WriteLineAsync("import: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        var text = request.CSharp
            ? ImportedCSharpWriter.Write(result.Processes, $"{project.SettingsModule}.PRODUCTION_PROCESSES")
            : ImportedAppSettingsWriter.Write(result.Processes);
        var notes = result.Notes.ToList();
        if (request.OutputFile is { } file)
        {
            string path;
            try
            {
                path = Path.GetFullPath(file, contentRoot);
            }
            catch (ArgumentException)
            {
                await error.WriteLineAsync("import: --out is not a valid path.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            try
            {
                var replace = request.Force;
                if (request.Merge && File.Exists(path) && new FileInfo(path).LinkTarget is null)
                {
                    text = AppSettingsMerge.Merge(
                        BoundedFile.ReadText(path, MaxMergedBytes, MergeReadTimeout, "an appsettings file"), text, Path.GetFileName(path), notes, project.SettingsModule);
                    replace = true;
                }

                ExportWriter.Write(Path.GetDirectoryName(path)!, [new ExportedFile(Path.GetFileName(path), text)], replace);
                await output.WriteLineAsync(Names.PrintablePath(path)).ConfigureAwait(false);
            }
            catch (ExportRefusedException ex)
            {
                var message = "import" + ex.Message["export".Length..]; // the writer speaks for export
                await error.WriteLineAsync(request.Merge ? message : message.Replace("give --force to replace it", "give --merge to write the processes into it, keeping the rest, or --force to replace it", StringComparison.Ordinal)).ConfigureAwait(false);
                return ExitCodes.InvalidConfiguration;
            }
            catch (Exception ex) when (ex is FormatException or TimeoutException)
            {
                // The merge's and the bounded reader's own messages start with the file.
                await error.WriteLineAsync("import: " + Names.PrintableLine(ex.Message, 1000)).ConfigureAwait(false);
                return ExitCodes.InvalidConfiguration;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or JsonException)
            {
                // Whatever else reading or merging the file throws (an ArgumentException here once meant a duplicate key,
                // and was said as "--out is not a valid path", exit 2) is about the file: one line naming it.
                await error.WriteLineAsync($"import: '{Names.PrintablePath(path)}': {Names.PrintableLine(ex.Message.TrimEnd('.'), 300)}; nothing was written.").ConfigureAwait(false);
                return ExitCodes.InvalidConfiguration;
            }
        }
        else
        {
            await output.WriteAsync(text).ConfigureAwait(false);
        }

        // The app's code runs the imported processes too where it declares them: what of it stays in force is said with
        // the notes (the C# is compared as its JSON twin: a second declaration in code is laid over the first the same way).
        if (declaredInCode is not null)
        {
            try
            {
                notes.AddRange(CodeDeclaredValues.Notes(declaredInCode, request.CSharp ? ImportedAppSettingsWriter.Write(result.Processes) : text, result.Processes.Select(p => p.Name)));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                // The app's own declaration throws (a configure callback returning null): every start will say so; the
                // import is written, and says why it could not compare.
                notes.Add($"The app's code declaration of its processes failed, so what of it stays in force over the imported processes is not known: {Names.PrintableLine(ex.Message, 300)}");
            }
        }

        // Said with the notes, once the result is written: a refusal above stays one line.
        await SettingsPrintedAsync(printed, error).ConfigureAwait(false);
        foreach (var helper in stopped.Take(PrintedLines))
        {
            await error.WriteLineAsync($"# The settings left a process running once they had been read; it was stopped (an import leaves nothing running): {helper}.").ConfigureAwait(false);
        }

        if (stopped.Count > PrintedLines)
        {
            await error.WriteLineAsync($"# … and {stopped.Count - PrintedLines} more process(es) the settings left running, stopped too.").ConfigureAwait(false);
        }

        if (heldOpen)
        {
            await error.WriteLineAsync("# What the settings printed is not shown: a process they started keeps their standard error open, and was left running (it is not this user's to see or stop).").ConfigureAwait(false);
        }

        foreach (var note in notes)
        {
            await error.WriteLineAsync("# " + note).ConfigureAwait(false);
        }

        foreach (var dropped in result.Dropped)
        {
            // Binder messages quote values as written; the importer's own are printable already and must not be escaped twice.
            var printable = Names.PrintableLine(dropped, 1000);
            await error.WriteLineAsync("not imported: " + printable).ConfigureAwait(false);
        }

        if (result.Dropped.Count == 0)
        {
            return ExitCodes.Ok;
        }

        await error.WriteLineAsync($"import: {result.Dropped.Count} item(s) of PRODUCTION_PROCESSES could not be translated (listed above); the rest was written.").ConfigureAwait(false);
        return ExitCodes.InvalidConfiguration;
    }

    // The servers import the app relative to their working directory: the project's, when it is not the content root.
    private static string? WorkingDirectory(string directory, string contentRoot) =>
        ContentRootPath.Setting(directory, contentRoot) is var setting && setting != "." ? setting : null;

    // django-prodserver ran every server inside `manage.py prodserver`, under the settings it read; here the servers start
    // on their own, so they are given the same module, also when it came from manage.py's default: a wsgi.py, asgi.py or
    // celery.py that defaults to another (cookiecutter-django's wsgi.py names production, its manage.py local) would win.
    private static IReadOnlyList<KeyValuePair<string, string>> Environment(DjangoProject project) =>
        [new("DJANGO_SETTINGS_MODULE", project.SettingsModule)];
}
