using System;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>The names Python's logging libraries give their levels, and the <see cref="LogLevel"/> each one is.</summary>
internal static class LevelWords
{
    /// <summary>
    /// The level words a line's head may start with, in upper case: Python's logging levels, and loguru's <c>TRACE</c>
    /// and <c>SUCCESS</c> (between INFO and WARNING).
    /// </summary>
    public static readonly (string Name, LogLevel Level)[] Head =
    [
        ("INFO", LogLevel.Information),
        ("WARNING", LogLevel.Warning),
        ("WARN", LogLevel.Warning),
        ("ERROR", LogLevel.Error),
        ("DEBUG", LogLevel.Debug),
        ("CRITICAL", LogLevel.Critical),
        ("FATAL", LogLevel.Critical),
        ("TRACE", LogLevel.Trace),
        ("SUCCESS", LogLevel.Information),
    ];

    /// <summary>
    /// The level a structured record's level value names, in any case: the head's words, and the other spellings of
    /// structured loggers (syslog's <c>notice</c>, <c>err</c>, <c>crit</c>, <c>alert</c>, <c>emerg</c>; structlog's
    /// <c>exception</c>; <c>information</c>); <see langword="null"/> for any other value.
    /// </summary>
    public static LogLevel? Value(ReadOnlySpan<char> value)
    {
        foreach (var (name, level) in Head)
        {
            if (value.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }

        return value.Equals("information", StringComparison.OrdinalIgnoreCase) || value.Equals("notice", StringComparison.OrdinalIgnoreCase) ? LogLevel.Information
            : value.Equals("err", StringComparison.OrdinalIgnoreCase) || value.Equals("exception", StringComparison.OrdinalIgnoreCase) ? LogLevel.Error
            : value.Equals("crit", StringComparison.OrdinalIgnoreCase) || value.Equals("alert", StringComparison.OrdinalIgnoreCase)
              || value.Equals("emerg", StringComparison.OrdinalIgnoreCase) || value.Equals("emergency", StringComparison.OrdinalIgnoreCase) ? LogLevel.Critical
            : null;
    }
}
