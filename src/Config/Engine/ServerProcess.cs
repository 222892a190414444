using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// One running server child: started from a <see cref="LaunchPlan"/>, its output pumped line by line into
/// <see cref="ILogger"/>, stopped with "signal, wait, kill the tree".
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int TailLines = 30;

    private readonly LaunchPlan _plan;
    private readonly ILogger _logger;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopRequested;

    private ServerProcess(LaunchPlan plan, ILogger logger, Process process)
    {
        _plan = plan;
        _logger = logger;
        _process = process;
    }

    /// <summary>The process name.</summary>
    public string Name => _plan.ProcessName;

    /// <summary>The child's process id.</summary>
    public int Id { get; private set; }

    /// <summary>Completes with the child's exit code when it exits (128 + N when a signal N ended it).</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Whether <see cref="StopAsync"/> was called, so an exit is expected rather than a failure.</summary>
    public bool StopRequested => Volatile.Read(ref _stopRequested) != 0;

    /// <summary>The last lines the child wrote to stderr, for the failure message.</summary>
    public string RecentErrorOutput
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>Starts the child described by <paramref name="plan"/>.</summary>
    /// <param name="plan">What to start.</param>
    /// <param name="logger">Where its output goes; the category should name the process.</param>
    /// <returns>The running process.</returns>
    /// <exception cref="ServerLaunchException">The program could not be started.</exception>
    public static ServerProcess Start(LaunchPlan plan, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(logger);
        var info = new ProcessStartInfo(plan.Executable)
        {
            WorkingDirectory = plan.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in plan.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in plan.RemovedEnvironment)
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in plan.FileEnvironment)
        {
            info.Environment[name] = value;
        }

        foreach (var (name, value) in plan.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(plan, logger, process);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data, fromStandardError: false);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data, fromStandardError: true);

        Log.Starting(logger, plan.ProcessName, plan.CommandLine, plan.WorkingDirectory);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new ServerLaunchException(plan.ProcessName,
                $"Process '{plan.ProcessName}' could not be started: {ex.Message}. Command: {plan.CommandLine}", ex);
        }

        server.Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Log.Started(logger, plan.ProcessName, server.Id);
        _ = server.WatchExitAsync();
        return server;
    }

    /// <summary>
    /// Stops the child: the graceful signal first, then, after <paramref name="timeout"/>, a kill of the whole tree.
    /// Returns once it has exited.
    /// </summary>
    /// <param name="timeout">How long the graceful stop may take.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Interlocked.Exchange(ref _stopRequested, 1);
        if (Exited.IsCompleted)
        {
            return await Exited.ConfigureAwait(false);
        }

        var signal = Signals.RequestStop(_process, _plan.StopSignal);
        Log.Stopping(_logger, Name, Id, signal, timeout);
        if (await Task.WhenAny(Exited, Task.Delay(timeout)).ConfigureAwait(false) == Exited)
        {
            var code = await Exited.ConfigureAwait(false);
            Log.StoppedGracefully(_logger, Name, Id, code);
            return code;
        }

        Log.Killed(_logger, Name, Id, timeout);
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }

        return await Exited.ConfigureAwait(false);
    }

    /// <summary>Stops the child if it still runs, and releases it.</summary>
    /// <returns>A task that completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!Exited.IsCompleted)
        {
            await StopAsync(ProcessDefinition.DefaultStopTimeout).ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private async Task WatchExitAsync()
    {
        // WaitForExitAsync also waits for both output pipes to reach end-of-file, so every line is logged first.
        await _process.WaitForExitAsync().ConfigureAwait(false);
        var code = _process.ExitCode;
        if (code != 0 && !StopRequested)
        {
            Log.Failed(_logger, Name, Id, code, RecentErrorOutput);
        }
        else
        {
            Log.Exited(_logger, Name, Id, code);
        }

        _exited.TrySetResult(code);
    }

    private void OnLine(string? line, bool fromStandardError)
    {
        if (line is null)
        {
            return;
        }

        if (fromStandardError)
        {
            lock (_tail)
            {
                if (_tail.Count == TailLines)
                {
                    _tail.Dequeue();
                }

                _tail.Enqueue(line);
            }
        }

        var level = PythonLogLevel.Detect(line, fromStandardError ? LogLevel.Warning : LogLevel.Information);
        if (_logger.IsEnabled(level))
        {
            _logger.Log(level, "{Line}", line);
        }
    }
}
