using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>Warnings about what changes a server beyond its typed configuration (said at the first start, names only).</summary>
internal static partial class Log
{
    [LoggerMessage(40, LogLevel.Warning, "{Process}: {Note}")]
    public static partial void ConfigurationNote(ILogger logger, string process, string note);

    [LoggerMessage(41, LogLevel.Warning, "{Note}")]
    public static partial void HostConfigurationNote(ILogger logger, string note);
}
