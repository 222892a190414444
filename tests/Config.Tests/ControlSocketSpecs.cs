using System;
using System.IO;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>What the control socket's path may hold before a host opens it: only a dead host's socket is replaced.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ControlSocketSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private string Directory700()
    {
        var directory = Path.Combine(_root.Path, "ctl");
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory;
    }

    [Fact]
    public void A_regular_file_at_the_path_is_refused_in_one_line_and_kept()
    {
        // Before, it was deleted as if a dead host had left it.
        var path = Path.Combine(Directory700(), "notes.txt");
        File.WriteAllText(path, "notes");

        var ex = Assert.Throws<ControlSocketException>(() => ControlSocket.Listen(path, "app"));

        Assert.Equal($"The control socket path {path} holds something that is not a socket (a file, a directory or a link), which is left as it is: remove it, or set ProdServer:Control:Socket to another path.", ex.Message);
        Assert.Equal("notes", File.ReadAllText(path));
    }

    [Fact]
    public void A_directory_another_user_owns_is_refused_even_for_root()
    {
        // Root's chmod never fails, so the directory's owner went unchecked: that user could replace the socket and answer.
        var directory = Directory700();
        Assert.True(FileOwner.TryGive(directory, 65534, 65534), "the test gives the directory to nobody, which needs root");

        var ex = Assert.Throws<ControlSocketException>(() => ControlSocket.Listen(Path.Combine(directory, "app.sock"), "app"));

        Assert.Equal($"The control socket's directory {directory} belongs to uid 65534, not to this user (uid {PeerCredentials.EffectiveUserId}); use a directory only this user owns and can enter.", ex.Message);
    }

    [Theory]
    [InlineData(1000u, 1000u, null, true)] // its own host
    [InlineData(0u, 1000u, null, true)] // root's host
    [InlineData(1000u, 0u, 1000u, true)] // root controls another user's host, in that user's directory
    [InlineData(65534u, 0u, 0u, false)] // another user answering in root's directory: an impostor
    [InlineData(65534u, 1000u, 65534u, false)] // another user, for a client that is not root
    public void Only_the_hosts_user_may_answer_a_client(uint peer, uint me, uint? directoryOwner, bool allowed) =>
        Assert.Equal(allowed, ControlClient.MayAnswer(peer, me, directoryOwner));

    [Fact]
    public void A_directory_or_a_link_at_the_path_is_refused_and_kept()
    {
        var directory = Directory700();
        var folder = Directory.CreateDirectory(Path.Combine(directory, "folder")).FullName;
        var target = Path.Combine(directory, "target");
        File.WriteAllText(target, "kept");
        var link = Path.Combine(directory, "link.sock");
        File.CreateSymbolicLink(link, target);

        Assert.Contains("holds something that is not a socket", Assert.Throws<ControlSocketException>(() => ControlSocket.Listen(folder, "app")).Message, StringComparison.Ordinal);
        Assert.Contains("holds something that is not a socket", Assert.Throws<ControlSocketException>(() => ControlSocket.Listen(link, "app")).Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(folder));
        Assert.Equal("kept", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_socket_nothing_listens_on_is_replaced()
    {
        var path = Path.Combine(Directory700(), "app.sock");
        StaleSocket.Create(path); // what a killed host leaves
        Assert.True(File.Exists(path));

        using var socket = ControlSocket.Listen(path, "app");

        Assert.True(ControlSocket.Answers(path));
    }
}
