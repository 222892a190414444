using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>Who owns a file or directory itself, not a link's target (Linux <c>statx</c>, read by <see cref="FileStatus"/>): read, not inferred from access, because root may enter anything.</summary>
internal static partial class FileOwner
{
    /// <summary>The owner and group of <paramref name="path"/>, or <see langword="null"/> where it cannot be read (missing, not Linux).</summary>
    public static (uint Uid, uint Gid)? Of(string path) => FileStatus.Of(path) is { } status ? (status.Uid, status.Gid) : null;

    /// <summary>Gives <paramref name="path"/> itself to <paramref name="owner"/> and <paramref name="group"/>; whether that was allowed.</summary>
    public static bool TryGive(string path, uint owner, uint group) => lchown(path, owner, group) == 0;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lchown(string path, uint owner, uint group);
}
