using System;
using System.Buffers;
using System.IO;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// Reads a child's output pipe in large blocks and hands over each line, without the per-character work of
/// <c>Process.BeginOutputReadLine</c>: the newline search and the UTF-8 decoding run over whole spans, so a server that
/// logs a lot spends its CPU on serving, not on waiting for us to read.
/// </summary>
internal static partial class PipeLines
{
    // Linux's F_SETPIPE_SZ: a 256 KiB pipe lets a burst of log lines land without the writer waiting for our reads.
    // Not more: pipes count against the user's /proc/sys/fs/pipe-user-pages-soft (64 MiB by default), beyond which
    // Linux refuses to enlarge pipes and gives every new pipe of that user (the servers' own too) 8 KiB. 50 processes
    // with two 256 KiB pipes each take 25 MiB of it; with 1 MiB pipes the 33rd process would have crossed the limit.
    private const int SetPipeSize = 1031;
    private const int PipeSize = 256 * 1024;

    // Reads smaller than this mean the server writes a little at a time (see the pause in Read).
    private const int SmallRead = 16 * 1024;

    // How long the reader lets a trickle of lines gather after small reads: 1 ms after the first, doubling while the
    // reads stay small, up to 40 ms. Every sleep and wake of a thread costs CPU of its own — 25-40 µs on a virtual
    // machine (timer and wake-up exits), more than a line's whole processing — and each batch wakes three threads (this
    // reader, the pump, the logger's own): an access log at 2500 lines/s cost ~13 µs of CPU a line with a 10 ms cap and
    // ~7 µs with 40 ms (bench/LogThroughput trickle). Growing to it keeps a bulk writer, whose reads are only now and
    // then small, from waiting on a full pipe: a small read after a 40 ms pause brought less than SmallRead (a writer
    // slower than 400 KiB/s), and the 256 KiB pipe holds 16 times that. Lines reach the log at most 40 ms later; a
    // server's exit is not delayed by it (see Gather).
    private const int FirstPauseMilliseconds = 1;
    private const int LongestPauseMilliseconds = 40;

    private const int BlockSize = 64 * 1024;

    /// <summary>
    /// The longest line handed over whole, in bytes: a longer one is handed over in pieces of at most this size, so the
    /// read buffer never grows and no log entry is huge (Docker's json-file log splits at the same 16 KiB).
    /// </summary>
    public const int LongestLine = 16 * 1024;

