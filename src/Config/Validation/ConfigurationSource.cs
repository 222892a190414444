using System;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>Tells where the winning value of a process's args setting came from, for rules about where a value belongs.</summary>
internal static class ConfigurationSource
{
    /// <summary>
    /// Whether the value of <c>ProdServer:Processes:NAME:Args:SETTING</c> (any spelling the binder accepts) that wins comes
    /// from an environment variable or the command line, rather than code or a settings file.
    /// </summary>
    public static bool IsEnvironment(IConfiguration? configuration, ProcessDefinition process, string setting)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return false;
        }

        var flag = process.Args.Flags.FirstOrDefault(f => string.Equals(f.Property, setting, StringComparison.Ordinal))?.Name;
        var prefix = $"{ProdServerOptions.SectionName}:Processes:{process.Name}:Args:";
        string[] keys = flag is null ? [setting] : [setting, flag, flag.Replace('-', '_')];
        // The last provider that has the key wins, as in configuration itself.
        foreach (var provider in root.Providers.Reverse())
        {
            if (Array.Exists(keys, k => provider.TryGet(prefix + k, out _)))
            {
                // By name: the providers' packages are the host's, not a dependency of this library.
                return provider.GetType().Name is "EnvironmentVariablesConfigurationProvider" or "CommandLineConfigurationProvider";
            }
        }

        return false;
    }
}
