using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Microsoft.Win32.SafeHandles;

namespace ProdServer.Config;

/// <summary>
/// Starts a program with <c>posix_spawn</c> (Linux, glibc 2.29+ or musl 1.1.24+), in a new session, with pipes for its
/// standard input, output and error: what <see cref="System.Diagnostics.Process.Start()"/> does for a server, without the
/// Process class's first-use cost (under JIT about 15 ms of type loading and compilation before the fork, on the path
/// every start of the launcher takes) and with the session made in the child itself, where
/// <see cref="System.Diagnostics.Process"/> needs the <c>setsid</c> program in between.
/// </summary>
/// <remarks>
/// The child is reaped by <see cref="SpawnedChildProcess"/>'s own <c>waitpid</c> on its pid alone: .NET's SIGCHLD handling
/// only reaps the children the Process class started (unless SIGCHLD was ignored when the launcher started; see there).
/// Every descriptor here is opened close-on-exec, so a server started at the same time on another thread inherits none
/// of them; the child's three are <c>dup2</c>'d into place, which clears the flag on those alone.
/// </remarks>
internal static unsafe partial class PosixSpawn
{
    private const int CloseOnExec = 0x80000; // O_CLOEXEC on Linux
    private const short SetSignalDefaults = 0x04; // POSIX_SPAWN_SETSIGDEF
    private const short SetSignalMask = 0x08; // POSIX_SPAWN_SETSIGMASK
    private const short SetSession = 0x80; // POSIX_SPAWN_SETSID (glibc 2.26, musl 1.1.24)
    private const int EINVAL = 22;

    // The opaque structures, larger than any C library's (glibc: 80, 336 and 128 bytes; musl: 80, 336, 128).
    private const int FileActionsBytes = 512;
    private const int AttributesBytes = 1024;
    private const int SignalSetBytes = 256;

    private static int s_unsupported;

