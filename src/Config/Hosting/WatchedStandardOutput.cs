using System;
using System.Buffers;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ProdServer.Config;

/// <summary>
/// A run's standard output when it is a pipe or a socket (<c>app web | head -1</c>, journald's stream): the console logger
/// writes its lines here, and this writes them to descriptor 1 itself, because .NET's console stream drops a write that
/// fails with EPIPE without a word. Once the reader is gone the run goes on (production must not stop because its log
/// reader did; a journald restart would become an outage), but it says so once on standard error, counts the lines it
/// could not write, and says the total when the run ends (<see cref="Dispose(bool)"/>).
/// </summary>
/// <remarks>
/// The console logger takes <see cref="Console.Out"/> once, when its provider is made (when the host is built): this is
/// installed before that, by the entry points that build the host themselves. A host built by the caller
/// (<c>builder.Build().RunProdServerAsync(args)</c>) has its console logger bound to the console's stream already: for it,
/// <see cref="StandardOutputReaderWatch"/> says that the reader went away, without a count.
/// A terminal or a file is left to the console: no EPIPE there, and a stream of our own at a file's position would write
/// over what standard error adds to the same file.
/// </remarks>
internal sealed class WatchedStandardOutput : TextWriter
{
    // EPIPE and ECONNRESET (a stream socket's peer gone), as the runtime gives them in IOException.HResult on Linux.
    private const int BrokenPipe = 32;
    private const int ConnectionReset = 104;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly object _gate = new();
    private readonly FileStream _stream;
    private readonly TextWriter _error;
    private readonly TextWriter _previous;
    private long _notWritten; // lines
    private bool _refused;
    private bool _handedBack;
    private bool _installed;
    private bool _disposed;

    /// <param name="stream">Standard output's descriptor, written to directly.</param>
    /// <param name="error">Where the notices go.</param>
    /// <param name="previous">The console's own writer: given the writes back after any failure other than a reader gone.</param>
    internal WatchedStandardOutput(FileStream stream, TextWriter error, TextWriter previous)
    {
        _stream = stream;
        _error = error;
        _previous = previous;
    }

    /// <inheritdoc/>
    public override Encoding Encoding => Utf8;

    /// <summary>The lines that could not be written since the reader went away.</summary>
    public long NotWritten
    {
        get
        {
            lock (_gate)
            {
                return _notWritten;
            }
        }
    }

    /// <summary>For a run (not a command that answers on standard output, which says its own failures): <see cref="Install"/>.</summary>
    /// <param name="commandLine">The parsed command line.</param>
    public static WatchedStandardOutput? ForRun(ProdServerCommandLine commandLine) =>
        commandLine.AnswersOnStandardOutput ? null : Install(Console.Error);

    /// <summary>
    /// Makes <see cref="Console.Out"/> a watched writer when standard output is a pipe or a socket (Linux); otherwise
    /// <see langword="null"/> and the console is left as it is. Disposing it says the total and puts the console's back.
    /// </summary>
    /// <param name="error">Where the notices go: standard error.</param>
    public static WatchedStandardOutput? Install(TextWriter error)
    {
        if (!IsPipeOrSocket())
        {
            return null;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null; // a descriptor the runtime will not take: the console's stream, as before
        }

        var watched = new WatchedStandardOutput(stream, error, Console.Out) { _installed = true };
        Console.SetOut(watched);
        return watched;
    }

    /// <summary>Whether standard output is a pipe or a socket, whose reader can go away (Linux; elsewhere: not known, false).</summary>
    internal static bool IsPipeOrSocket() =>
        // /proc/self/fd/1 links to "pipe:[inode]" or "socket:[inode]" for those, to a path for a file or a terminal; null
        // when the descriptor is closed or there is no /proc: nothing to watch.
        OperatingSystem.IsLinux() && DescriptorHolders.OwnTarget(1) is { } target
            && (target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("socket:", StringComparison.Ordinal));

    /// <inheritdoc/>
    public override void Write(char value) => Write([value]);

    /// <inheritdoc/>
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            if (_refused)
            {
                _notWritten += Lines(buffer);
                return;
            }

            if (_handedBack)
            {
                _previous.Write(buffer);
                return;
            }

            var bytes = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(buffer.Length));
            try
            {
                _stream.Write(bytes, 0, Utf8.GetBytes(buffer, bytes));
            }
            catch (IOException ex) when (ex.HResult is BrokenPipe or ConnectionReset)
            {
                // The reader will not come back (a pipe's or socket's reader that has gone stays gone): no write is tried again.
                _refused = true;
                _notWritten += Lines(buffer);
                Say($"Standard output is closed (its reader is gone): log lines are no longer written to it; {_notWritten} so far. The processes keep running.");
            }
            catch (IOException)
            {
                // Anything else (EAGAIN on a descriptor a parent made non-blocking, which the console's stream waits out):
                // the console's own writer takes over, as it wrote before this one.
                _handedBack = true;
                _previous.Write(buffer);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    // A line not written ends with its newline; a write without one (a line in pieces) counts once it ends.
    private static long Lines(ReadOnlySpan<char> text) => text.Count('\n');

    private void Say(string line) => Say(_error, line);

    /// <summary>Writes a notice to <paramref name="error"/> at once; when that refuses it too, nothing is left to say it on.</summary>
    internal static void Say(TextWriter error, string line)
    {
        try
        {
            error.WriteLine(line);
            error.Flush();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Standard error refuses it too: nothing is left to say it on.
        }
    }

    /// <summary>Says how many lines were not written, if any, and gives the console its own writer back.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                if (_refused)
                {
                    Say($"Standard output was closed: {_notWritten} log line{(_notWritten == 1 ? string.Empty : "s")} could not be written to it.");
                }

                _refused = true; // a writer that still holds this one (the console logger) is counted, and writes nothing
                _stream.Dispose();
            }

            if (_installed)
            {
                Console.SetOut(_previous);
            }
        }

        base.Dispose(disposing);
    }
}
