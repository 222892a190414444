using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>
/// Starts each server as the leader of its own process group (and session), with a watchdog in that group, so that
/// a stop reaches every worker and nothing outlives the host.
/// </summary>
/// <remarks>
/// <para>
/// Why a launcher: a server must lead its own session and group, and something must kill that group if the host dies,
/// even by SIGKILL. On Linux the child makes the session itself (<see cref="PosixSpawn"/>, <c>POSIX_SPAWN_SETSID</c>) and
/// runs <c>/bin/sh -c &lt;script&gt; prodserver-NAME COMMAND ARGS…</c>; where only .NET's
/// <see cref="System.Diagnostics.Process"/> can start it (it cannot call <c>setsid</c> between fork and exec), it runs
/// <c>setsid /bin/sh -c &lt;script&gt; …</c> (<see cref="Wrap"/>):
/// </para>
/// <list type="bullet">
/// <item><c>setsid</c> (util-linux; busybox has it too) makes the child a session and group leader and execs the shell
/// without forking: it only forks when its caller already leads a group, and a child freshly forked by .NET never does
/// (it sits in the host's group). So the pid .NET knows is also the group id, and the server's own pid.</item>
/// <item>The shell forks the watchdog and then <c>exec</c>s the server, so the server keeps that pid, and its exit code and
/// signals reach .NET unchanged.</item>
/// <item>The watchdog blocks reading the child's stdin, a pipe whose only write end the host holds (close-on-exec, so no
/// other child inherits it). End-of-file means the host closed it (the server ended) or the host died, even by
/// SIGKILL, because the kernel closes a dead process's descriptors. Either way the watchdog SIGKILLs the whole group,
/// itself included: no worker survives its master or the host.</item>
/// </list>
/// <para>
/// Why not <c>PR_SET_PDEATHSIG</c>: it kills only the direct child (a Gunicorn master's workers would linger until they
/// notice), it is not inherited across fork, and it fires when the forking <em>thread</em> exits, which for a
/// thread-pool thread can be long before the host does. The pipe has none of these problems.
/// </para>
/// <para>Windows has no process groups or signals here; there the engine kills the process tree, and a Job Object with
/// <c>JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE</c> is the equivalent of the watchdog (see docs/operations.md).</para>
/// </remarks>
internal static class ProcessGroup
{
    // The watchdog ignores every polite signal, because stops are sent to the whole group and it must outlive the
    // server's graceful stop; it holds neither stdout nor stderr, so the host sees end-of-file as soon as the server's
    // processes are gone. $$ is the shell's pid, which the server inherits through exec: the group id. ("kill -9 -PGID",
    // not "kill -9 -- -PGID": dash's kill builtin rejects the "--".)
    private const string Script = """
        exec 3<&0 </dev/null
        (
          trap '' HUP INT QUIT TERM USR1 USR2 PIPE
          while read -r _ <&3; do :; done
          kill -9 -$$ 2>/dev/null
        ) >/dev/null 2>&1 &
        exec 3<&-
        exec "$@"
        """;

    private const int ENOENT = 2;

    private static readonly Lazy<string?> SetsidPath = new(FindSetsid);

    /// <summary>
    /// Whether servers run in their own process group with a watchdog: where <see cref="PosixSpawn"/> makes the session
    /// (Linux, even without the <c>setsid</c> program: a distroless or slim image), or where the <c>setsid</c> program
    /// does (other Unix); <c>/bin/sh</c> runs the watchdog either way.
    /// </summary>
    public static bool IsSupported => IsSupportedWith(HasShell.Value, PosixSpawn.IsSupported, SetsidPath.Value);

    private static readonly Lazy<bool> HasShell = new(() => !OperatingSystem.IsWindows() && File.Exists("/bin/sh"));

    /// <summary>The decision of <see cref="IsSupported"/>, from what this machine has.</summary>
    /// <param name="shell">Whether <c>/bin/sh</c> is there (and this is not Windows).</param>
    /// <param name="posixSpawn">Whether <see cref="PosixSpawn"/> can start a server in a new session.</param>
    /// <param name="setsid">The <c>setsid</c> program's path, or <see langword="null"/>.</param>
    /// <returns>Whether servers are grouped.</returns>
    internal static bool IsSupportedWith(bool shell, bool posixSpawn, string? setsid) => shell && (posixSpawn || setsid is not null);

    /// <summary>The program and arguments that start <paramref name="executable"/> in its own group under the watchdog.</summary>
    /// <exception cref="Win32Exception">Neither posix_spawn nor the <c>setsid</c> program can make the session here.</exception>
    public static (string Executable, IReadOnlyList<string> Arguments) Wrap(string processName, string executable, IReadOnlyList<string> arguments)
    {
        // Reached only when posix_spawn, found able, then refused the session at run time: a start that fails as any other
        // start does (one line naming the process), not an exception nothing expects.
        var setsid = SetsidPath.Value ?? throw new Win32Exception(
            ENOENT, "this C library's posix_spawn refused a new session, and the setsid program (util-linux, busybox) was not found");
        return (setsid, WatchdogShell(processName, executable, arguments));
    }

    /// <summary>
    /// The shell command line (<c>/bin/sh</c> first) that starts the watchdog and then execs <paramref name="executable"/>:
    /// <see cref="Wrap"/> without <c>setsid</c>, for a start that makes the new session itself (<see cref="PosixSpawn"/>).
    /// </summary>
    public static string[] WatchdogShell(string processName, string executable, IReadOnlyList<string> arguments) =>
        ["/bin/sh", "-c", Script, "prodserver-" + processName, executable, .. arguments];

    /// <summary>Sends <paramref name="signal"/> to the group led by <paramref name="leader"/>, or to the leader alone if the group does not exist yet.</summary>
    /// <returns>Whether a process received it.</returns>
    public static bool Signal(int leader, int signal)
    {
        // Right after start the child may not have called setsid() yet: then it is still alone, and signalling its pid
        // reaches everything there is.
        return kill(-leader, signal) == 0 || kill(leader, signal) == 0;
    }

    /// <summary>Sends <paramref name="signal"/> to <paramref name="leader"/> alone (systemd's <c>KillMode=mixed</c> stop).</summary>
    /// <returns>Whether it was delivered.</returns>
    public static bool SignalLeader(int leader, int signal) => kill(leader, signal) == 0;

    /// <summary>Whether <paramref name="pid"/> still exists (a zombie not yet reaped counts).</summary>
    public static bool IsAlive(int pid) => kill(pid, 0) == 0;

    private static string? FindSetsid()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        foreach (var candidate in new[] { "/usr/bin/setsid", "/bin/setsid", "/usr/sbin/setsid", "/sbin/setsid" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // Blittable signature: no marshalling stub, so it is trim- and NativeAOT-safe.
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
