using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// The logger of a server started before the host has its logging (see <see cref="EarlyLaunch"/>). The server's output
/// does not pass through here before <see cref="Attach"/>: its pump waits for <see cref="Attached"/>, holding the lines in
/// its own byte-bounded buffer (and, when that is full, holding the server back, or dropping and counting under
/// <see cref="LogOverflow.Drop"/>). What is kept here is the engine's own few messages (starting, started, exited),
/// replayed in order once the real logger is attached; their number is bounded too, and an overflow is counted and said.
/// </summary>
internal sealed class DeferredLogger : ILogger
{
    private const int Capacity = 1_000;
    private readonly object _gate = new();
    private readonly Queue<Action<ILogger>> _pending = new();
    private readonly TaskCompletionSource _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ILogger? _target;
    private long _dropped;

    /// <summary>Completes once a logger is attached (or the server is discarded with <see cref="Close"/>).</summary>
    public Task Attached => _attached.Task;

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
                target.LogWarning("{Dropped} engine messages about the server from before logging was up were dropped (more than {Capacity}).", _dropped, Capacity);
            }

            _target = target;
        }

        _attached.TrySetResult();
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the attached logger: now if there is one, else once it is attached, in order
    /// with the rest. For messages whose first formatting costs CPU the server's own start should not compete with.
    /// </summary>
    public void Defer(Action<ILogger> write)
    {
        lock (_gate)
        {
            if (_target is not null)
            {
                write(_target);
            }
            else if (_pending.Count < Capacity)
            {
                _pending.Enqueue(write);
            }
            else
            {
                _dropped++;
            }
        }
    }

    /// <summary>Discards what is kept and everything later: the server is killed without ever being adopted.</summary>
    public void Close() => Attach(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

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

        Defer(logger => logger.Log(logLevel, eventId, state, exception, formatter));
    }
}
