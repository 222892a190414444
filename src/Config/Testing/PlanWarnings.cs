using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// Keeps the warnings the start-up rules log (category <c>ProdServer.Rules</c>), for <see cref="ProdServerPlan.Warnings"/>;
/// what a host would write to its log, kept as lines instead.
/// </summary>
internal sealed class PlanWarnings : ILoggerProvider
{
    private const string RulesCategory = "ProdServer.Rules";
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

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName == RulesCategory);

    public void Dispose()
    {
    }

    private sealed class Logger(PlanWarnings owner, bool rules) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => rules && logLevel >= LogLevel.Warning;

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
