using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ProdServer.Config;

/// <summary>
/// A place for files that may hold what a server's own environment holds (Linux only): a directory in memory (tmpfs or
/// ramfs, so nothing reaches a disk), owned by this user and closed to everyone else, and regular files in it that are
/// the same. Ownership is read with <c>statx(2)</c> (<see cref="FileStatus"/>), not inferred from access, so that root,
/// who can enter any directory, still never reads a file another user could have written.
/// </summary>
internal static partial class PrivateMemoryDirectory
{
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
            || !IsPrivate(FileStatus.Of(runtime), FileStatus.DirectoryType) || !InMemory(runtime))
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

        return IsPrivate(FileStatus.Of(directory), FileStatus.DirectoryType) ? directory : null;
    }

    /// <summary>Whether <paramref name="path"/> itself, not a link's target, is a Unix socket (Linux; elsewhere <see langword="null"/>: not known).</summary>
    public static bool? IsSocket(string path) =>
        OperatingSystem.IsLinux() ? FileStatus.Of(path) is { Type: FileStatus.SocketType } : null;

    /// <summary>Whether the open file <paramref name="handle"/> is a regular file of this user that no one else may read.</summary>
    public static bool IsPrivate(SafeFileHandle handle) => IsPrivate(FileStatus.Of(handle), FileStatus.RegularFileType);

    // Whether the file is of the given type, this user's, and closed to group and others (unread: not private).
    private static bool IsPrivate(FileStatus? status, int type) =>
        status is { } file && file.Uid == PeerCredentials.EffectiveUserId && file.Type == type && (file.Mode & GroupOrOtherBits) == 0;

    private static unsafe bool InMemory(string path)
    {
        // struct statfs starts with f_type (a long on 64-bit Linux); 120 bytes on x86-64 and arm64.
        var buffer = stackalloc long[32];
        return statfs(path, buffer) == 0 && buffer[0] is TmpfsMagic or RamfsMagic;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statfs(string path, long* buffer);
}
