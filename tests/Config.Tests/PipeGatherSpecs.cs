using System;
using System.IO.Pipes;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The reader's pause between small reads (lines gather in the pipe, so a busy access log wakes the threads once per
/// batch) ends when the server closes its output, not when new lines arrive: an exit is read at once.
/// </summary>
public sealed class PipeGatherSpecs
{
    [Fact]
    public void New_lines_do_not_cut_the_pause_short()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.In);
        using var writer = new AnonymousPipeClientStream(PipeDirection.Out, server.ClientSafePipeHandle);
        writer.Write("GET / 200\n"u8);
        writer.Flush();

        Assert.False(PipeLines.Gather(Descriptor(server), 20));
    }

    [Fact]
    public async Task A_server_closing_its_output_ends_the_pause_at_once()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.In);
        var writer = new AnonymousPipeClientStream(PipeDirection.Out, server.ClientSafePipeHandle);
        writer.Write("last line\n"u8);

        // A minute-long pause, which only the hang-up can end within the test's bound.
        var gathering = Task.Run(() => PipeLines.Gather(Descriptor(server), 60_000));
        writer.Dispose();

        Assert.True(await gathering.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static int Descriptor(PipeStream pipe) => (int)pipe.SafePipeHandle.DangerousGetHandle();
}
