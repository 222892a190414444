using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;

namespace ProdServer.Config;

/// <summary>
/// For a host the caller built (<c>builder.Build().RunProdServerAsync(args)</c>), whose console logger took the console's
/// stream before the run began: when standard output is a pipe or a socket and its reader goes away, .NET's console stream
/// drops every later write without a word, and nothing here sees those writes to count them (.NET writes through its own
/// duplicate of descriptor 1, so the descriptor cannot be swapped under it either). This says it instead: once when the
/// reader goes, on standard error, and again when the run ends. The entry points that build the host themselves install
/// <see cref="WatchedStandardOutput"/> before the logger exists, which also counts the lines.
/// </summary>
/// <remarks>
/// One thread blocked in poll(2) on descriptor 1 with no event asked: a pipe's write end reports POLLERR once no reader is
/// left, a stream socket POLLHUP once its peer has closed. It costs no CPU while the reader is there, and disposing wakes it
/// through a pipe of its own.
/// </remarks>
internal sealed partial class StandardOutputReaderWatch : IDisposable
{
    private const int CloseOnExec = 0x80000; // O_CLOEXEC
    private const int Interrupted = 4; // EINTR

    private readonly object _gate = new();
    private readonly TextWriter _error;
    private readonly int _wakeRead;
    private readonly Thread _thread;
    private int _wakeWrite;
    private bool _gone;
    private bool _disposed;

    private StandardOutputReaderWatch(TextWriter error, int wakeRead, int wakeWrite)
    {
        _error = error;
        _wakeRead = wakeRead;
        _wakeWrite = wakeWrite;
        // A small stack: the thread only ever sits in poll.
        _thread = new Thread(Watch, maxStackSize: 256 * 1024) { IsBackground = true, Name = "standard output's reader" };
    }

    /// <summary>For a run (not a command that answers on standard output, which says its own failures): <see cref="Start"/>.</summary>
    /// <param name="commandLine">The parsed command line.</param>
    /// <param name="error">Where the notices go: standard error.</param>
    public static StandardOutputReaderWatch? ForRun(ProdServerCommandLine commandLine, TextWriter error) =>
        commandLine.AnswersOnStandardOutput ? null : Start(error);

    /// <summary>Starts watching when standard output is a pipe or a socket (Linux); otherwise <see langword="null"/>.</summary>
    /// <param name="error">Where the notices go: standard error.</param>
    public static unsafe StandardOutputReaderWatch? Start(TextWriter error)
    {
        if (!WatchedStandardOutput.IsPipeOrSocket())
        {
            return null;
        }

        var wake = stackalloc int[2];
        if (pipe2(wake, CloseOnExec) != 0)
        {
            return null; // no descriptors left: the run goes on unwatched, as before
        }

        var watch = new StandardOutputReaderWatch(error, wake[0], wake[1]);
        watch._thread.Start();
        return watch;
    }

    private void Watch()
    {
        while (true)
        {
            if (Poll.Either(1, 0, _wakeRead, Poll.In, -1, out var output, out var wake) < 0)
            {
                if (Marshal.GetLastPInvokeError() == Interrupted)
                {
                    continue;
                }

                return; // poll itself failed: nothing more can be watched
            }

            if (wake != 0 || (output & Poll.Invalid) != 0)
            {
                return; // disposed, or descriptor 1 closed under us (asked again, poll would answer at once, forever)
            }

            if ((output & (Poll.Error | Poll.HangUp)) != 0)
            {
                lock (_gate)
                {
                    if (!_disposed)
                    {
                        _gone = true;
                        WatchedStandardOutput.Say(_error,
                            "Standard output is closed (its reader is gone): log lines are no longer written to it, and this host cannot count " +
                            "them (its console logger was made before the run; run it with builder.RunProdServerAsync(args) or " +
                            "ProdServerHost.RunAsync to have them counted). The processes keep running.");
                    }
                }

                return;
            }
        }
    }

    /// <summary>Stops watching and, if the reader went away during the run, says so once more.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            // Gone just now, before the thread woke: said here, once.
            if (!_gone && Poll.Once(1, 0, 0, out var returned) > 0 && (returned & (Poll.Error | Poll.HangUp)) != 0)
            {
                _gone = true;
            }

            if (_gone)
            {
                WatchedStandardOutput.Say(_error, "Standard output was closed during the run: the log lines written after its reader went away were lost, and this host cannot count them (its console logger was made before the run).");
            }

            // Closing the write end wakes the thread (POLLHUP on the read end), which then ends.
            _ = close(_wakeWrite);
            _wakeWrite = -1;
        }

        if (_thread.Join(TimeSpan.FromSeconds(5)))
        {
            _ = close(_wakeRead); // only once the thread no longer polls it
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int pipe2(int* descriptors, int flags);

    [LibraryImport("libc")]
    private static partial int close(int descriptor);
}
