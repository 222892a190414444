using System;
using System.IO;

namespace ProdServer.Config;

/// <summary>
/// What a file replaced by rename would otherwise lose: its mode and, where this user may give it (root, or a group
/// of its own), its owner and group. A new file takes the umask's mode (0644), so an appsettings.json kept 0600 for
/// its secrets became readable by every local user after <c>import --merge</c>.
/// </summary>
internal static class ReplacedFileAttributes
{
    /// <summary>Gives <paramref name="replacement"/> the mode, owner and group of <paramref name="original"/>, when that is a file.</summary>
    /// <returns>Whether the owner or group could not be kept (said by the caller); a missing original keeps nothing and is no problem.</returns>
    public static bool CopyTo(string original, string replacement)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(original))
        {
            return false;
        }

        File.SetUnixFileMode(replacement, File.GetUnixFileMode(original));
        if (FileOwner.Of(original) is not var (uid, gid))
        {
            return false;
        }

        // The replacement is ours; chown fails (EPERM) where this user may not give it away, and the mode still holds.
        return FileOwner.Of(replacement) != (uid, gid) && !FileOwner.TryGive(replacement, uid, gid);
    }
}
