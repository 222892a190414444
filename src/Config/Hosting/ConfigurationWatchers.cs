using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace ProdServer.Config;

/// <summary>
/// Stops watching the configuration files (appsettings*.json with <c>reloadOnChange</c>) as soon as the launcher's run
/// begins to stop, beside the servers' own exit. Closing the watcher's inotify instance takes Linux 3–45 ms (the kernel
/// waits for an SRCU grace period when the instance is released), on the watcher's own thread; done when the host is
/// disposed, the process's exit waited for it after <c>Main</c> had returned (docs/benchmarks.md, "JIT stop").
/// </summary>
/// <remarks>
/// Only for the entry point's own run (<see cref="ProdServerRunState.DrivenByEntryPoint"/>), whose host ends with the
/// stop: a change to a file during the stop is not reloaded any more, and a reload asked for (SIGHUP) still reads the
/// files. The file providers are disposed as the host would dispose them a few milliseconds later; reading through them
/// still works.
/// </remarks>
internal static class ConfigurationWatchers
{
    /// <summary>Disposes the physical file providers that watch the configuration's files for changes.</summary>
    /// <param name="configuration">The host's configuration, or <see langword="null"/>.</param>
    /// <returns>How many providers were disposed.</returns>
    public static int StopWatching(IConfiguration? configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return 0;
        }

        var disposed = new HashSet<PhysicalFileProvider>();
        foreach (var provider in root.Providers)
        {
            if (provider is FileConfigurationProvider { Source: { ReloadOnChange: true, FileProvider: PhysicalFileProvider files } } && disposed.Add(files))
            {
                files.Dispose();
            }
        }

        return disposed.Count;
    }
}
