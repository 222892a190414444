using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>poll(2) on one descriptor: what the log pump waits on and what the lifeline is asked.</summary>
internal static class Poll
{
    /// <summary>POLLOUT: writing would not block.</summary>
    public const short Out = 0x4;

    /// <summary>POLLERR: an error condition; on a pipe's write end, that no reader is left.</summary>
    public const short Error = 0x8;

    /// <summary>Polls <paramref name="descriptor"/> once for <paramref name="events"/>, waiting up to <paramref name="milliseconds"/>.</summary>
    /// <param name="descriptor">The descriptor.</param>
    /// <param name="events">The events asked for (POLLERR and POLLHUP are reported whatever is asked).</param>
    /// <param name="milliseconds">How long to wait; 0 asks without waiting.</param>
    /// <param name="returned">The events that occurred.</param>
    /// <returns>poll's result: 1 when an event occurred, 0 when the time ran out, negative on an error.</returns>
    public static int Once(int descriptor, short events, int milliseconds, out short returned)
    {
        var wait = new PollDescriptor { Descriptor = descriptor, Events = events };
        var result = poll(ref wait, 1, milliseconds);
        returned = wait.ReturnedEvents;
        return result;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    // Blittable signature: no marshalling stub, so it is trim- and NativeAOT-safe.
    [DllImport("libc", SetLastError = true)]
    private static extern int poll(ref PollDescriptor descriptors, nuint count, int timeoutMilliseconds);
}
