using System;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// The log of a server's own check under <c>--check</c>: its output lines as they come, but not the engine's
/// "failed with exit code N. Last output: …", because <c>--check</c>'s summary says the failure once, with the same last
/// output (a traceback was shown three times).
/// </summary>
internal sealed class CheckRunLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Name != nameof(Config.Log.Failed))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
