using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// What a .NET developer sets by habit for an environment and this app silently does not read: the launcher is a console
/// app, whose host takes its environment from <c>DOTNET_ENVIRONMENT</c> (or <c>--environment</c>), never from ASP.NET
/// Core's <c>ASPNETCORE_ENVIRONMENT</c>; and on Linux <c>appsettings.{Environment}.json</c> is found by its exact name, while
/// <c>IsDevelopment()</c> ignores case. Either way the production server ran where the dev server was meant (or the
/// reverse), with no word said. Each is one warning line, naming the variable or the file and what to change.
/// </summary>
internal static class EnvironmentNameNotes
{
    private const string AppSettings = "appsettings.json";

    /// <summary>
    /// Logs the warnings for the host the entry point runs (not for <see cref="ProdServerPlan"/>, whose environment is the
    /// test's choice and whose answer must not depend on the machine's variables).
    /// </summary>
    /// <param name="services">The host's services.</param>
    public static void Say(IServiceProvider services)
    {
        if (services.GetService<IHostEnvironment>() is not { } environment || services.GetService<ILoggerFactory>() is not { } loggers)
        {
            return;
        }

        var logger = loggers.CreateLogger("ProdServer.Configuration");
        foreach (var note in For(environment.EnvironmentName, environment.ContentRootPath, AppContext.BaseDirectory, System.Environment.GetEnvironmentVariable))
        {
            Log.HostConfigurationNote(logger, note);
        }
    }

    /// <summary>The warnings for a host in <paramref name="environmentName"/>, none when everything it was given is read.</summary>
    /// <param name="environmentName">The host's environment.</param>
    /// <param name="contentRoot">The host's content root.</param>
    /// <param name="appDirectory">The program's directory (read instead when the content root has no appsettings.json).</param>
    /// <param name="variable">Reads an environment variable.</param>
    public static IEnumerable<string> For(string environmentName, string contentRoot, string appDirectory, Func<string, string?> variable)
    {
        // Only when DOTNET_ENVIRONMENT is not set: one set beside it says which the user meant for this app.
        if (variable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspNet
            && variable("DOTNET_ENVIRONMENT") is null or ""
            && !string.Equals(aspNet, environmentName, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"ASPNETCORE_ENVIRONMENT={Names.Printable(aspNet)} is not read by this app (a console app's host reads DOTNET_ENVIRONMENT or "
                + $"--environment), so the environment is '{Names.Printable(environmentName)}'; set DOTNET_ENVIRONMENT={Names.Printable(aspNet)} instead.";
        }

        // The directory the host reads its settings from (see AppSettingsFromAppDirectory); a host built without a content
        // root (in code, in tests) reads no file.
        if (string.IsNullOrEmpty(contentRoot))
        {
            yield break;
        }

        var directory = File.Exists(Path.Combine(contentRoot, AppSettings)) || !File.Exists(Path.Combine(appDirectory, AppSettings)) ? contentRoot : appDirectory;
        var expected = $"appsettings.{environmentName}.json";
        if (File.Exists(Path.Combine(directory, expected)))
        {
            yield break;
        }

        string[] files;
        try
        {
            files = Directory.GetFiles(directory, "appsettings.*.json");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            yield break; // a directory the host cannot list either: nothing it would read is missed
        }

        // On a case-insensitive file system the exact name exists already; here a name that differs in case only is unread.
        foreach (var file in files.Select(Path.GetFileName).Where(f => string.Equals(f, expected, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            yield return $"{Names.PrintablePath(Path.Combine(directory, file!))} is not read: the environment is '{Names.Printable(environmentName)}' and the host "
                + $"reads {Names.Printable(expected)}, the name with the same case; rename the file, or set DOTNET_ENVIRONMENT to the name the file has.";
        }
    }
}
