using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// Keeps the warnings ProdServer logs while the options are bound and validated (categories <c>ProdServer.*</c>: the
/// rules, configuration notes), for <see cref="ProdServerPlan.Warnings"/>; what a host would write to its log, as lines.
/// </summary>
internal sealed class PlanWarnings : ILoggerProvider
{
    private const string CategoryPrefix = "ProdServer";
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName.StartsWith(CategoryPrefix, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(PlanWarnings owner, bool ours) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => ours && logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (owner._lines)
                {
                    owner._lines.Add(formatter(state, exception));
                }
            }
        }
    }
}
