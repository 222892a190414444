using System;
using System.Diagnostics;
using System.IO;
using System.IO.Pipes;
using System.Linq;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Who holds a pipe this host reads, and whether for writing (<see cref="DescriptorHolders"/>): what the import's sweep
/// stops a settings helper by, so a process counts as a writer only when it provably holds that pipe for writing.
/// (Linux: /proc, where the tests run.)
/// </summary>
public sealed class DescriptorHoldersSpecs
{
    [Fact]
    public void A_child_writing_to_a_pipe_this_host_reads_is_a_writer_and_one_reading_a_pipe_this_host_writes_is_not()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "30")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        })!;
        try
        {
            string[] itsOutput = [Target(child.StandardOutput.BaseStream)];
            string[] itsInput = [Target(child.StandardInput.BaseStream)];

            Assert.Equal([child.Id], DescriptorHolders.Find(itsOutput.ToHashSet(), except: Environment.ProcessId, writersOnly: true));
            // Its stdin is the read end: held, but not for writing. (Contains, not Equal: a fork of this host that another
            // test starts meanwhile holds a copy of the write end until it execs.)
            Assert.Contains(child.Id, DescriptorHolders.Find(itsInput.ToHashSet(), except: Environment.ProcessId));
            Assert.DoesNotContain(child.Id, DescriptorHolders.Find(itsInput.ToHashSet(), except: Environment.ProcessId, writersOnly: true));
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
        }
    }

    [Fact]
    public void This_kernels_fdinfo_names_the_pipe_a_descriptor_links_to_and_its_write_access()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        var writeEnd = server.SafePipeHandle.DangerousGetHandle();
        var readEnd = client.SafePipeHandle.DangerousGetHandle();
        var target = Target(server);

        Assert.True(DescriptorHolders.Writes(File.ReadAllText($"/proc/self/fdinfo/{writeEnd}"), target));
        Assert.False(DescriptorHolders.Writes(File.ReadAllText($"/proc/self/fdinfo/{readEnd}"), target));
    }

    [Theory]
    [InlineData("pos:\t0\nflags:\t01\nmnt_id:\t15\nino:\t4242\n", true)]
    [InlineData("pos:\t0\nflags:\t02000002\nmnt_id:\t15\nino:\t4242\n", true)]
    [InlineData("pos:\t0\nflags:\t02000000\nmnt_id:\t15\nino:\t4242\n", false)]
    // The number was closed after its link was read and given to a file opened for writing (another inode): not a writer.
    [InlineData("pos:\t0\nflags:\t0100001\nmnt_id:\t24\nino:\t77\n", false)]
    [InlineData("pos:\t0\nflags:\t0100001\nmnt_id:\t24\nino:\t42420\n", false)]
    // A kernel before 5.14 writes no ino line: the flags alone decide.
    [InlineData("pos:\t0\nflags:\t01\nmnt_id:\t15\n", true)]
    [InlineData("", false)]
    public void A_descriptor_writes_to_the_pipe_only_if_its_fdinfo_names_that_pipe_with_write_access(string fdinfo, bool writes)
    {
        Assert.Equal(writes, DescriptorHolders.Writes(fdinfo, "pipe:[4242]"));
    }

    private static string Target(Stream pipe) =>
        DescriptorHolders.OwnTarget(((PipeStream)pipe).SafePipeHandle.DangerousGetHandle())
        ?? throw new InvalidOperationException("no /proc/self/fd link for the pipe");
}
