using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// A logger stuck on every message that starts with <paramref name="stuckOn"/> until <see cref="Release"/> is set, as a
/// logger writing to a hung disk or network would be; it counts those messages and their characters, and keeps the
/// warnings and errors the engine writes about them.
/// </summary>
internal sealed class StuckLogger(string stuckOn = "line ") : ILogger
{
    private int _lines;
    private long _characters;

    public ManualResetEventSlim Release { get; } = new();

    public List<string> Warnings { get; } = [];

    public int Lines => Volatile.Read(ref _lines);

    public long Characters => Interlocked.Read(ref _characters);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = formatter(state, exception);
        if (text.StartsWith(stuckOn, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _lines);
            Interlocked.Add(ref _characters, text.Length);
            Release.Wait(TimeSpan.FromSeconds(60));
        }
        else if (logLevel >= LogLevel.Warning)
        {
            lock (Warnings)
            {
                Warnings.Add(text);
            }
        }
    }
}
