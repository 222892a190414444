using System.Collections.Generic;
using System.Text.Json;

namespace ProdServer.Config;

/// <summary>What <see cref="DjangoSettingsScript"/> read from a Django project's settings.</summary>
/// <param name="SettingsModule">The settings module that was read.</param>
/// <param name="Processes">
/// <c>PRODUCTION_PROCESSES</c> as the script tagged it (see <see cref="PythonValue"/>), or <see langword="null"/> when the
/// settings have none.
/// </param>
/// <param name="WsgiApplication"><c>WSGI_APPLICATION</c> (<c>mysite.wsgi.application</c>), or <see langword="null"/>.</param>
/// <param name="AsgiApplication"><c>ASGI_APPLICATION</c>, or <see langword="null"/>.</param>
/// <param name="HasLegacyProcesses">Whether the settings define <c>PROD_SERVERS</c>, django-prodserver 0.0.1's name for the processes.</param>
internal sealed record DjangoSettingsSnapshot(
    string SettingsModule, JsonElement? Processes, string? WsgiApplication, string? AsgiApplication, bool HasLegacyProcesses = false)
{
    /// <summary>What the settings printed while they were read (their stdout is diverted to stderr), as Python wrote it, bounded by <see cref="BoundedPythonRun.MaxError"/>.</summary>
    public string Printed { get; init; } = string.Empty;

    /// <summary>Whether what the settings printed could not be read to its end: a process they started, which cleared its environment (so it was not found and stopped), holds their standard error open.</summary>
    public bool PrintedHeldOpen { get; init; }

    /// <summary>The environment variables the settings read while they were imported, in order: name and the value they got (<see langword="null"/> when unset).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> EnvironmentReads { get; init; } = [];

    /// <summary>The processes the settings started and left running, stopped once they had been read (see <see cref="SettingsHelpers"/>).</summary>
    public IReadOnlyList<string> Stopped { get; init; } = [];

    /// <summary>The app target a web server is given for a Django <c>…_APPLICATION</c> setting, as django-prodserver makes it: the last dot becomes a colon.</summary>
    /// <param name="setting">For example <c>mysite.wsgi.application</c>.</param>
    /// <returns><c>mysite.wsgi:application</c>; a value without a dot is returned as it is.</returns>
    public static string AppTarget(string setting)
    {
        var dot = setting.LastIndexOf('.');
        return dot <= 0 ? setting : setting[..dot] + ":" + setting[(dot + 1)..];
    }

    /// <summary>The application setting for <paramref name="setting"/> (<c>WSGI_APPLICATION</c> or <c>ASGI_APPLICATION</c>).</summary>
    /// <param name="setting">The setting's name.</param>
    /// <returns>Its value, or <see langword="null"/>.</returns>
    public string? Application(string setting) => setting == DjangoApplicationSetting.Wsgi ? WsgiApplication : AsgiApplication;
}
