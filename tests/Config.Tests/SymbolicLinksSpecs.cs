using System;
using System.Diagnostics;
using System.IO;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The one resolver of link chains (env files, interpreters, a unit's sandbox), held against coreutils' readlink -f on
/// real links: a chain ends where readlink says, and what is no link or cannot be followed has no target.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SymbolicLinksSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    // The temporary directory as readlink -f names it, so that only the links made here are followed.
    private string Root => ReadLink(_root.Path)!;

    [Fact]
    public void A_chain_of_links_ends_where_readlink_says()
    {
        var file = Path.Combine(Root, "real", "python3.11");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "");
        var absolute = Path.Combine(Root, "absolute");
        File.CreateSymbolicLink(absolute, file);
        Directory.CreateDirectory(Path.Combine(Root, "bin"));
        var relative = Path.Combine(Root, "bin", "python3");
        File.CreateSymbolicLink(relative, "../absolute");
        var dangling = Path.Combine(Root, "dangling");
        File.CreateSymbolicLink(dangling, "real/gone");

        foreach (var link in new[] { absolute, relative, dangling })
        {
            Assert.Equal(ReadLink(link), SymbolicLinks.FinalTarget(link));
        }

        Assert.Equal(file, SymbolicLinks.FinalTarget(relative));
    }

    [Fact]
    public void What_is_no_link_or_cannot_be_followed_has_no_target()
    {
        // A loop threw out of the env file cache's reload check (the interpreter and export resolvers caught it themselves).
        var file = Path.Combine(Root, "file");
        File.WriteAllText(file, "");
        var loop = Path.Combine(Root, "loop");
        File.CreateSymbolicLink(loop, Path.Combine(Root, "back"));
        File.CreateSymbolicLink(Path.Combine(Root, "back"), loop);

        Assert.Null(SymbolicLinks.FinalTarget(file));
        Assert.Null(SymbolicLinks.FinalTarget(Path.Combine(Root, "missing")));
        Assert.Null(ReadLink(loop));
        Assert.Null(SymbolicLinks.FinalTarget(loop));
    }

    // readlink -f's answer, or null when it has none (a loop).
    private static string? ReadLink(string path)
    {
        using var readlink = Process.Start(new ProcessStartInfo("readlink", ["-f", path]) { RedirectStandardOutput = true })!;
        var said = readlink.StandardOutput.ReadToEnd().TrimEnd('\n');
        readlink.WaitForExit();
        return readlink.ExitCode == 0 ? said : null;
    }
}
