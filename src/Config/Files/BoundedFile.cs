using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// Reads a whole UTF-8 text file bounded in bytes and in time, so that a FIFO nobody writes, <c>/dev/zero</c> or a huge
/// file can neither hang nor exhaust the host, while a FIFO or <c>&lt;(…)</c> whose writer writes and closes still works.
/// </summary>
internal static class BoundedFile
{
    /// <summary>The file's text, without a byte-order mark.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The most bytes read; a larger file is refused.</param>
    /// <param name="timeout">How long reading may take, opening included.</param>
    /// <param name="what">What the file is, for the size message ("an env file").</param>
    /// <exception cref="FormatException">The file is larger than <paramref name="maxBytes"/> or not UTF-8.</exception>
    /// <exception cref="TimeoutException">The file did not reach its end within <paramref name="timeout"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read (no permission, or a directory).</exception>
    public static string ReadText(string path, int maxBytes, TimeSpan timeout, string what)
    {
        // A dedicated background thread: open() on a FIFO blocks until a writer comes, and a thread left blocked there
        // must neither hold up the pool nor keep the process alive.
        var read = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = new Thread(() =>
        {
            try
            {
                read.TrySetResult(Read(path, maxBytes, what));
            }
#pragma warning disable CA1031 // handed to the waiting caller
            catch (Exception ex)
#pragma warning restore CA1031
            {
                read.TrySetException(ex);
            }
        })
        { IsBackground = true, Name = "ProdServer bounded file reader" };
        reader.Start();
        if (!((IAsyncResult)read.Task).AsyncWaitHandle.WaitOne(timeout))
        {
            throw new TimeoutException(
                $"{path}: not read to its end within {timeout.TotalSeconds:0.#} s (a FIFO or <(…) whose writer never wrote and closed it?).");
        }

        return read.Task.GetAwaiter().GetResult();
    }

    private static string Read(string path, int maxBytes, string what)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        var buffer = new byte[Math.Min(maxBytes + 1, stream.CanSeek && stream.Length > 0 ? stream.Length + 1 : 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > maxBytes)
                {
                    throw new FormatException($"{path}: larger than {maxBytes / (1 << 20)} MiB, the limit for {what}.");
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBytes + 1));
            }

            var count = stream.Read(buffer, length, buffer.Length - length);
            if (count == 0)
            {
                break;
            }

            length += count;
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer, 0, length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException($"{path}: not UTF-8 text.");
        }
    }
}
