using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The sweep after the import's Python (<see cref="SettingsHelpers"/>) stops what the settings left running, and nothing
/// else: not the children this same host starts meanwhile from another thread (a fork holds copies of the host's
/// descriptors until it execs), nor its other children. Real processes throughout (Linux: /proc, where the tests run).
/// </summary>
public sealed class SettingsHelpersSpecs
{
    // Settings that leave two helpers, as settings_helper.py and settings_untracked.py do: one carries the run's tag and
    // holds the output pipes, one cleared its environment and holds stderr alone. Both are what the sweep must stop.
    private const string LeavesTwoHelpers = """
        import subprocess
        subprocess.Popen(["sleep", "300"])
        subprocess.Popen(["env", "-i", "sleep", "301"], stdout=subprocess.DEVNULL)
        print("{}")
        """;

    [Fact]
    public async Task Children_this_host_starts_from_another_thread_while_the_import_sweeps_are_not_stopped()
    {
        using var forker = new Forker();
        var runs = new List<PythonRun>();
        try
        {
            forker.Start();
            for (var run = 0; run < 6; run++)
            {
                runs.Add(await BoundedPythonRun.RunAsync(BoundedPythonRun.DefaultInterpreter, LeavesTwoHelpers, [], "/", CancellationToken.None));
            }
        }
        finally
        {
            forker.Stop();
        }

        // What each sweep stopped, and why it may: the two helpers of its own run, and nothing the forker started. The second
        // may still be 'env -i sleep 301' when the sweep finds it (env not yet replaced by sleep: the same process, one exec
        // earlier; seen once in CI).
        Assert.All(runs, run => Assert.Equal(
            ["'sleep 300'", "'sleep 301'"],
            run.Stopped
                .Select(stopped => stopped[(stopped.IndexOf('\'', StringComparison.Ordinal))..].Replace("'env -i sleep", "'sleep", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)));
        Assert.True(forker.Started > 20, $"the forker started only {forker.Started} children while the sweeps ran");
        Assert.Empty(forker.Stopped);
    }

    /// <summary>
    /// Starts children from its own thread until stopped, alternately <c>sh -c 'echo $$; exec sleep 60'</c> read through a
    /// pipe (as a spec beside the sweep reads a child's first line) and a bare <c>sleep 60</c>; keeps at most a few alive
    /// and, before it ends one itself, checks that nobody else did. A child found ended, or whose first line is missing,
    /// is named in <see cref="Stopped"/>.
    /// </summary>
    private sealed class Forker : IDisposable
    {
        private const int Alive = 16;
        private readonly Queue<Process> _children = new();
        private readonly List<string> _stopped = [];
        private readonly Thread _thread;
        private volatile bool _stop;

        public Forker() => _thread = new Thread(Loop) { IsBackground = true, Name = "forker" };

        public int Started { get; private set; }

        public IReadOnlyList<string> Stopped => _stopped;

        public void Start() => _thread.Start();

        public void Stop()
        {
            _stop = true;
            _thread.Join();
            while (_children.Count > 0)
            {
                End(_children.Dequeue());
            }
        }

        public void Dispose()
        {
            foreach (var child in _children)
            {
                child.Kill();
                child.Dispose();
            }
        }

        private void Loop()
        {
            while (!_stop)
            {
                var piped = Started % 2 == 0;
                var info = piped
                    ? new ProcessStartInfo("sh", ["-c", "echo $$; exec sleep 60"]) { RedirectStandardOutput = true, UseShellExecute = false }
                    : new ProcessStartInfo("sleep", "60") { UseShellExecute = false };
                _children.Enqueue(Process.Start(info)!);
                Started++;
                if (_children.Count > Alive)
                {
                    End(_children.Dequeue());
                }
            }
        }

        // Checked before this kill: a child that ended already was ended by someone else (they sleep a minute).
        private void End(Process child)
        {
            using (child)
            {
                if (child.HasExited)
                {
                    _stopped.Add($"pid {child.Id} ended with {child.ExitCode} before the forker stopped it");
                }

                if (child.StartInfo.RedirectStandardOutput && child.StandardOutput.ReadLine() is var line
                    && line != child.Id.ToString(CultureInfo.InvariantCulture))
                {
                    _stopped.Add($"pid {child.Id} printed '{line ?? "(end of file)"}' as its first line, not its pid");
                }

                child.Kill();
                child.WaitForExit();
            }
        }
    }
}
