using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config.Integration.Tests;

/// <summary>Keeps every log line so a test can assert what the engine and the server said.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string Text => string.Join('\n', _lines);

    /// <summary>Every line so far, as "Level Category: message".</summary>
    public System.Collections.Generic.IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    /// <summary>The pid from the engine's "web#1234 started" line.</summary>
    public int StartedPid(string process)
    {
        var marker = process + "#";
        var line = _lines.First(l => l.Contains(marker, StringComparison.Ordinal) && l.EndsWith(" started", StringComparison.Ordinal));
        var start = line.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return int.Parse(line[start..line.IndexOf(' ', start)], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The level the first line holding <paramref name="text"/> was logged at.</summary>
    public LogLevel LevelOf(string text) =>
        Enum.Parse<LogLevel>(_lines.First(l => l.Contains(text, StringComparison.Ordinal)).Split(' ', 2)[0]);

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
    }
}
