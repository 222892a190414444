using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>
/// What a file replaced by rename would otherwise lose: its mode and, where this user may give it (root, or a group
/// of its own), its owner and group. A new file takes the umask's mode (0644), so an appsettings.json kept 0600 for
/// its secrets became readable by every local user after <c>import --merge</c>.
/// </summary>
internal static partial class ReplacedFileAttributes
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxUidGid = 0x8 | 0x10; // STATX_UID | STATX_GID
    private const int StatxSize = 256;
    private const int StatxUidOffset = 20;
    private const int StatxGidOffset = 24;

    /// <summary>Gives <paramref name="replacement"/> the mode, owner and group of <paramref name="original"/>, when that is a file.</summary>
    /// <returns>Whether the owner or group could not be kept (said by the caller); a missing original keeps nothing and is no problem.</returns>
    public static bool CopyTo(string original, string replacement)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(original))
        {
            return false;
        }

        File.SetUnixFileMode(replacement, File.GetUnixFileMode(original));
        if (!OperatingSystem.IsLinux() || OwnerOf(original) is not var (uid, gid))
        {
            return false;
        }

        // The replacement is ours; chown fails (EPERM) where this user may not give it away, and the mode still holds.
        return OwnerOf(replacement) != (uid, gid) && lchown(replacement, uid, gid) != 0;
    }

    private static unsafe (uint Uid, uint Gid)? OwnerOf(string path)
    {
        var buffer = stackalloc byte[StatxSize];
        return statx(AtFdCwd, path, AtSymlinkNoFollow, StatxUidGid, buffer) == 0
            ? (*(uint*)(buffer + StatxUidOffset), *(uint*)(buffer + StatxGidOffset))
            : null;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lchown(string path, uint owner, uint group);
}
