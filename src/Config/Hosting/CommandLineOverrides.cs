using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>
/// The command line's configuration overrides (<c>--ProdServer:Processes:web:Args:Threads=8</c>), read with our own
/// switches known. The host's command-line configuration provider reads <c>--dry-run X</c> as the key <c>dry-run</c> with
/// the value <c>X</c>, so an override written right after a switch (<c>web --dry-run --ProdServer:…:Threads=0</c>) would
/// be lost; these pairs, added after it, give the result the user meant.
/// </summary>
internal static class CommandLineOverrides
{
    /// <summary>Adds the overrides in <paramref name="args"/> as the last configuration source, before the host is built.</summary>
    public static void AddTo(IConfigurationBuilder configuration, IReadOnlyList<string> args)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in HostArguments.Read(args))
        {
            overrides[key] = value;
        }

        if (overrides.Count > 0)
        {
            configuration.AddInMemoryCollection(overrides);
        }
    }

    /// <summary>Sets the overrides again in a configuration that was built already (a host the caller built).</summary>
    public static void Reapply(IConfiguration? configuration, IReadOnlyList<string> args)
    {
        if (configuration is null)
        {
            return;
        }

        foreach (var (key, value) in HostArguments.Read(args))
        {
            if (configuration[key] != value)
            {
                configuration[key] = value;
            }
        }
    }
}