    // posix_spawn_file_actions_addchdir_np came last (glibc 2.29, musl 1.1.24), after POSIX_SPAWN_SETSID (glibc 2.26):
    // a C library that exports it has all this needs. Looked up once in the process's global symbols, where libc is.
    private static readonly Lazy<bool> s_present = new(() =>
        OperatingSystem.IsLinux() && NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "posix_spawn_file_actions_addchdir_np", out _));

    /// <summary>
    /// Whether servers can be started this way here: Linux, a C library that has every call it needs, and no earlier
    /// start found one missing.
    /// </summary>
    public static bool IsSupported => Volatile.Read(ref s_unsupported) == 0 && s_present.Value;

    /// <summary>The parent's ends of a started child's three pipes.</summary>
    /// <param name="Id">The child's pid: also its session and process group.</param>
    /// <param name="Input">The write end of its standard input.</param>
    /// <param name="Output">The read end of its standard output.</param>
    /// <param name="Error">The read end of its standard error.</param>
    internal sealed record Started(int Id, SafeFileHandle Input, SafeFileHandle Output, SafeFileHandle Error);

    /// <summary>
    /// Starts <paramref name="program"/> (a path: no PATH search) with <paramref name="arguments"/> (the first being
    /// its <c>argv[0]</c>) in <paramref name="workingDirectory"/>, as the leader of a new session, with exactly
    /// <paramref name="environment"/>, every signal at its default (none ignored) and none blocked; or returns <see langword="null"/>
    /// when this C library cannot (then nothing was started, and <see cref="IsSupported"/> turns false).
    /// </summary>
    /// <exception cref="Win32Exception">The program could not be started (no such directory, not executable, …).</exception>
    public static Started? TryStart(string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var memory = new NativeStrings();
        var fileActions = (void*)0;
        var attributes = (void*)0;
        // The three pipes' descriptors, read end first, in one stack block (a collection expression would compile its
        // inline-array helpers on first use under the JIT, before the fork).
        var descriptors = stackalloc int[6] { -1, -1, -1, -1, -1, -1 };
        var input = descriptors;
        var output = descriptors + 2;
        var error = descriptors + 4;
        try
        {
            var argv = memory.Array(arguments, static (_, index) => $"argument {index}");
            var envp = memory.Array(Entries(environment), (entry, _) => $"the environment variable {Names.Printable(entry[..entry.IndexOf('=', StringComparison.Ordinal)])}");
            var program8 = memory.String(program, "the program's path");
            var directory8 = memory.String(workingDirectory, "the working directory");
            if (pipe2(input, CloseOnExec) != 0 || pipe2(output, CloseOnExec) != 0 || pipe2(error, CloseOnExec) != 0)
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError());
            }

            fileActions = NativeMemory.AllocZeroed(FileActionsBytes);
            attributes = NativeMemory.AllocZeroed(AttributesBytes);
            var noSignals = stackalloc byte[SignalSetBytes];
            var everySignal = stackalloc byte[SignalSetBytes];
            _ = sigemptyset(noSignals);
            _ = sigfillset(everySignal);
            Check(posix_spawn_file_actions_init(fileActions));
            Check(posix_spawnattr_init(attributes));
            Check(posix_spawn_file_actions_adddup2(fileActions, input[0], 0));
            Check(posix_spawn_file_actions_adddup2(fileActions, output[1], 1));
            Check(posix_spawn_file_actions_adddup2(fileActions, error[1], 2));
            Check(posix_spawn_file_actions_addchdir_np(fileActions, directory8));
            // Every signal at its default: an ignored signal stays ignored across exec (the handlers .NET installed are reset
            // by exec itself). .NET ignores SIGPIPE in its own process; and a launcher started by nohup, or as a background
            // job of a script, ignores SIGHUP, or SIGINT and SIGQUIT, which its servers would inherit: runserver, whose stop
            // signal is SIGINT, would then outlive every stop until the kill. (SIGKILL and SIGSTOP are skipped by the C library.)
            Check(posix_spawnattr_setsigdefault(attributes, everySignal));
            Check(posix_spawnattr_setsigmask(attributes, noSignals));
            Check(posix_spawnattr_setflags(attributes, SetSession | SetSignalDefaults | SetSignalMask));

            int pid;
            var failed = posix_spawn(&pid, program8, fileActions, attributes, argv, envp);
            if (failed == EINVAL)
            {
                // An unknown flag (POSIX_SPAWN_SETSID before glibc 2.26): nothing started; the Process class does it.
                Volatile.Write(ref s_unsupported, 1);
                return null;
            }

            if (failed != 0)
            {
                throw new Win32Exception(failed, $"{new Win32Exception(failed).Message}: {Names.PrintablePath(program)} (working directory {Names.PrintablePath(workingDirectory)})");
            }

            var started = new Started(pid, new SafeFileHandle(input[1], ownsHandle: true), new SafeFileHandle(output[0], ownsHandle: true), new SafeFileHandle(error[0], ownsHandle: true));
            input[1] = output[0] = error[0] = -1;
            return started;
        }
        catch (EntryPointNotFoundException)
        {
            // posix_spawn_file_actions_addchdir_np is glibc 2.29+ and musl 1.1.24+.
            Volatile.Write(ref s_unsupported, 1);
            return null;
        }
        finally
        {
            // The child's ends are its own now (or nothing started): the parent keeps only what it returned.
            for (var i = 0; i < 6; i++)
            {
                if (descriptors[i] >= 0)
                {
                    _ = close(descriptors[i]);
                }
            }

            if (fileActions != null)
            {
                _ = posix_spawn_file_actions_destroy(fileActions);
                NativeMemory.Free(fileActions);
            }

            if (attributes != null)
            {
                _ = posix_spawnattr_destroy(attributes);
                NativeMemory.Free(attributes);
            }

            memory.Dispose();
        }
    }

    /// <summary>Waits for <paramref name="pid"/> to exit and reaps it: its exit code, 128 + N when signal N ended it, or <see langword="null"/> when someone else reaped it.</summary>
    public static int? WaitForExit(int pid)
    {
        int status;
        int reaped;
        while ((reaped = waitpid(pid, &status, 0)) < 0 && Marshal.GetLastPInvokeError() == 4)
        {
            // EINTR: a signal arrived on this thread; wait on.
        }

        if (reaped != pid)
        {
            return null;
        }

        var signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }

    private static string[] Entries(IReadOnlyDictionary<string, string> environment)
    {
        var entries = new string[environment.Count];
        var next = 0;
        foreach (var (name, value) in environment)
        {
            entries[next++] = name + "=" + value;
        }

        return entries;
    }

    private static void Check(int result)
    {
        if (result != 0)
        {
            throw new Win32Exception(result);
        }
    }

    // Every native block of one start, freed together. A plain array rather than a List<nint>: no precompiled image holds
    // a list over nint, and the JIT compiled a dozen of its methods before the fork.
    private sealed class NativeStrings : IDisposable
    {
        private nint[] _blocks = new nint[8];
        private int _count;

        public byte* String(string value, string what) =>
            Utf8(value) is var block && block != null ? block : throw new Win32Exception(EINVAL, $"{what} holds a NUL character");

        // describe names a value that holds a NUL (called only then): named, not quoted, as a variable's value may be a secret.
        public byte** Array(IReadOnlyList<string> values, Func<string, int, string> describe)
        {
            var array = (byte**)Keep(NativeMemory.Alloc((nuint)(values.Count + 1), (nuint)sizeof(nint)));
            for (var i = 0; i < values.Count; i++)
            {
                array[i] = Utf8(values[i]);
                if (array[i] == null)
                {
                    throw new Win32Exception(EINVAL, $"{describe(values[i], i)} holds a NUL character");
                }
            }

            array[values.Count] = null;
            return array;
        }

        public void Dispose()
        {
            for (var i = 0; i < _count; i++)
            {
                NativeMemory.Free((void*)_blocks[i]);
            }

            _count = 0;
        }

        // Null when the value holds a NUL: a C string ends at the first one, and what follows would be silently cut.
        private byte* Utf8(string value)
        {
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                return null;
            }

            var length = Encoding.UTF8.GetByteCount(value);
            var block = (byte*)Keep(NativeMemory.Alloc((nuint)length + 1));
            Encoding.UTF8.GetBytes(value, new Span<byte>(block, length));
            block[length] = 0;
            return block;
        }

        private void* Keep(void* block)
        {
            if (_count == _blocks.Length)
            {
                var more = new nint[_count * 2];
                System.Array.Copy(_blocks, more, _count);
                _blocks = more;
            }

            _blocks[_count++] = (nint)block;
            return block;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int pipe2(int* descriptors, int flags);

    [LibraryImport("libc")]
    private static partial int close(int descriptor);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int waitpid(int pid, int* status, int options);

    [LibraryImport("libc")]
    private static partial int sigemptyset(void* set);

    [LibraryImport("libc")]
    private static partial int sigfillset(void* set);

    [LibraryImport("libc")]
    private static partial int posix_spawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_init(void* fileActions);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_destroy(void* fileActions);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_adddup2(void* fileActions, int descriptor, int target);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_addchdir_np(void* fileActions, byte* path);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigmask(void* attributes, void* set);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigdefault(void* attributes, void* set);
}
