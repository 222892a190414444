using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.Win32.SafeHandles;

namespace ProdServer.Config;

/// <summary>
/// A server started with <see cref="PosixSpawn"/>, in its own session, and reaped by a thread of its own that waits for
/// its pid alone.
/// </summary>
/// <remarks>
/// When the launcher itself was started with SIGCHLD ignored, .NET reaps every child it sees exit, this one included,
/// and its exit status is lost: <see cref="ExitCode"/> is then -1 (a failure unless a stop was asked for).
/// </remarks>
internal sealed class SpawnedChildProcess : ChildProcess
{
    // The waiting thread only calls waitpid and then the exit callback, which hands over to tasks.
    private const int WaiterStackBytes = 256 * 1024;

    private readonly SafeFileHandle _input;
    private readonly FileStream _output;
    private readonly FileStream _error;
    private int _exitCode = -1;

    private SpawnedChildProcess(PosixSpawn.Started started)
    {
        Id = started.Id;
        _input = started.Input;
        // Unbuffered: the line reader has its own buffer, and reads whatever one read() returns.
        _output = new FileStream(started.Output, FileAccess.Read, bufferSize: 0);
        _error = new FileStream(started.Error, FileAccess.Read, bufferSize: 0);
    }

    /// <inheritdoc/>
    public override int Id { get; }

    /// <inheritdoc/>
    public override Stream StandardOutput => _output;

    /// <inheritdoc/>
    public override Stream StandardError => _error;

    /// <inheritdoc/>
    public override int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>
    /// Starts <paramref name="command"/> (its program first) as <see cref="ChildProcess.Start"/> says, in a new session
    /// with its standard input piped; <see langword="null"/> where <see cref="PosixSpawn"/> cannot (not Linux, an old C
    /// library), and nothing was started.
    /// </summary>
    /// <exception cref="System.ComponentModel.Win32Exception">It could not be started.</exception>
    public static SpawnedChildProcess? TryStart(
        IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string> environment, Action exited)
    {
        if (!PosixSpawn.IsSupported || PosixSpawn.TryStart(command[0], command, workingDirectory, environment) is not { } started)
        {
            return null;
        }

        var child = new SpawnedChildProcess(started);
        var waiter = new Thread(
            () =>
            {
                Volatile.Write(ref child._exitCode, PosixSpawn.WaitForExit(child.Id) ?? -1);
                exited();
            },
            WaiterStackBytes)
        {
            IsBackground = true,
            Name = "exit of " + child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        waiter.UnsafeStart();
        return child;
    }

    /// <inheritdoc/>
    public override SafeHandle? LifelineHandle => _input;

    /// <inheritdoc/>
    public override void CloseLifeline() => _input.Dispose();

    /// <inheritdoc/>
    public override void KillTree()
    {
        // What is below it is looked up first: once it is dead, a process that left its group (a worker that called
        // setsid) is reparented, and no longer found below it. (Its group is ServerProcess's to kill.)
        var below = Descendants.Below(Id);
        _ = ProcessGroup.SignalLeader(Id, Signals.SIGKILL);
        Descendants.Kill(below);
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
        _error.Dispose();
    }
}
