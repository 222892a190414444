using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config.Tests;

/// <summary>A logger that keeps every formatted line, for tests that check what was said.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

    /// <summary>Every line logged so far, in order.</summary>
    public (LogLevel Level, string Text)[] Lines => [.. _lines];

    /// <summary>Whether a line containing <paramref name="text"/> was logged.</summary>
    public bool Said(string text) => _lines.Any(l => l.Text.Contains(text, StringComparison.Ordinal));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue((logLevel, formatter(state, exception)));
}

/// <summary>Hands every category the same <see cref="CapturingLogger"/>, for a host's whole log.</summary>
internal sealed class CapturingLoggerProvider(CapturingLogger logger) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
