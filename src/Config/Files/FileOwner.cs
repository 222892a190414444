using System;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>Who owns a file or directory itself, not a link's target (Linux <c>statx</c>): read, not inferred from access, because root may enter anything.</summary>
internal static partial class FileOwner
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxUidGid = 0x8 | 0x10; // STATX_UID | STATX_GID
    private const int StatxSize = 256;
    private const int StatxUidOffset = 20;
    private const int StatxGidOffset = 24;

    /// <summary>The owner and group of <paramref name="path"/>, or <see langword="null"/> where it cannot be read (missing, not Linux).</summary>
    public static unsafe (uint Uid, uint Gid)? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = stackalloc byte[StatxSize];
        return statx(AtFdCwd, path, AtSymlinkNoFollow, StatxUidGid, buffer) == 0
            ? (*(uint*)(buffer + StatxUidOffset), *(uint*)(buffer + StatxGidOffset))
            : null;
    }

    /// <summary>Gives <paramref name="path"/> itself to <paramref name="owner"/> and <paramref name="group"/>; whether that was allowed.</summary>
    public static bool TryGive(string path, uint owner, uint group) => lchown(path, owner, group) == 0;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lchown(string path, uint owner, uint group);
}
