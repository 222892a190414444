using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// The logger of a server started before the host has its logging (see <see cref="EarlyLaunch"/>): it keeps what the
/// server writes until <see cref="Attach"/> hands it the real logger, then replays it there in order and forwards the rest.
/// The buffer is bounded, so a chatty server never makes the host grow; what overflows is counted and reported.
/// </summary>
internal sealed class DeferredLogger : ILogger
{
    private const int Capacity = 10_000;
    private readonly object _gate = new();
    private readonly Queue<Action<ILogger>> _pending = new();
    private ILogger? _target;
    private long _dropped;

    /// <summary>Sends everything kept so far, then every later entry, to <paramref name="target"/>.</summary>
    public void Attach(ILogger target)
    {
        lock (_gate)
        {
            while (_pending.TryDequeue(out var entry))
            {
                entry(target);
            }

            if (_dropped > 0)
            {
                target.LogWarning("{Dropped} lines the server wrote before logging was up were dropped (more than {Capacity}).", _dropped, Capacity);
            }

            _target = target;
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => Volatile.Read(ref _target)?.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => Volatile.Read(ref _target)?.IsEnabled(logLevel) ?? logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (Volatile.Read(ref _target) is { } target)
        {
            target.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        lock (_gate)
        {
            if (_target is not null)
            {
                _target.Log(logLevel, eventId, state, exception, formatter);
            }
            else if (_pending.Count < Capacity)
            {
                _pending.Enqueue(logger => logger.Log(logLevel, eventId, state, exception, formatter));
            }
            else
            {
                _dropped++;
            }
        }
    }
}