    /// <summary>
    /// Reads <paramref name="stream"/> on a thread of its own, calling <paramref name="onLine"/> for every line, and
    /// completes at end-of-file. A blocking read on a dedicated thread wakes exactly once per chunk the server writes;
    /// the thread pool would add a hand-off (and its idle spinning) per chunk, which under a busy server's access log
    /// costs more CPU than the lines themselves — CPU the server needs. <paramref name="onLine"/> may block: then the
    /// pipe is not read, and the server waits in its next write once the pipe is full (back-pressure).
    /// </summary>
    public static Task ReadOnThread(Stream stream, LineHandler onLine, string name)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new System.Threading.Thread(() =>
        {
            try
            {
                Read(stream, onLine);
                done.TrySetResult();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                done.TrySetResult(); // the pipe is gone: so is its output
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>
    /// Calls <paramref name="onLine"/> for every line (without its <c>\n</c> or <c>\r\n</c>) until end-of-file; a line
    /// longer than <see cref="LongestLine"/> bytes comes in pieces, the last of which carries the whole line's size.
    /// </summary>
    public static void Read(Stream stream, LineHandler onLine)
    {
        var descriptor = LinuxPipeDescriptor(stream);
        var coalesce = descriptor >= 0 && Enlarge(descriptor);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        var start = 0;
        var end = 0;
        long splitBytes = 0; // of the current line, already handed over in pieces
        var pieces = 0;
        var pause = FirstPauseMilliseconds;
        try
        {
            while (true)
            {
                if (end == buffer.Length)
                {
                    // Move the unfinished line (shorter than LongestLine, see below) to the front to make room.
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    if (end > start)
                    {
                        onLine(Decode(buffer.AsSpan(start, end - start), wholeLine: true), Split(end - start), more: false);
                    }

                    return;
                }

                var scanFrom = end;
                end += read;
                var newline = buffer.AsSpan(scanFrom, end - scanFrom).IndexOf((byte)'\n');
                while (newline >= 0)
                {
                    var lineEnd = scanFrom + newline;
                    HandOverPieces(lineEnd, lineFollows: true);
                    // The next line is looked for before this one is handed over, to say whether this read holds more.
                    scanFrom = lineEnd + 1;
                    newline = buffer.AsSpan(scanFrom, end - scanFrom).IndexOf((byte)'\n');
                    onLine(Decode(buffer.AsSpan(start, lineEnd - start), wholeLine: true), Split(lineEnd - start), more: newline >= 0);
                    start = scanFrom;
                }

                HandOverPieces(end, lineFollows: false);

                if (start == end)
                {
                    start = end = 0;
                }

                if (coalesce && read < SmallRead)
                {
                    // A trickle of lines (an access log under load) would wake this thread, the pump's and the logger's
                    // once per line. Waiting a moment lets the next lines gather in the pipe (see the pauses above), so
                    // each of them wakes once per batch.
                    _ = Gather(descriptor, pause);
                    pause = Math.Min(pause * 2, LongestPauseMilliseconds);
                }
                else
                {
                    pause = FirstPauseMilliseconds;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // Hands over the line from start to lineEnd in pieces until what is left is at most LongestLine. Strictly longer:
        // the last piece is never empty, and it is the one that says the line was split. lineFollows: whether the rest of
        // the line, up to its newline, is in this read too.
        void HandOverPieces(int lineEnd, bool lineFollows)
        {
            while (lineEnd - start > LongestLine)
            {
                var piece = PieceLength(buffer.AsSpan(start, lineEnd - start));
                var more = lineFollows || lineEnd - start - piece > LongestLine;
                onLine(Decode(buffer.AsSpan(start, piece), wholeLine: false), default, more);
                splitBytes += piece;
                pieces++;
                start += piece;
            }
        }

        // The split of the line that ends with a last piece of lastBytes bytes, and a fresh count for the next line.
        SplitLine Split(int lastBytes)
        {
            if (pieces == 0)
            {
                return default;
            }

            var split = new SplitLine(splitBytes + lastBytes, pieces + 1);
            (splitBytes, pieces) = (0, 0);
            return split;
        }
    }

    // The length of the next piece of an overlong line (bytes holds LongestLine + 1 bytes or more): LongestLine, or less
    // so that the next piece does not start with a UTF-8 continuation byte (10xxxxxx) and no character is cut in two.
    // Bytes that are not UTF-8 at all are cut where they fall.
    private static int PieceLength(ReadOnlySpan<byte> bytes)
    {
        static bool Continues(byte b) => (b & 0xC0) == 0x80;
        var cut = LongestLine;
        while (cut > LongestLine - 3 && Continues(bytes[cut]))
        {
            cut--;
        }

        return Continues(bytes[cut]) ? LongestLine : cut;
    }

    /// <summary>
    /// The stream's file descriptor on Linux, where the pause and the larger pipe apply; -1 for anything else. A child
    /// started with posix_spawn hands its pipes over as <see cref="FileStream"/>s, one started by the Process class as
    /// <see cref="PipeStream"/>s: both are pipes, and both gather (a descriptor that is not a pipe is refused the larger
    /// size by the kernel, and then does not pause either).
    /// </summary>
    internal static int LinuxPipeDescriptor(Stream stream) =>
        !OperatingSystem.IsLinux() ? -1 : stream switch
        {
            PipeStream { SafePipeHandle: { IsInvalid: false } pipe } => (int)pipe.DangerousGetHandle(),
            FileStream { SafeFileHandle: { IsInvalid: false } file } => (int)file.DangerousGetHandle(),
            _ => -1,
        };

    // Whether the pipe now holds PipeSize. Best effort: beyond /proc/sys/fs/pipe-max-size or the user's pipe pages it
    // fails, and the default 64 KiB pipe still works (without the pause between small reads, which it could not absorb).
    internal static bool Enlarge(int descriptor) => fcntl(descriptor, SetPipeSize, PipeSize) >= PipeSize;

    // Blittable signature: no marshalling stub, so it is trim- and NativeAOT-safe.
    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int command, int argument);

    /// <summary>
    /// Waits up to <paramref name="milliseconds"/> for lines to gather in the pipe, but no longer once every writer has
    /// closed it: poll(2) asked for no event still reports POLLHUP, and new data alone does not end the wait, so a
    /// server's exit is read at once instead of after the pause. Linux only (the pause is).
    /// </summary>
    /// <returns>Whether the wait ended because the writers are gone (or the descriptor is), not by its time.</returns>
    internal static bool Gather(int descriptor, int milliseconds)
    {
        return Poll.Once(descriptor, 0, milliseconds, out _) != 0;
    }

    private static string Decode(ReadOnlySpan<byte> line, bool wholeLine) =>
        Encoding.UTF8.GetString(wholeLine && line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line);
}

/// <summary>Receives a line (or a piece of one longer than <see cref="PipeLines.LongestLine"/>) read from a pipe.</summary>
/// <param name="line">The decoded text, without its line ending.</param>
/// <param name="split">On the last piece of a split line, its size and number of pieces; otherwise <c>default</c>.</param>
/// <param name="more">Whether another whole line (or piece) of the same read follows at once: what the server wrote
/// together, such as a log record and its traceback, is handed over in one go.</param>
internal delegate void LineHandler(string line, SplitLine split, bool more);

/// <summary>A line that was handed over in pieces: its whole size in bytes and how many pieces it took.</summary>
internal readonly record struct SplitLine(long Bytes, int Pieces)
{
    /// <summary>Whether this is the last piece of a split line.</summary>
    public bool IsSplit => Pieces > 0;
}
