using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ProdServer.Config;

/// <summary>
/// What a server wrote to stderr that its failure is reported with, read as the lines come: its last lines (without a
/// usage text, see <see cref="UsageText"/>), and the line that best says why it failed: the last Python exception line
/// (<c>ModuleNotFoundError: No module named 'shop'</c>) or <c>Error: …</c> line. Waitress reports an app it cannot import
/// as <c>Error: Bad module 'mysite.wsgi'</c>, then its whole usage text, then the exception in words of its own
/// (<c>There was an exception (ModuleNotFoundError) importing your module.</c>, <c>It had these arguments:</c>,
/// <c>1. No module named 'mysite.nosettings'</c>): that exception is read back as the line Python would have written
/// (<c>ModuleNotFoundError: No module named 'mysite.nosettings'</c>), because "Bad module 'mysite.wsgi'" alone says the
/// app's module is missing when it was found and something it imported failed (the Django settings, a dependency, an
/// error in the settings).
/// </summary>
/// <remarks>One instance per server; <see cref="Add"/> from the one thread that reads stderr, the rest from any.</remarks>
internal sealed class ErrorOutput(int tailLines, int longest)
{
    private readonly Queue<string> _tail = new();
    // Only a line among the last few the server wrote says why it ended: a handled exception it logged and lived on
    // after (a task's failure in a Celery worker, a request's traceback) is not why it died later.
    private const int RecentLines = 10;
    private string? _reason;
    private long _added; // stderr lines read so far, a usage text left out
    private long _reasonAt; // _added when _reason was set
    private string? _waitressException; // the exception type waitress named, until its first argument comes
    private bool _inUsage;

    /// <summary>
    /// The line that best says why the server failed: the last exception or <c>Error:</c> line when it is among the
    /// last ten lines, else its last stderr line; <see langword="null"/> when it wrote nothing to stderr.
    /// </summary>
    public string? Reason
    {
        get
        {
            if (Volatile.Read(ref _reason) is { } reason && Volatile.Read(ref _added) - Volatile.Read(ref _reasonAt) < RecentLines)
            {
                return reason.Trim();
            }

            lock (_tail)
            {
                return _tail.LastOrDefault(l => !string.IsNullOrWhiteSpace(l))?.Trim();
            }
        }
    }

    /// <summary>The last lines, for the failure message.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>Reads the next stderr line (escaped for the log).</summary>
    public void Add(string line)
    {
        _inUsage = _inUsage ? UsageText.Continues(line) : UsageText.Starts(line);
        if (!_inUsage)
        {
            Volatile.Write(ref _added, _added + 1); // a usage text says nothing about the failure: not counted
            lock (_tail)
            {
                if (_tail.Count == tailLines)
                {
                    _tail.Dequeue();
                }

                _tail.Enqueue(LogText.Truncate(line, longest));
            }
        }

        if (_waitressException is { } type)
        {
            if (WaitressImportError.FirstArgument(line) is { } message)
            {
                _waitressException = null;
                Set($"{type}: {message}");
                return;
            }

            if (WaitressImportError.NoArguments(line))
            {
                _waitressException = null;
                Set(type);
                return;
            }
        }

        if (WaitressImportError.Starts(line) is { } exception)
        {
            _waitressException = exception;
            return;
        }

        if (LooksLikeError(line))
        {
            Set(line);
        }
    }

    private void Set(string line)
    {
        Volatile.Write(ref _reason, LogText.Truncate(line, longest));
        Volatile.Write(ref _reasonAt, _added);
    }

    // "ValueError: …", "ModuleNotFoundError: …", "Error: …": one word ending in Error or Exception, then ": ".
    private static bool LooksLikeError(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var head = line.AsSpan(0, colon).Trim();
        return (head.EndsWith("Error", StringComparison.Ordinal) || head.EndsWith("Exception", StringComparison.Ordinal))
            && !head.Contains(' ');
    }
}
