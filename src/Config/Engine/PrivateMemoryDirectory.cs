using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ProdServer.Config;

/// <summary>
/// A place for files that may hold what a server's own environment holds (Linux only): a directory in memory (tmpfs or
/// ramfs, so nothing reaches a disk), owned by this user and closed to everyone else, and regular files in it that are
/// the same. Ownership is read with <c>statx(2)</c>, not inferred from access, so that root, who can enter any directory,
/// still never reads a file another user could have written.
/// </summary>
internal static partial class PrivateMemoryDirectory
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxTypeModeUid = 0x1 | 0x2 | 0x8; // STATX_TYPE | STATX_MODE | STATX_UID
    private const int StatxSize = 256;
    private const int StatxUidOffset = 20;
    private const int StatxModeOffset = 28;
    private const int TypeMask = 0xF000; // S_IFMT
    private const int DirectoryType = 0x4000; // S_IFDIR
    private const int RegularFileType = 0x8000; // S_IFREG
    private const int SocketType = 0xC000; // S_IFSOCK
    private const int GroupOrOtherBits = 0x3F; // 077
    private const long TmpfsMagic = 0x01021994;
    private const long RamfsMagic = 0x858458F6;

    /// <summary>
    /// <c><paramref name="runtime"/>/<paramref name="name"/></c> (the runtime directory is <c>$XDG_RUNTIME_DIR</c>),
    /// created (0700) if needed, when both are in memory, this user's and private; otherwise <see langword="null"/> (no
    /// such directory: nothing is kept).
    /// </summary>
    public static string? Find(string? runtime, string name)
    {
        if (!OperatingSystem.IsLinux() || runtime is not { Length: > 1 } || !Path.IsPathFullyQualified(runtime)
            || !IsPrivate(runtime, DirectoryType) || !InMemory(runtime))
        {
            return null;
        }

        var directory = Path.Combine(runtime, name);
        try
        {
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return IsPrivate(directory, DirectoryType) ? directory : null;
    }

    /// <summary>Whether <paramref name="path"/>, itself and not a link's target, is a directory or regular file (<paramref name="type"/>) of this user that no one else may read.</summary>
    private static unsafe bool IsPrivate(string path, int type)
    {
        var buffer = stackalloc byte[StatxSize];
        return statx(AtFdCwd, path, AtSymlinkNoFollow, StatxTypeModeUid, buffer) == 0 && IsPrivate(buffer, type);
    }

    /// <summary>Whether <paramref name="path"/> itself, not a link's target, is a Unix socket (Linux; elsewhere <see langword="null"/>: not known).</summary>
    public static unsafe bool? IsSocket(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = stackalloc byte[StatxSize];
        return statx(AtFdCwd, path, AtSymlinkNoFollow, StatxTypeModeUid, buffer) == 0 && (*(ushort*)(buffer + StatxModeOffset) & TypeMask) == SocketType;
    }

    /// <summary>Whether the open file <paramref name="handle"/> is a regular file of this user that no one else may read.</summary>
    public static unsafe bool IsPrivate(SafeFileHandle handle)
    {
        var buffer = stackalloc byte[StatxSize];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxTypeModeUid, buffer) == 0 && IsPrivate(buffer, RegularFileType);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static unsafe bool IsPrivate(byte* statxBuffer, int type)
    {
        var uid = *(uint*)(statxBuffer + StatxUidOffset);
        var mode = *(ushort*)(statxBuffer + StatxModeOffset);
        return uid == PeerCredentials.EffectiveUserId && (mode & TypeMask) == type && (mode & GroupOrOtherBits) == 0;
    }

    private static unsafe bool InMemory(string path)
    {
        // struct statfs starts with f_type (a long on 64-bit Linux); 120 bytes on x86-64 and arm64.
        var buffer = stackalloc long[32];
        return statfs(path, buffer) == 0 && buffer[0] is TmpfsMagic or RamfsMagic;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statfs(string path, long* buffer);
}
