using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// Reads a child's output up to a limit in characters, for what the engine keeps of a program it does not control (a
/// Python interpreter whose installed packages decide what it prints): memory stays bounded whatever the child writes.
/// </summary>
internal static class BoundedText
{
    /// <summary>
    /// Reads at most <paramref name="limit"/> characters of <paramref name="reader"/>. Past the limit, the rest is read and
    /// dropped until the end of the stream, so that the writer is never blocked on a full pipe; with
    /// <paramref name="stopAtLimit"/> the read returns at once instead (the caller then ends the writer).
    /// </summary>
    /// <param name="reader">The stream, usually a redirected standard output or error.</param>
    /// <param name="limit">The most characters kept.</param>
    /// <param name="stopAtLimit">Whether to return as soon as the limit is passed rather than drain the rest.</param>
    /// <param name="cancellationToken">Ends the read.</param>
    /// <returns>The characters kept, and whether there were more.</returns>
    public static async Task<(string Text, bool Truncated)> ReadAsync(StreamReader reader, int limit, bool stopAtLimit, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[System.Math.Min(limit + 1, 8192)];
        while (true)
        {
            var read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (text.ToString(), false);
            }

            var room = limit - text.Length;
            if (read > room)
            {
                text.Append(buffer, 0, room);
                if (!stopAtLimit)
                {
                    // What the reader already buffered is dropped with the rest.
                    await reader.BaseStream.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                }

                return (text.ToString(), true);
            }

            text.Append(buffer, 0, read);
        }
    }
}
