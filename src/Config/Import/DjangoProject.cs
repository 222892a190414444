using System;
using System.IO;
using System.Text.RegularExpressions;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// A Django project on disk: its directory (holding <c>manage.py</c>, put first on <c>sys.path</c>) and its settings module,
/// found as Django finds it: <c>--settings</c>, else <c>DJANGO_SETTINGS_MODULE</c>, else the module <c>manage.py</c> sets
/// as its default.
/// </summary>
/// <param name="Directory">The project's directory.</param>
/// <param name="SettingsModule">The settings module, a dotted Python name.</param>
/// <param name="SettingsSource">Where the module came from: <c>--settings</c>, <c>DJANGO_SETTINGS_MODULE</c> or <c>manage.py</c>.</param>
internal sealed partial record DjangoProject(string Directory, string SettingsModule, string SettingsSource)
{
    /// <summary>The source of a settings module read from <c>manage.py</c>.</summary>
    public const string FromManagePy = "manage.py";

    /// <summary>Whether <paramref name="directory"/> holds a Django project (a <c>manage.py</c>), or the environment names a settings module.</summary>
    public static bool IsPresent(string directory) =>
        File.Exists(Path.Combine(directory, "manage.py")) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DJANGO_SETTINGS_MODULE"));

    /// <summary>Finds the project in <paramref name="directory"/>.</summary>
    /// <param name="directory">The project's directory.</param>
    /// <param name="settings">The settings module given on the command line, or <see langword="null"/>.</param>
    /// <returns>The project.</returns>
    /// <exception cref="DjangoSettingsException">No settings module can be found, or the one given is no Python module name.</exception>
    public static DjangoProject Find(string directory, string? settings)
    {
        var (module, source) = settings is not null ? (settings, "--settings")
            : Environment.GetEnvironmentVariable("DJANGO_SETTINGS_MODULE") is { Length: > 0 } fromEnvironment ? (fromEnvironment, "DJANGO_SETTINGS_MODULE")
            : ManagePyDefault(directory) is { } fromManagePy ? (fromManagePy, FromManagePy)
            : throw new DjangoSettingsException($"no settings module: '{Names.Printable(directory, 200)}' has no manage.py naming one and DJANGO_SETTINGS_MODULE is not set; give --settings MODULE (and --pythonpath DIR for the project's directory).");
        if (!PythonTargetSyntax.IsDottedName(module))
        {
            throw new DjangoSettingsException($"the settings module '{Names.Printable(module)}' ({source}) is not a dotted Python module name such as mysite.settings.");
        }

        return new DjangoProject(directory, module, source);
    }

    // manage.py as django-admin startproject writes it: os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings').
    private static string? ManagePyDefault(string directory)
    {
        var path = Path.Combine(directory, "manage.py");
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new StreamReader(path);
        var buffer = new char[64 * 1024]; // a manage.py is a few hundred bytes; bounded all the same
        var text = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
        return SettingsDefault().Match(text) is { Success: true } match ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"DJANGO_SETTINGS_MODULE['""]\s*,\s*['""]([A-Za-z_][A-Za-z0-9_.]*)['""]")]
    private static partial Regex SettingsDefault();
}
