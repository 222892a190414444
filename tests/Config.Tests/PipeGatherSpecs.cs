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

    // Each way the engine starts a server: posix_spawn under the watchdog (grouped; its pipes come as FileStreams) and the
    // Process class (its pipes come as PipeStreams). A reader that did not see a pipe in one of them woke once per line
    // under an access log, and left that pipe at the default 64 KiB: 0.73x of bare gunicorn's requests/s, ~115 µs of the
    // launcher's CPU a line (docs/benchmarks.md).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_output_of_a_started_server_is_a_pipe_the_reader_gathers_on(bool grouped)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the pause and the pipe size are Linux's
        }

        var exited = new TaskCompletionSource();
        var child = ChildProcess.Start("gather", "/bin/sh", ["-c", "read line"], Environment.CurrentDirectory,
            new System.Collections.Generic.Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, grouped, () => exited.TrySetResult());
        try
        {
            foreach (var output in new[] { child.StandardOutput, child.StandardError })
            {
                var descriptor = PipeLines.LinuxPipeDescriptor(output);
                Assert.True(descriptor >= 0, $"{output.GetType().Name} was not seen as a pipe");
                Assert.True(PipeLines.Enlarge(descriptor), "the kernel refused the larger pipe size: not a pipe");
            }
        }
        finally
        {
            if (grouped)
            {
                child.CloseLifeline();
            }

            child.KillTree();
            await exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
            child.Dispose();
        }
    }

    private static int Descriptor(PipeStream pipe) => (int)pipe.SafePipeHandle.DangerousGetHandle();
}
