using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>
/// Who is at the other end of a Unix socket (Linux <c>SO_PEERCRED</c>): the control socket answers only its own user
/// and root, even if its directory's or its own mode were loosened by hand.
/// </summary>
internal static class PeerCredentials
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>This process's effective user id (0 where there are none).</summary>
    public static uint EffectiveUserId => OperatingSystem.IsWindows() ? 0 : geteuid();

    /// <summary>The peer's user id on Linux, or <see langword="null"/> where it cannot be read (other systems).</summary>
    public static unsafe uint? UserId(Socket connection)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        UCred credentials;
        var length = sizeof(UCred);
        var descriptor = (int)connection.SafeHandle.DangerousGetHandle();
        return getsockopt(descriptor, SolSocket, SoPeerCred, &credentials, &length) == 0 ? credentials.Uid : null;
    }

    /// <summary>Whether a peer running as <paramref name="peer"/> may control a host running as <paramref name="host"/>: the same user, or root.</summary>
    public static bool IsAllowed(uint? peer, uint host) => peer is { } uid ? uid == host || uid == 0 : !OperatingSystem.IsLinux();

    [StructLayout(LayoutKind.Sequential)]
    private struct UCred
    {
        public int Pid;
        public uint Uid;
        public uint Gid;
    }

    // Blittable signatures: no marshalling stub, so they are trim- and NativeAOT-safe.
    [DllImport("libc", SetLastError = true)]
    private static extern unsafe int getsockopt(int socket, int level, int name, UCred* value, int* length);

    [DllImport("libc")]
    private static extern uint geteuid();
}
