using System;

namespace ProdServer.Config.Analyzers;

/// <summary>Reads a log level setting the way every source spells it: an enum member's name in code, text in JSON, the server's spelling at start-up.</summary>
internal static class ServerLogLevels
{
    /// <summary>The level <paramref name="property"/> is set to when it is one of <paramref name="verbose"/> (case ignored), or <see langword="null"/>.</summary>
    public static string? Verbose(SettingsBag settings, string property, params string[] verbose)
    {
        var level = settings.GetString(property)?.Trim();
        foreach (var name in verbose)
        {
            if (string.Equals(level, name, StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }

        return null;
    }
}
