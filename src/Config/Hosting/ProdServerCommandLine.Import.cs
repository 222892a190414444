using System;
using System.CommandLine;

namespace ProdServer.Config;

/// <summary>
/// <c>import django-prodserver [--settings MODULE] [--pythonpath DIR] [--python PATH] [--out FILE [--force|--merge]] [--csharp]</c>.
/// Its symbols live in a nested class, so that they exist before the root command (in the other file) takes them,
/// whatever order the compiler gives the two files' static fields.
/// </summary>
internal sealed partial class ProdServerCommandLine
{
    /// <summary>The import's options that take a value.</summary>
    private static string[] ImportOptionsWithValue => ImportSymbols.WithValue;

    private static Command ImportCommandSymbol => ImportSymbols.Command;

    /// <summary>What <c>import</c> asked for, or <see langword="null"/> when this is not an import.</summary>
    public ImportRequest? Import =>
        _result is { } result && result.CommandResult.Command == ImportSymbols.Command
            ? new ImportRequest(
                ValueOf(result, ImportSymbols.Source) ?? string.Empty,
                ValueOf(result, ImportSymbols.Settings),
                ValueOf(result, ImportSymbols.PythonPath),
                ValueOf(result, ImportSymbols.Python),
                ValueOf(result, ImportSymbols.Out),
                ValueOf(result, ImportSymbols.CSharp),
                ValueOf(result, ImportSymbols.Force),
                ValueOf(result, ImportSymbols.Merge))
            : null;

    private static class ImportSymbols
    {
        public static readonly string[] WithValue = ["--settings", "--pythonpath", "--python"];

        public static readonly Argument<string> Source = new("SOURCE") { Description = "What to import from: django-prodserver." };

        public static readonly Option<string> Settings = new("--settings")
        {
            Description = "The Django settings module; default: DJANGO_SETTINGS_MODULE, else the one manage.py names.",
            HelpName = "MODULE",
        };

        public static readonly Option<string> PythonPath = new("--pythonpath")
        {
            Description = "The Django project's directory (holding manage.py); default: the current directory.",
            HelpName = "DIR",
        };

        public static readonly Option<string> Python = new("--python")
        {
            Description = "The Python interpreter that reads the settings; default: /usr/bin/python3 where it exists, else python3.",
            HelpName = "PATH",
        };

        public static readonly Option<string> Out = new("--out")
        {
            Description = "Write the result into FILE (never over an existing one unless --force) instead of standard output.",
            HelpName = "FILE",
        };

        public static readonly Option<bool> CSharp = new("--csharp") { Description = "Write the AddProdServer(o => ...) code with the typed records instead of appsettings.json." };

        public static readonly Option<bool> Force = new("--force") { Description = "Replace FILE when it exists (never a symbolic link)." };

        public static readonly Option<bool> Merge = new("--merge")
        {
            Description = "Write the processes into FILE when it exists, keeping the rest of it (its Logging section, other processes, a process's other keys); each process that was there is said.",
        };

        public static readonly Command Command = Create();

        private static Command Create()
        {
            Source.AcceptOnlyFromAmong(StringComparer.Ordinal, ["django-prodserver"]);
            return new Command("import", "Read django-prodserver's PRODUCTION_PROCESSES by running the project's Python once, and write the same processes as the ProdServer section of appsettings.json (or C#). Exit 1 when something could not be translated; each is listed with the reason.")
            {
                Source, Settings, PythonPath, Python, Out, CSharp, Force, Merge,
            };
        }
    }
}

/// <summary>The options of <c>import</c>.</summary>
/// <param name="Source">What to import from (<c>django-prodserver</c>).</param>
/// <param name="Settings">The settings module, or <see langword="null"/> to find it as Django does.</param>
/// <param name="PythonPath">The project's directory, or <see langword="null"/> for the content root.</param>
/// <param name="Python">The interpreter, or <see langword="null"/> for the default.</param>
/// <param name="OutputFile">The file to write, or <see langword="null"/> for standard output.</param>
/// <param name="CSharp">Whether to write C# instead of JSON.</param>
/// <param name="Force">Whether an existing file may be replaced.</param>
/// <param name="Merge">Whether the processes are merged into an existing file.</param>
internal sealed record ImportRequest(string Source, string? Settings, string? PythonPath, string? Python, string? OutputFile, bool CSharp, bool Force, bool Merge);
