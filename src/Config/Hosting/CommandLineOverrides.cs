using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>
/// Repairs what the host's command-line configuration provider makes of our switches. It reads <c>--dry-run X</c> as the
/// key <c>dry-run</c> with the value <c>X</c>, so an override written right after a switch
/// (<c>web --dry-run --ProdServer:Processes:web:Args:Threads=0</c>) would be lost. Re-reading the arguments with our
/// switches known, and setting each override again before the options are first built, gives the result the user meant.
/// </summary>
internal static class CommandLineOverrides
{
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
