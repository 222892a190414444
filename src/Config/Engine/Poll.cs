using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>poll(2) on one descriptor: what the log pump waits on and what the lifeline is asked.</summary>
internal static class Poll
{
    /// <summary>POLLOUT: writing would not block.</summary>
    public const short Out = 0x4;

    /// <summary>POLLIN: there is data to read (or, on a pipe's read end, the writers are gone).</summary>
    public const short In = 0x1;

    /// <summary>POLLERR: an error condition; on a pipe's write end, that no reader is left.</summary>
    public const short Error = 0x8;

    /// <summary>POLLHUP: hung up; on a stream socket, that its peer has closed.</summary>
    public const short HangUp = 0x10;

    /// <summary>POLLNVAL: the descriptor is not open.</summary>
    public const short Invalid = 0x20;

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

    /// <summary>
    /// Polls <paramref name="first"/> and <paramref name="second"/> for their events, waiting up to
    /// <paramref name="milliseconds"/> (-1: until one occurs).
    /// </summary>
    /// <returns>poll's result: the number of descriptors with events, 0 when the time ran out, negative on an error.</returns>
    public static int Either(int first, short firstEvents, int second, short secondEvents, int milliseconds, out short firstReturned, out short secondReturned)
    {
        var waits = new PollDescriptor[]
        {
            new() { Descriptor = first, Events = firstEvents },
            new() { Descriptor = second, Events = secondEvents },
        };
        var result = poll(ref waits[0], 2, milliseconds);
        firstReturned = waits[0].ReturnedEvents;
        secondReturned = waits[1].ReturnedEvents;
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
