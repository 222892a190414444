using System;
using System.IO;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ProdServer.Config;

/// <summary>
/// A console host reads appsettings*.json from its content root, the current directory; started from another directory
/// (<c>/srv/site/bin/myapp web</c> run by cron, a unit file, a shell elsewhere) it would silently run on the configuration
/// written in code. The package copies appsettings*.json next to the program (build/ProdServer.Config.targets); when the
/// content root has no appsettings.json, those copies are read instead, in the same place of the order, so environment
/// variables and the command line still win.
/// </summary>
internal static class AppSettingsFromAppDirectory
{
    private const string AppSettings = "appsettings.json";

    public static void Apply(HostApplicationBuilder builder, string appDirectory)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        if (File.Exists(Path.Combine(contentRoot, AppSettings))
            || !File.Exists(Path.Combine(appDirectory, AppSettings))
            || string.Equals(Path.GetFullPath(contentRoot).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(appDirectory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            return;
        }

        var environmentFile = $"appsettings.{builder.Environment.EnvironmentName}.json";
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        // One provider for both files: each provider that is watched keeps a watcher of its own (a thread, an inotify
        // instance, a watch on every directory below the app's).
        PhysicalFileProvider? files = null;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } path } json
                && (string.Equals(path, AppSettings, StringComparison.OrdinalIgnoreCase) || string.Equals(path, environmentFile, StringComparison.OrdinalIgnoreCase)))
            {
                // Replacing the source (not mutating it) makes the ConfigurationManager reload it from the new place.
                sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = json.ReloadOnChange,
                    FileProvider = files ??= new PhysicalFileProvider(appDirectory),
                };
            }
        }
    }
}
