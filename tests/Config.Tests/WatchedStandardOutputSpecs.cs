using System;
using System.IO;
using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A run's standard output whose reader is gone (<c>app web | head -1</c>): .NET's console stream drops those writes
/// without a word; the watched writer says so once, counts the lines, and says the total when the run ends. The whole
/// run is in the integration tests (HostProcessSpecs); these hold a pipe of their own.
/// </summary>
public sealed class WatchedStandardOutputSpecs
{
    [Fact]
    public void Lines_reach_the_reader_while_it_is_there()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new StreamReader(new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle));
        using var error = new StringWriter();
        using var watched = new WatchedStandardOutput(WriteEnd(pipe), error, TextWriter.Null);

        watched.Write("info: web\n      started\n");

        Assert.Equal("info: web", reader.ReadLine());
        Assert.Equal("      started", reader.ReadLine());
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void A_reader_gone_is_said_once_and_the_lines_not_written_are_counted_until_the_end()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // EPIPE's number is Linux's (CI runs there)
        }

        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle).Dispose();
        pipe.DisposeLocalCopyOfClientHandle(); // no reader is left
        using var error = new StringWriter();
        using var previous = new StringWriter();
        var watched = new WatchedStandardOutput(WriteEnd(pipe), error, previous);

        watched.Write("info: web\n      request 1\n");
        watched.Write("info: web\n      request 2\n");
        watched.WriteLine("a line of its own");
        watched.Dispose();

        Assert.Equal(
            [
                "Standard output is closed (its reader is gone): log lines are no longer written to it; 2 so far. The processes keep running.",
                "Standard output was closed: 5 log lines could not be written to it.",
            ],
            error.ToString().TrimEnd('\n').Split('\n'));
        Assert.Equal(5, watched.NotWritten);
        Assert.Empty(previous.ToString()); // dropped, not handed to the console's writer
    }

    // Any other failure (EAGAIN on a descriptor its parent made non-blocking, which the console's stream waits out) is no
    // reader gone: the console's own writer takes the lines, as before. /dev/full fails every write, with ENOSPC.
    [Fact]
    public void Another_write_failure_hands_the_lines_back_to_the_consoles_writer()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /dev/full is Linux's
        }

        using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        using var error = new StringWriter();
        using var previous = new StringWriter();
        using var watched = new WatchedStandardOutput(full, error, previous);

        watched.Write("first\n");
        watched.Write("second\n");

        Assert.Equal("first\nsecond\n", previous.ToString());
        Assert.Empty(error.ToString());
        Assert.Equal(0, watched.NotWritten);
    }

    private static FileStream WriteEnd(AnonymousPipeServerStream pipe) =>
        new(new SafeFileHandle(pipe.SafePipeHandle.DangerousGetHandle(), ownsHandle: false), FileAccess.Write, bufferSize: 0);
}
