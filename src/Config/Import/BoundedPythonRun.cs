using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// Runs a short Python script once, bounded in time and in output: the user's settings module runs inside it, and it
/// must neither hang the command nor fill its memory. The process tree is killed when either bound is reached.
/// </summary>
internal static class BoundedPythonRun
{
    /// <summary>How long the settings may take to import (settable for tests, which wait for less).</summary>
    public static TimeSpan Timeout { get; internal set; } = TimeSpan.FromSeconds(60);

    /// <summary>The most characters of the answer (stdout) read; the settings of a real project are a few kilobytes.</summary>
    public const int MaxOutput = 4 * 1024 * 1024;

    /// <summary>The most characters of stderr kept for the message when the run fails.</summary>
    public const int MaxError = 16 * 1024;

    // How long stderr may take to end once Python has exited and what it left running is stopped: the rest of what it
    // wrote is in the pipe, read in milliseconds; far longer means another process holds the pipe.
    private static readonly TimeSpan ErrorGrace = TimeSpan.FromSeconds(2);

    /// <summary>The interpreter used when none is given: Debian's, where it is, else <c>python3</c> on PATH.</summary>
    public static string DefaultInterpreter => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="DjangoSettingsException">The interpreter could not start, or a bound was reached.</exception>
    public static async Task<PythonRun> RunAsync(
        string interpreter, string script, string[] arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(interpreter)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        // Everything the settings start inherits the tag, so that what they leave running is found once Python has exited.
        var startedFrom = Descendants.StartTimeFloor();
        var tag = Descendants.NewTag();
        start.Environment[Descendants.TagVariable] = tag;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new DjangoSettingsException($"the Python interpreter '{Names.Printable(interpreter)}' could not be started: {Names.Printable(ex.Message, 200)}; give one with --python PATH.");
        }

        process.StandardInput.Close(); // a settings module that reads stdin gets end-of-file, not a hang
        var pipes = SettingsHelpers.PipesOf(process);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        // Past MaxOutput the answer is useless and the run is killed; stderr past MaxError is drained, so Python never blocks on it.
        var output = BoundedText.ReadAsync(process.StandardOutput, MaxOutput, stopAtLimit: true, timeout.Token);
        var error = BoundedText.ReadAsync(process.StandardError, MaxError, stopAtLimit: false, timeout.Token);
        var exited = process.WaitForExitAsync(timeout.Token);
        try
        {
            // Python's exit, not the pipes' end, ends the run: a helper the settings started holds stderr open (and a
            // forked one the answer's descriptor) for as long as it runs. The answer is watched meanwhile, since Python
            // blocks once the reader stops at the bound.
            if (await Task.WhenAny(output, exited).ConfigureAwait(false) == output && (await output.ConfigureAwait(false)).Truncated)
            {
                throw await TooMuchAsync(process, tag, startedFrom, pipes).ConfigureAwait(false);
            }

            await exited.ConfigureAwait(false);
            // What is left carrying the tag is stopped, and so is whatever still holds this run's pipes (a helper that
            // cleared its environment carries no tag, but keeps the descriptors it inherited): both pipes reach their end now.
            var stopped = await SettingsHelpers.StopAsync(tag, process.Id, startedFrom, pipes).ConfigureAwait(false);
            var answer = await output.ConfigureAwait(false);
            if (answer.Truncated)
            {
                throw await TooMuchAsync(process, tag, startedFrom, pipes).ConfigureAwait(false);
            }

            // Python has exited, so all it wrote is in the pipe already and is read at once; a stderr still open after
            // that is held by a process this user cannot see (another user's, after a setuid helper): not waited for.
            string printed;
            var heldOpen = false;
            try
            {
                printed = (await error.WaitAsync(ErrorGrace, timeout.Token).ConfigureAwait(false)).Text;
            }
            catch (TimeoutException)
            {
                (printed, heldOpen) = (string.Empty, true);
                _ = error.ContinueWith(static t => t.Exception, TaskScheduler.Default); // ends when the process is disposed
            }

            return new PythonRun(process.ExitCode, answer.Text, printed, stopped) { ErrorHeldOpen = heldOpen };
        }
        catch (OperationCanceledException)
        {
            var exitedAlready = process.HasExited;
            Kill(process);
            _ = await SettingsHelpers.StopAsync(tag, process.Id, startedFrom, pipes).ConfigureAwait(false);
            throw new DjangoSettingsException(cancellationToken.IsCancellationRequested
                ? "reading the settings was cancelled."
                : exitedAlready
                    ? $"reading the settings took longer than {Timeout.TotalSeconds:0} s; stopped (Python had exited, but a process it started, which cleared its environment, kept the answer's pipe open)."
                    : $"reading the settings took longer than {Timeout.TotalSeconds:0} s; stopped (does importing the settings module wait for something?).");
        }
    }

    private static async Task<DjangoSettingsException> TooMuchAsync(Process process, string tag, long startedFrom, IReadOnlySet<string> pipes)
    {
        Kill(process); // which also ends the stderr reader
        _ = await SettingsHelpers.StopAsync(tag, process.Id, startedFrom, pipes).ConfigureAwait(false);
        return new DjangoSettingsException($"Python printed more than {MaxOutput} characters while the settings were read; stopped.");
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}

/// <summary>What a <see cref="BoundedPythonRun"/> ended with.</summary>
/// <param name="Code">Python's exit code.</param>
/// <param name="Output">The answer (standard output), at most <see cref="BoundedPythonRun.MaxOutput"/> characters.</param>
/// <param name="Error">What Python and the settings wrote on standard error, at most <see cref="BoundedPythonRun.MaxError"/> characters.</param>
/// <param name="Stopped">The processes the settings left running, stopped once Python had exited, each as <c>pid N 'command line'</c>.</param>
internal sealed record PythonRun(int Code, string Output, string Error, IReadOnlyList<string> Stopped)
{
    /// <summary>
    /// Whether standard error was still open after Python had exited and what carried its tag was stopped: a process the
    /// settings started and that cleared its environment holds it (left running); <see cref="Error"/> is then empty.
    /// </summary>
    public bool ErrorHeldOpen { get; init; }
}
