using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ProdServer.Config;

/// <summary>
/// What Linux's <c>statx(2)</c> says of a file itself, never of a link's target: its type, permission bits, owner and
/// group. The one reader of that call in the runtime: <see cref="FileOwner"/> and <see cref="PrivateMemoryDirectory"/>
/// ask it, so the buffer's layout is written down once.
/// </summary>
/// <param name="Mode">The file's <c>st_mode</c>: its type (<see cref="Type"/>) and its permission bits.</param>
/// <param name="Uid">The owner's user id.</param>
/// <param name="Gid">The group's id.</param>
internal readonly partial record struct FileStatus(int Mode, uint Uid, uint Gid)
{
    /// <summary><c>S_IFMT</c>: the bits of <see cref="Mode"/> that are the type.</summary>
    private const int TypeMask = 0xF000;

    /// <summary><c>S_IFDIR</c>.</summary>
    public const int DirectoryType = 0x4000;

    /// <summary><c>S_IFREG</c>.</summary>
    public const int RegularFileType = 0x8000;

    /// <summary><c>S_IFLNK</c>.</summary>
    public const int LinkType = 0xA000;

    /// <summary><c>S_IFSOCK</c>.</summary>
    public const int SocketType = 0xC000;

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint TypeModeUidGid = 0x1 | 0x2 | 0x8 | 0x10; // STATX_TYPE | STATX_MODE | STATX_UID | STATX_GID

    // struct statx is 256 bytes; stx_uid, stx_gid (u32) and stx_mode (u16) sit at these offsets on every architecture.
    private const int BufferSize = 256;
    private const int UidOffset = 20;
    private const int GidOffset = 24;
    private const int ModeOffset = 28;

    /// <summary>The file type: one of <see cref="DirectoryType"/>, <see cref="RegularFileType"/>, <see cref="LinkType"/>, <see cref="SocketType"/>, or another <c>S_IF*</c>.</summary>
    public int Type => Mode & TypeMask;

    /// <summary>The status of <paramref name="path"/> itself (a link is not followed), or <see langword="null"/> where it cannot be read (missing, no access to its directory, not Linux).</summary>
    public static unsafe FileStatus? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = stackalloc byte[BufferSize];
        return statx(AtFdCwd, path, AtSymlinkNoFollow, TypeModeUidGid, buffer) == 0 ? Read(buffer) : null;
    }

    /// <summary>The status of the open file <paramref name="handle"/>, or <see langword="null"/> where it cannot be read (not Linux).</summary>
    public static unsafe FileStatus? Of(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = stackalloc byte[BufferSize];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, TypeModeUidGid, buffer) == 0 ? Read(buffer) : null;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static unsafe FileStatus Read(byte* buffer) =>
        new(*(ushort*)(buffer + ModeOffset), *(uint*)(buffer + UidOffset), *(uint*)(buffer + GidOffset));

    // Blittable but for the path, which the generated stub passes as UTF-8: trim- and NativeAOT-safe.
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int directory, string path, int flags, uint mask, byte* buffer);
}
