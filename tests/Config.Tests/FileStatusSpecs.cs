using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The one statx reader (<see cref="FileStatus"/>) that <see cref="FileOwner"/> and <see cref="PrivateMemoryDirectory"/>
/// share, held against coreutils' stat(1) on real files: type, mode, owner and group of the file itself, never a link's
/// target.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FileStatusSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Type_mode_owner_and_group_are_what_stat_says_for_each_kind_of_file()
    {
        var file = Path.Combine(_root.Path, "file");
        File.WriteAllText(file, "x");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var directory = Directory.CreateDirectory(Path.Combine(_root.Path, "dir")).FullName;
        var link = Path.Combine(_root.Path, "link");
        File.CreateSymbolicLink(link, file);
        var socket = Path.Combine(_root.Path, "s.sock");
        StaleSocket.Create(socket);

        foreach (var path in new[] { file, directory, link, socket, "/dev/null" })
        {
            var (mode, uid, gid) = Stat(path);

            Assert.Equal(new FileStatus(mode, uid, gid), FileStatus.Of(path));
        }

        Assert.Equal(FileStatus.RegularFileType, FileStatus.Of(file)!.Value.Type);
        Assert.Equal(FileStatus.DirectoryType, FileStatus.Of(directory)!.Value.Type);
        Assert.Equal(FileStatus.LinkType, FileStatus.Of(link)!.Value.Type);
        Assert.Equal(FileStatus.SocketType, FileStatus.Of(socket)!.Value.Type);
        Assert.True(PrivateMemoryDirectory.IsSocket(socket));
        Assert.False(PrivateMemoryDirectory.IsSocket(link));
        Assert.Null(FileStatus.Of(Path.Combine(_root.Path, "missing")));
    }

    [Fact]
    public void A_links_owner_and_group_are_its_own_not_its_targets()
    {
        // FileOwner read the owner and group, PrivateMemoryDirectory the type, mode and owner: the group is only FileOwner's.
        var file = Path.Combine(_root.Path, "file");
        File.WriteAllText(file, "x");
        var link = Path.Combine(_root.Path, "link");
        File.CreateSymbolicLink(link, file);
        Assert.True(FileOwner.TryGive(link, 65534, 65533), "the test gives the link to nobody, which needs root");

        Assert.Equal((65534u, 65533u), FileOwner.Of(link));
        Assert.Equal((Stat(file).Uid, Stat(file).Gid), FileOwner.Of(file));
        Assert.Null(FileOwner.Of(Path.Combine(_root.Path, "missing")));
    }

    [Fact]
    public void An_open_file_is_private_only_while_it_is_this_users_and_closed_to_everyone_else()
    {
        var path = Path.Combine(_root.Path, "entry");
        File.WriteAllText(path, "x");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var handle = File.OpenHandle(path);

        Assert.True(PrivateMemoryDirectory.IsPrivate(handle));
        Assert.Equal(Stat(path), (FileStatus.Of(handle)!.Value.Mode, FileStatus.Of(handle)!.Value.Uid, FileStatus.Of(handle)!.Value.Gid));

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.False(PrivateMemoryDirectory.IsPrivate(handle));

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.True(FileOwner.TryGive(path, 65534, 65534), "the test gives the file to nobody, which needs root");
        Assert.False(PrivateMemoryDirectory.IsPrivate(handle));
    }

    // stat(1) of the file itself: the raw mode (hex), owner and group.
    private static (int Mode, uint Uid, uint Gid) Stat(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%f %u %g", path]) { RedirectStandardOutput = true })!;
        var fields = stat.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.TrimEntries);
        stat.WaitForExit();
        Assert.Equal(0, stat.ExitCode);
        return (int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            uint.Parse(fields[1], CultureInfo.InvariantCulture), uint.Parse(fields[2], CultureInfo.InvariantCulture));
    }
}
