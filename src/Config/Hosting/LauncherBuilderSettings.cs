using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ProdServer.Config;

/// <summary>
/// The settings the launcher's own entry point builds its host with: <c>Host.CreateApplicationBuilder</c>'s, except that
/// the configuration files are not watched for changes. The launcher reads them at start and again on <c>reload</c>
/// (SIGHUP, <c>systemctl reload</c>, the control socket), which is the only moment a changed file takes effect; a
/// watcher would change nothing the engine uses. It would cost, though: the host's file provider watches the whole
/// content root recursively, one inotify watch per directory, walked on the main thread while the server starts. For a
/// Django project holding its virtualenv that is thousands of directories, ~100 ms of start-up and as many of the
/// user's inotify watches, plus a thread and an inotify instance per watching file provider, released slowly at exit
/// (docs/operations.md#reload).
/// </summary>
/// <remarks>
/// Set as the host's own switch (<c>hostBuilder:reloadConfigOnChange</c>) before any other source, so that
/// <c>DOTNET_hostBuilder__reloadConfigOnChange=true</c> or <c>--hostBuilder:reloadConfigOnChange=true</c> still turns
/// watching back on, for code of the user's own that follows <c>IOptionsMonitor</c>.
/// </remarks>
internal static class LauncherBuilderSettings
{
    /// <summary>The host's switch for <c>reloadOnChange</c> on appsettings*.json (and user secrets).</summary>
    internal const string ReloadConfigOnChange = "hostBuilder:reloadConfigOnChange";

    /// <summary>The builder settings for the launcher's run.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="contentRoot">The content root, or <see langword="null"/> for the current directory.</param>
    /// <returns>The settings, with a configuration that starts with the switch turned off.</returns>
    public static HostApplicationBuilderSettings Create(string[] args, string? contentRoot)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(ReloadConfigOnChange, "false")]);
        return new HostApplicationBuilderSettings { Args = HostArguments.ForHost(args), ContentRootPath = contentRoot, Configuration = configuration };
    }
}
