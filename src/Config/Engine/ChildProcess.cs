using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>
/// A server's operating-system process as <see cref="ServerProcess"/> needs it: its pid, its output pipes, the lifeline
/// on its standard input, its exit code. Started with <c>posix_spawn</c> where it can be
/// (<see cref="SpawnedChildProcess"/>), else with <see cref="System.Diagnostics.Process"/> (<see cref="DotnetChildProcess"/>).
/// </summary>
internal abstract class ChildProcess : IDisposable
{
    /// <summary>Its pid.</summary>
    public abstract int Id { get; }

    /// <summary>Its standard output.</summary>
    public abstract Stream StandardOutput { get; }

    /// <summary>Its standard error.</summary>
    public abstract Stream StandardError { get; }

    /// <summary>Its exit code, once <see cref="Start"/>'s <c>exited</c> has been called (128 + N when signal N ended it).</summary>
    public abstract int ExitCode { get; }

    /// <summary>
    /// Starts <paramref name="executable"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> with
    /// exactly <paramref name="environment"/>, its output piped here; when <paramref name="grouped"/>, as the leader of its
    /// own session and process group under the watchdog, whose lifeline is its standard input (see
    /// <see cref="ProcessGroup"/>), else with this process's standard input. <paramref name="exited"/> is called once it
    /// has exited, from another thread.
    /// </summary>
    /// <exception cref="System.ComponentModel.Win32Exception">It could not be started.</exception>
    public static ChildProcess Start(
        string processName, string executable, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, bool grouped, Action exited)
    {
        if (grouped
            && SpawnedChildProcess.TryStart(ProcessGroup.WatchdogShell(processName, executable, arguments), workingDirectory, environment, exited) is { } spawned)
        {
            return spawned;
        }

        var (program, programArguments) = grouped ? ProcessGroup.Wrap(processName, executable, arguments) : (executable, arguments);
        return DotnetChildProcess.Start(program, programArguments, workingDirectory, environment, grouped, exited);
    }

    /// <summary>The write end of its standard input, the watchdog's lifeline; <see langword="null"/> when it has none.</summary>
    public abstract SafeHandle? LifelineHandle { get; }

    /// <summary>Closes the write end of its standard input: the watchdog then kills what is left of its group.</summary>
    public abstract void CloseLifeline();

    /// <summary>Kills it and every process below it (those that left its group too).</summary>
    public abstract void KillTree();

    /// <summary>Releases what is kept of it.</summary>
    public abstract void Dispose();
}
