using System;
using System.IO;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.FileProviders;

namespace ProdServer.Config;

/// <summary>
/// The configuration a default host reads, read before the host exists and with as little as possible, so that the server
/// can be planned and spawned before <c>Host.CreateApplicationBuilder</c> (which costs ~50 ms of JIT) runs: the content
/// root and environment from <c>DOTNET_CONTENTROOT</c> and <c>DOTNET_ENVIRONMENT</c> (as the host reads them),
/// <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c> (from the program's directory when the content root
/// has none, see <see cref="AppSettingsFromAppDirectory"/>), then every environment variable. A plain run's command line
/// (process names only) adds no key.
/// </summary>
/// <remarks>
/// This is a guess the host checks, not a second source of truth: the host reads its own configuration, and a server
/// started from this one is adopted only when the host plans exactly the same launch (otherwise it is killed and started
/// afresh). Where the default host would read more than this (user secrets in Development), nothing is read early.
/// </remarks>
internal static class EarlyConfiguration
{
    private const string AppSettings = "appsettings.json";

    /// <summary>The content root the host will use, and the configuration, or <see langword="null"/> when it cannot be read early.</summary>
    /// <param name="contentRoot">The content root the host is given, or <see langword="null"/> for its default.</param>
    /// <param name="appDirectory">The program's directory (where the package copies appsettings*.json).</param>
    public static (string ContentRoot, IConfigurationRoot Configuration)? TryRead(string? contentRoot, string appDirectory)
    {
        contentRoot = Path.GetFullPath(contentRoot ?? (Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 } root ? root : Directory.GetCurrentDirectory()));
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } name ? name : "Production";
        if (string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase)
            && Assembly.GetEntryAssembly()?.GetCustomAttribute<UserSecretsIdAttribute>() is not null)
        {
            return null; // the host adds user secrets, which are not read here
        }

        var filesDirectory = File.Exists(Path.Combine(contentRoot, AppSettings)) || !File.Exists(Path.Combine(appDirectory, AppSettings))
            ? contentRoot
            : appDirectory;
        // Only read while building: nothing here watches the files (the host's own configuration reloads, if asked to).
        using var files = new PhysicalFileProvider(filesDirectory);
        try
        {
            var builder = new ConfigurationBuilder();
            builder.Sources.Add(new JsonConfigurationSource { Path = AppSettings, Optional = true, FileProvider = files });
            builder.Sources.Add(new JsonConfigurationSource { Path = $"appsettings.{environment}.json", Optional = true, FileProvider = files });
            builder.Sources.Add(new EnvironmentVariablesConfigurationSource());
            return (contentRoot, builder.Build());
        }
#pragma warning disable CA1031 // a file the host cannot read either: the host reports it in one line, with nothing started
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
