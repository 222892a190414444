using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace ProdServer.Config;

/// <summary>
/// The <c>ProdServer</c> section as a default host will read it, read before the host exists and with as little as
/// possible, so that the server can be planned and spawned before <c>Host.CreateApplicationBuilder</c> (tens of ms of
/// JIT) runs: the content root and environment from <c>DOTNET_CONTENTROOT</c> and <c>DOTNET_ENVIRONMENT</c> (as the host
/// reads them), <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c> (from the program's directory when the
/// content root has none, see <see cref="AppSettingsFromAppDirectory"/>), then the environment variables. A plain run's
/// command line (process names only) adds no key.
/// </summary>
/// <remarks>
/// <para>
/// The files are flattened here the way the JSON configuration provider flattens them (the same keys, the same values, a
/// duplicate key refused; <see cref="AppSettingsJson"/>), and only keys under <c>ProdServer</c> are kept; this skips
/// System.Text.Json and the JSON, environment and file providers, which were the largest pieces of the time before the
/// fork (see docs/benchmarks.md). The host loads them afterwards anyway, while Python imports the app.
/// </para>
/// <para>
/// This is a guess the host checks, not a second source of truth: the host reads its own configuration, and a server
/// started from this one is adopted only when the host plans exactly the same launch (otherwise it is killed and started
/// afresh). Where the default host would read more than this (user secrets in Development), nothing is read early.
/// </para>
/// </remarks>
internal static class EarlyConfiguration
{
    private const string AppSettings = "appsettings.json";
    private const string Section = ProdServerOptions.SectionName;

    /// <summary>
    /// The content root, the environment's name, the <c>ProdServer</c> section's keys, and the process names in the order
    /// the files write them.
    /// </summary>
    public sealed record Result(string ContentRoot, string EnvironmentName, IConfigurationRoot Configuration, IReadOnlyList<string> WrittenOrder);

    /// <summary>The configuration, or <see langword="null"/> when it cannot be read early.</summary>
    /// <param name="contentRoot">The content root the host is given, or <see langword="null"/> for its default.</param>
    /// <param name="appDirectory">The program's directory (where the package copies appsettings*.json).</param>
    public static Result? TryRead(string? contentRoot, string appDirectory)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } name ? name : "Production";
        if (string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase)
            && Assembly.GetEntryAssembly()?.GetCustomAttribute<UserSecretsIdAttribute>() is not null)
        {
            return null; // the host adds user secrets, which are not read here
        }

        contentRoot = Path.GetFullPath(contentRoot ?? (Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 } root ? root : Directory.GetCurrentDirectory()));
        return TryRead(contentRoot, appDirectory, environment, Environment.GetEnvironmentVariables());
    }

    /// <summary>As the public overload, with the environment name and variables given (for tests).</summary>
    internal static Result? TryRead(string contentRoot, string appDirectory, string environment, IDictionary variables)
    {
        var directory = File.Exists(Path.Combine(contentRoot, AppSettings)) || !File.Exists(Path.Combine(appDirectory, AppSettings))
            ? contentRoot
            : appDirectory;
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        try
        {
            foreach (var file in new[] { AppSettings, $"appsettings.{environment}.json" })
            {
                var path = Path.Combine(directory, file);
                if (File.Exists(path))
                {
                    ReadFile(path, data, order);
                }
            }
        }
#pragma warning disable CA1031 // a file the host cannot read either: the host reports it in one line, with nothing started
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        // As the environment variables provider: "__" separates sections; set last, so they win.
        foreach (DictionaryEntry variable in variables)
        {
            var key = ((string)variable.Key).Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            if (InSection(key))
            {
                data[key] = (string?)variable.Value;
            }
        }

        return new(contentRoot, environment, new ConfigurationBuilder().AddInMemoryCollection(data).Build(), order);
    }

    private static bool InSection(string key) =>
        key.StartsWith(Section, StringComparison.OrdinalIgnoreCase)
        && (key.Length == Section.Length || key.AsSpan(Section.Length).StartsWith(ConfigurationPath.KeyDelimiter, StringComparison.Ordinal));

    // One file's keys, as the JSON configuration provider makes them, merged over the earlier files' (a later file wins).
    private static void ReadFile(string path, Dictionary<string, string?> data, List<string> order)
    {
        var processes = Section + ConfigurationPath.KeyDelimiter + "Processes" + ConfigurationPath.KeyDelimiter;
        foreach (var (key, value) in AppSettingsJson.Flatten(File.ReadAllBytes(path)))
        {
            if (!InSection(key))
            {
                continue;
            }

            data[key] = value;
            if (key.StartsWith(processes, StringComparison.OrdinalIgnoreCase))
            {
                var name = key[processes.Length..].Split(ConfigurationPath.KeyDelimiter)[0];
                if (!order.Exists(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
                {
                    order.Add(name);
                }
            }
        }
    }
}
