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
    // Linux's F_SETPIPE_SZ: a 1 MiB pipe lets a burst of log lines land without the writer waiting for our reads.
    private const int SetPipeSize = 1031;
    private const int PipeSize = 1024 * 1024;

    // Reads smaller than this mean the server writes a little at a time (see the pause in Read).
    private const int SmallRead = 16 * 1024;

    private const int BlockSize = 64 * 1024;

    // A line longer than this is handed over in pieces rather than buffered without bound.
    private const int LongestLine = 1024 * 1024;

    /// <summary>
    /// Reads <paramref name="stream"/> on a thread of its own, calling <paramref name="onLine"/> for every line, and
    /// completes at end-of-file. A blocking read on a dedicated thread wakes exactly once per chunk the server writes;
    /// the thread pool would add a hand-off (and its idle spinning) per chunk, which under a busy server's access log
    /// costs more CPU than the lines themselves — CPU the server needs.
    /// </summary>
    public static Task ReadOnThread(Stream stream, Action<string> onLine, string name)
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

    /// <summary>Calls <paramref name="onLine"/> for every line (without its <c>\n</c> or <c>\r\n</c>) until end-of-file.</summary>
    public static void Read(Stream stream, Action<string> onLine)
    {
        var coalesce = Enlarge(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        var start = 0;
        var end = 0;
        try
        {
            while (true)
            {
                if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        // Move the unfinished line to the front to make room.
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    else if (buffer.Length >= LongestLine)
                    {
                        onLine(Decode(buffer.AsSpan(0, end)));
                        end = 0;
                    }
                    else
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    if (end > start)
                    {
                        onLine(Decode(buffer.AsSpan(start, end - start)));
                    }

                    return;
                }

                var scanFrom = end;
                end += read;
                int newline;
                while ((newline = buffer.AsSpan(scanFrom, end - scanFrom).IndexOf((byte)'\n')) >= 0)
                {
                    var lineEnd = scanFrom + newline;
                    onLine(Decode(buffer.AsSpan(start, lineEnd - start)));
                    start = scanFrom = lineEnd + 1;
                }

                if (start == end)
                {
                    start = end = 0;
                }

                if (coalesce && read < SmallRead)
                {
                    // A trickle of lines (an access log under load) would wake this thread once per line. Waiting a
                    // moment lets the next lines gather in the 1 MiB pipe, which a writer cannot fill in that time, so
                    // the server never waits and we wake once per batch. Lines reach the log at most ~1 ms later.
                    Thread.Sleep(1);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Whether the pipe now holds 1 MiB. Best effort: beyond /proc/sys/fs/pipe-max-size it fails, and the default
    // 64 KiB pipe still works (without the pause between small reads, which it could not absorb).
    private static bool Enlarge(Stream stream) =>
        OperatingSystem.IsLinux() && stream is PipeStream { SafePipeHandle: { IsInvalid: false } handle }
        && fcntl((int)handle.DangerousGetHandle(), SetPipeSize, PipeSize) >= PipeSize;

    // Blittable signature: no marshalling stub, so it is trim- and NativeAOT-safe.
    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int command, int argument);

    private static string Decode(ReadOnlySpan<byte> line) =>
        Encoding.UTF8.GetString(line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line);
}
