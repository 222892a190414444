using System;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>
/// The write end of a watchdog's lifeline pipe, asked whether anything still reads it: the watchdog is the only reader
/// (see <see cref="ProcessGroup"/>), so a lifeline without one means the watchdog is gone (killed by someone tidying up
/// stray <c>sh</c> processes, say), and a SIGKILL of the host would then leave the server running, holding its port.
/// </summary>
internal static class Lifeline
{
    /// <summary>
    /// Whether a process still holds the read end of the pipe whose write end is <paramref name="writeEnd"/>:
    /// <see langword="false"/> once none does (Linux reports POLLERR on a pipe's write end without readers, which is
    /// what a write would meet as EPIPE), <see langword="null"/> when that cannot be told (closed meanwhile, not a pipe,
    /// no poll(2)). Asked without writing and without waiting.
    /// </summary>
    public static bool? HasReader(SafeHandle? writeEnd)
    {
        if (writeEnd is null || OperatingSystem.IsWindows())
        {
            return null;
        }

        var added = false;
        try
        {
            // Held for the call: a lifeline closed meanwhile (the server exited) cannot have its descriptor number reused
            // for something else under the poll.
            writeEnd.DangerousAddRef(ref added);
            if (writeEnd.IsInvalid)
            {
                return null;
            }

            return Poll.Once((int)writeEnd.DangerousGetHandle(), Poll.Out, 0, out var returned) switch
            {
                < 0 => null,
                _ => (returned & Poll.Error) == 0,
            };
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
        finally
        {
            if (added)
            {
                writeEnd.DangerousRelease();
            }
        }
    }
}
