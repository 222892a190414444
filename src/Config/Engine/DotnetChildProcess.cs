using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>A server started with <see cref="Process"/>: where <c>posix_spawn</c> is not available (Windows, an old C library).</summary>
internal sealed class DotnetChildProcess : ChildProcess
{
    private readonly Process _process;

    private DotnetChildProcess(Process process)
    {
        _process = process;
        // Taken now: once closed, the writer no longer hands out its stream.
        LifelineHandle = process.StartInfo.RedirectStandardInput ? (process.StandardInput.BaseStream as PipeStream)?.SafePipeHandle : null;
    }

    /// <inheritdoc/>
    public override int Id => _process.Id;

    /// <inheritdoc/>
    public override Stream StandardOutput => _process.StandardOutput.BaseStream;

    /// <inheritdoc/>
    public override Stream StandardError => _process.StandardError.BaseStream;

    /// <inheritdoc/>
    public override int ExitCode
    {
        get
        {
            _process.WaitForExit(); // it has exited: this only collects its exit status
            return _process.ExitCode;
        }
    }

    /// <summary>Starts <paramref name="executable"/> as <see cref="ChildProcess.Start"/> says, its standard input piped when <paramref name="lifeline"/>.</summary>
    /// <exception cref="Win32Exception">It could not be started.</exception>
    public static DotnetChildProcess Start(
        string executable, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, bool lifeline, Action exited)
    {
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = lifeline,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.Exited += (_, _) => exited();
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        if (OperatingSystem.IsWindows())
        {
            // No process groups there: the host's Job Object kills the server's tree if the host dies.
            WindowsJob.TryAdd(process);
        }

        return new DotnetChildProcess(process);
    }

    /// <inheritdoc/>
    public override SafeHandle? LifelineHandle { get; }

    /// <inheritdoc/>
    public override void CloseLifeline() => _process.StandardInput.Close();

    /// <inheritdoc/>
    public override void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It exited between the decision and the kill.
        }
    }

    /// <inheritdoc/>
    public override void Dispose() => _process.Dispose();
}
