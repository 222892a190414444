using System;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>Recognises the level in a line a Python server writes, so that its own INFO lines are not logged as warnings.</summary>
internal static class PythonLogLevel
{
    /// <summary>The level of <paramref name="line"/>, or <paramref name="fallback"/> when it carries none.</summary>
    /// <param name="line">One line of output.</param>
    /// <param name="fallback">The level for lines without a recognisable level.</param>
    /// <returns>The level.</returns>
    public static LogLevel Detect(string line, LogLevel fallback)
    {
        // logging.basicConfig's "LEVEL:logger:message" (waitress) and gunicorn's "[date] [pid] [LEVEL] message".
        var span = line.AsSpan().TrimStart();
        if (span.StartsWith("INFO:") || span.Contains("[INFO]", StringComparison.Ordinal)) return LogLevel.Information;
        if (span.StartsWith("DEBUG:") || span.Contains("[DEBUG]", StringComparison.Ordinal)) return LogLevel.Debug;
        if (span.StartsWith("WARNING:") || span.Contains("[WARNING]", StringComparison.Ordinal)) return LogLevel.Warning;
        if (span.StartsWith("ERROR:") || span.Contains("[ERROR]", StringComparison.Ordinal)) return LogLevel.Error;
        if (span.StartsWith("CRITICAL:") || span.Contains("[CRITICAL]", StringComparison.Ordinal)) return LogLevel.Critical;
        return fallback;
    }
}
