using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// One running server child: started from a <see cref="LaunchPlan"/> as the leader of its own process group, its output
/// pumped line by line into <see cref="ILogger"/>, stopped with "signal the group, wait, kill the group".
/// </summary>
internal sealed class ServerProcess : ISupervisedChild, IStopTarget
{
    private const int TailLines = 30;

    // A tail line longer than this is cut: the failure message quotes the tail, and lines may be 16 KiB long.
    private const int TailLineLength = 1000;

    // After the server itself exits, how long its output may make no progress before the engine stops waiting for it:
    // the pipes close once every process holding them is gone (the watchdog and the sweep of tagged descendants kill
    // them), and the logger takes the last lines. A logger that takes nothing for this long is stuck, not slow.
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(2);

    // How often the watchdog's lifeline is asked whether the watchdog still reads it: the time a killed watchdog leaves the
    // server unguarded. One poll(2) without waiting, per server per second.
    private static readonly TimeSpan LifelineCheck = TimeSpan.FromSeconds(1);

    // How long a server killed with its group takes at most to be seen exited (its waiter thread reaps it at once).
    private static readonly TimeSpan LeaderExitSeen = TimeSpan.FromMilliseconds(200);

    private readonly LaunchPlan _plan;
    private readonly ILogger _logger;
    private ChildProcess _child = null!; // set by Start, before anything else sees the instance
    private OutputPump _pump = null!; // set by Start once the child runs, before its output is read
    private readonly bool _grouped;
    private readonly object _ringGate = new();
    private OutputRing? _ring;
    private OutputRing? _beforeAdoption; // only for a server started before the host: its lines until it is adopted
    private readonly string _tag = Descendants.NewTag();

    // No process started before this can carry _tag: the sweep reads the environment of younger processes only.
    private readonly long _startedFrom = Descendants.StartTimeFloor();
    private bool _stopSignalToGroup = true;
    private readonly TaskCompletionSource _leaderExited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _allGone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopRequested;
    private readonly ErrorOutput _errorOutput = new(TailLines, TailLineLength);
    private Task _readers = Task.CompletedTask;
    private readonly object _lifelineGate = new();
    private bool _lifelineClosed; // the server exited and its lifeline was closed: no watchdog is started any more
    private SpareWatchdog? _spareWatchdog; // the watchdog started when the first one was found gone

    private ServerProcess(LaunchPlan plan, ILogger logger, bool grouped)
    {
        _plan = plan;
        _logger = logger;
        _grouped = grouped;
    }

    /// <summary>The process name.</summary>
    public string Name => _plan.ProcessName;

    /// <summary>Where its output and the engine's messages about it go.</summary>
    internal ILogger Logger => _logger;

    /// <summary>The command line it was started with, shell-quoted and with URL passwords masked (for <c>status</c>).</summary>
    internal string CommandLine => _plan.DisplayCommandLine;

    /// <summary>The child's process id; on Linux also the id of its process group.</summary>
    public int Id { get; private set; }

    /// <summary>When the child was started.</summary>
    public DateTimeOffset StartTime { get; private set; }

    /// <summary>
    /// When the child itself exited, or <see langword="null"/> while it runs: earlier than <see cref="Exited"/>, which
    /// also waits for the last output and for what the child left behind, so that a run's length is measured by this.
    /// </summary>
    public DateTimeOffset? ExitTime { get; private set; }

    /// <summary>Completes when the child itself exits, before its last output is logged (see <see cref="Exited"/>).</summary>
    internal Task LeaderExited => _leaderExited.Task;

    /// <inheritdoc/>
    Task ISupervisedChild.LeaderExited => LeaderExited;

    /// <summary>Completes with the child's exit code when it exits (128 + N when a signal N ended it), after its last line is logged.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>
    /// Completes once every process of this start (the watchdog, workers) is gone and reaped, or
    /// <see cref="StopEscalation.KillWait"/> after the child's exit: a stop does not wait for the group's own zombies,
    /// but a caller that must see nothing of the server left (a launch killed before the host runs its release steps) does.
    /// </summary>
    internal Task AllGone => _allGone.Task;

    /// <summary>Whether <see cref="StopAsync"/> was called, so an exit is expected rather than a failure.</summary>
    public bool StopRequested => Volatile.Read(ref _stopRequested) != 0;

    /// <summary>
    /// The output lines dropped because the logger could not keep up: only with <see cref="LogOverflow.Drop"/> (by
    /// default the child waits instead), or lines still unread when the engine stopped waiting for a stuck logger.
    /// </summary>
    public long DroppedLines => _pump.Dropped;

    /// <summary>
    /// Where <c>tail</c> finds the recent output; set when a supervisor adopts a child started before the host was built,
    /// which then gets the lines the child wrote before (kept meanwhile, up to <see cref="ProdServerControlOptions.DefaultTailLines"/>):
    /// they are the ones that explain a bad start.
    /// </summary>
    internal OutputRing? Ring
    {
        get => Volatile.Read(ref _ring);
        set
        {
            lock (_ringGate)
            {
                if (value is not null && _beforeAdoption is { } early)
                {
                    foreach (var line in early.Last(early.Capacity).Lines)
                    {
                        value.Add(line);
                    }
                }

                // The ring first: a reader that then finds no adoption buffer finds the ring (see AddToRing).
                Volatile.Write(ref _ring, value);
                Volatile.Write(ref _beforeAdoption, null);
            }
        }
    }

    /// <summary>The last lines the child wrote to stderr (a usage text left out), for the failure message.</summary>
    public string RecentErrorOutput => _errorOutput.Tail;

    /// <summary>Starts the child described by <paramref name="plan"/>.</summary>
    /// <param name="plan">What to start.</param>
    /// <param name="logger">Where its output goes; the category should name the process.</param>
    /// <returns>The running process.</returns>
    /// <exception cref="ServerLaunchException">The program could not be started.</exception>
    public static ServerProcess Start(LaunchPlan plan, ILogger logger) => Start(plan, logger, stopSignalToGroup: true);

    /// <summary>Starts the child described by <paramref name="plan"/>.</summary>
    /// <param name="plan">What to start.</param>
    /// <param name="logger">Where its output goes; the category should name the process.</param>
    /// <param name="stopSignalToGroup">
    /// Whether <see cref="StopAsync"/> sends the stop signal to the whole group, or to the child alone (see
    /// <see cref="ServerBackend.StopSignalToGroup"/>); the kill after the timeout always goes to the group.
    /// </param>
    /// <returns>The running process.</returns>
    /// <exception cref="ServerLaunchException">The program could not be started.</exception>
    public static ServerProcess Start(LaunchPlan plan, ILogger logger, bool stopSignalToGroup) => Start(plan, logger, stopSignalToGroup, null);

    /// <summary>Starts the child described by <paramref name="plan"/>.</summary>
    /// <param name="plan">What to start.</param>
    /// <param name="logger">Where its output goes; the category should name the process.</param>
    /// <param name="stopSignalToGroup">
    /// Whether <see cref="StopAsync"/> sends the stop signal to the whole group, or to the child alone (see
    /// <see cref="ServerBackend.StopSignalToGroup"/>); the kill after the timeout always goes to the group.
    /// </param>
    /// <param name="logs">The output buffer's size and overflow policy; <see langword="null"/> for the defaults (2 MiB, nothing dropped).</param>
    /// <returns>The running process.</returns>
    /// <exception cref="ServerLaunchException">The program could not be started.</exception>
    public static ServerProcess Start(LaunchPlan plan, ILogger logger, bool stopSignalToGroup, ProdServerLogOptions? logs) =>
        Start(plan, logger, stopSignalToGroup, logs, null);

    /// <summary>As the public overloads, also keeping every output line in <paramref name="ring"/> (for <c>tail</c>).</summary>
    internal static ServerProcess Start(LaunchPlan plan, ILogger logger, bool stopSignalToGroup, ProdServerLogOptions? logs, OutputRing? ring) =>
        Start(plan, logger, stopSignalToGroup, logs, ring, keepUntilAdopted: false);

    /// <summary>As <see cref="Start(LaunchPlan, ILogger, bool, ProdServerLogOptions?)"/> for a server started before the host: its lines are kept until a supervisor adopts it and brings its <see cref="Ring"/>.</summary>
    internal static ServerProcess StartBeforeHost(LaunchPlan plan, ILogger logger, bool stopSignalToGroup, ProdServerLogOptions? logs) =>
        Start(plan, logger, stopSignalToGroup, logs, ring: null, keepUntilAdopted: true);

    private static ServerProcess Start(LaunchPlan plan, ILogger logger, bool stopSignalToGroup, ProdServerLogOptions? logs, OutputRing? ring, bool keepUntilAdopted)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(logger);
        if (!File.Exists(plan.Executable) && (plan.Executable.Contains('/') || plan.Executable.Contains(Path.DirectorySeparatorChar)))
        {
            // The launcher would start fine and only the exec inside it would fail; say so now, as a direct start would.
            throw new ServerLaunchException(plan.ProcessName,
                $"Process '{plan.ProcessName}' could not be started: {Names.PrintablePath(plan.Executable)} does not exist. Command: {plan.DisplayCommandLine}");
        }

        var grouped = ProcessGroup.IsSupported;
        var server = new ServerProcess(plan, logger, grouped)
        {
            _stopSignalToGroup = stopSignalToGroup,
            Ring = ring,
            _beforeAdoption = keepUntilAdopted ? new OutputRing(ProdServerControlOptions.DefaultTailLines) : null,
        };
        try
        {
            server._child = ChildProcess.Start(
                plan.ProcessName, plan.Executable, plan.Arguments, plan.WorkingDirectory, ChildEnvironment(plan, server._tag), grouped, () =>
                {
                    server.ExitTime = DateTimeOffset.UtcNow;
                    server._leaderExited.TrySetResult();
                });
            StartupTrace.Mark("forked");
        }
        catch (Win32Exception ex)
        {
            throw new ServerLaunchException(plan.ProcessName,
                $"Process '{plan.ProcessName}' could not be started: {ex.Message}. Command: {plan.DisplayCommandLine}", ex);
        }

        var child = server._child;
        server.Id = child.Id;
        server.StartTime = DateTimeOffset.UtcNow;

        // The pump (and its thread) once the child runs: the fork need not wait for it, and nothing is read before this.
        // A server started before the host's logging keeps its lines in the (bounded) pump until the logger is attached.
        server._pump = new OutputPump(logger, plan.ProcessName, logs, (logger as DeferredLogger)?.Attached);
        // Logged once the child runs: the first log call of a host costs milliseconds, which the child should not wait for.
        // Logged before the readers start, so that no line of the server's comes before it (its output waits in the pipe).
        // Before the host has logging (spawn-first), only once it has: the engine's log messages are set up on first use
        // (~20 ms of CPU under JIT), which would compete with the server's own start.
        if (logger is DeferredLogger deferred)
        {
            deferred.Defer(target => LogStarted(target, plan, server.Id));
        }
        else
        {
            LogStarted(logger, plan, server.Id);
        }

        // An array, not the span overload: its inline array of two tasks is JIT-compiled on first use, beside the server's start.
        server._readers = Task.WhenAll(new[]
        {
            PipeLines.ReadOnThread(child.StandardOutput, (line, split, more) => server.OnLine(line, split, more, fromStandardError: false), plan.ProcessName + " stdout"),
            PipeLines.ReadOnThread(child.StandardError, (line, split, more) => server.OnLine(line, split, more, fromStandardError: true), plan.ProcessName + " stderr"),
        });
        _ = server.WatchExitAsync();
        if (grouped)
        {
            _ = server.GuardWatchdogAsync();
        }

        return server;
    }

    // This process's environment (as .NET sees it: what SetEnvironmentVariable changed included), less the plan's removed
    // names, plus the env files' variables, then the plan's own, then the tag: later ones win, as in the plan's dry run.
    private static Dictionary<string, string> ChildEnvironment(LaunchPlan plan, string tag)
    {
        var environment = new Dictionary<string, string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            environment[(string)variable.Key] = variable.Value as string ?? string.Empty;
        }

        foreach (var name in plan.RemovedEnvironment)
        {
            environment.Remove(name);
        }

        foreach (var (name, value) in plan.FileEnvironment)
        {
            environment[name] = value;
        }

        foreach (var (name, value) in plan.Environment)
        {
            environment[name] = value;
        }

        // Inherited by everything the server starts, so what leaves its process group is still found (see Descendants).
        environment[Descendants.TagVariable] = tag;
        return environment;
    }

    private static void LogStarted(ILogger logger, LaunchPlan plan, int pid)
    {
        Log.Starting(logger, plan.ProcessName, plan.DisplayCommandLine, Names.PrintablePath(plan.WorkingDirectory));
        Log.Started(logger, plan.ProcessName, pid);
    }

    /// <summary>
    /// Stops the child: the backend's stop signal to its whole process group first, then, after
    /// <paramref name="timeout"/>, SIGKILL to the group. Returns once it has exited.
    /// </summary>
    /// <param name="timeout">How long the graceful stop may take.</param>
    /// <returns>The exit code.</returns>
    public Task<int> StopAsync(TimeSpan timeout)
    {
        Interlocked.Exchange(ref _stopRequested, 1);
        return StopEscalation.RunAsync(this, timeout, TimeProvider.System, _logger);
    }

    /// <inheritdoc/>
    TimeSpan? IStopTarget.StopSignalRepeat => _grouped ? _plan.StopSignalRepeat : null;

    /// <inheritdoc/>
    string IStopTarget.AskToStop()
    {
        if (_grouped && _stopSignalToGroup)
        {
            ProcessGroup.Signal(Id, _plan.StopSignal);
            return Signals.Name(_plan.StopSignal) + " to its process group";
        }

        if (_grouped)
        {
            ProcessGroup.SignalLeader(Id, _plan.StopSignal);
            return Signals.Name(_plan.StopSignal) + " to the main process only";
        }

        // No signals for a console child on Windows: the only stop is the kill.
        KillTree();
        return "kill (no process groups here)";
    }

    /// <inheritdoc/>
    string IStopTarget.DescribeUnfinished() =>
        ProcessGroup.IsAlive(Id) ? "still running (uninterruptible sleep?)" : "exited, but its last output was not logged";

    /// <summary>
    /// Sends <paramref name="signal"/> to the child's main process, the server's master (Gunicorn's SIGHUP reload, SIGTTIN),
    /// as every server documents it (<c>kill -HUP &lt;master pid&gt;</c>): the workers are the master's to tell. Sent to the
    /// whole group, gunicorn's workers died of the SIGHUP meant for their master instead of finishing their requests.
    /// </summary>
    /// <param name="signal">The POSIX signal number.</param>
    /// <returns>Whether it was delivered; <see langword="false"/> where there are no signals, or when the child is gone.</returns>
    public bool Signal(int signal) => _grouped && !Exited.IsCompleted && ProcessGroup.SignalLeader(Id, signal);

    /// <summary>Kills the child and its whole process group at once (SIGKILL), without a graceful stop.</summary>
    public void Kill()
    {
        Interlocked.Exchange(ref _stopRequested, 1);

        // The tree first, while the server still lives: once it is dead, what left its group is no longer found below it.
        KillTree();
        if (_grouped)
        {
            ProcessGroup.Signal(Id, Signals.SIGKILL);
        }
    }

    /// <summary>Stops the child if it still runs, and releases it.</summary>
    /// <returns>A task that completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!Exited.IsCompleted)
        {
            await StopAsync(ProcessDefinition.DefaultStopTimeout).ConfigureAwait(false);
        }

        _child.Dispose();
    }

    // Children that left the group (setsid in the server) are still found through /proc while their parent lives.
    private void KillTree() => _child.KillTree();

    private async Task WatchExitAsync()
    {
        await _leaderExited.Task.ConfigureAwait(false);
        StartupTrace.Mark("stop-child-exited");

        // Looked for before the lifeline closes, while the watchdog still waits on it: every process carrying this
        // start's tag, the setsid'd grandchild included (the subreaper made it the host's child when the server died).
        var leftBehind = Descendants.FindTagged(_tag, Id, _startedFrom);
        var escaped = leftBehind.FindAll(pid => !Descendants.InSession(pid, Id));
        if (_grouped)
        {
            // Closing the lifeline tells the watchdog the server is gone: it kills what is left of the group (workers
            // orphaned by a master that crashed), which closes the output pipes they hold.
            try
            {
                _child.CloseLifeline();
            }
            catch (IOException)
            {
            }

            SpareWatchdog? spare;
            lock (_lifelineGate)
            {
                _lifelineClosed = true;
                spare = _spareWatchdog;
            }

            spare?.Close();
        }

        Descendants.Kill(leftBehind);
        StartupTrace.Mark("stop-swept");
        if (escaped.Count > 0)
        {
            // Whatever they forked while we looked carries the tag too.
            for (var round = 0; round < 3 && Descendants.FindTagged(_tag, Id, _startedFrom).FindAll(pid => !leftBehind.Contains(pid)) is { Count: > 0 } more; round++)
            {
                escaped.AddRange(more.FindAll(pid => !Descendants.InSession(pid, Id)));
                Descendants.Kill(more);
                leftBehind.AddRange(more);
            }

            Log.KilledLeftBehind(_logger, Name, Id, escaped.Count, string.Join(", ", escaped));
        }

        // A server started before the host has logging (EarlyLaunch) cannot have its lines written until the host adopts
        // or discards it, which it always does; only then does a logger that takes no line mean one that is stuck.
        await _pump.LoggerReady.ConfigureAwait(false);

        // Both output pipes reach end-of-file once every process holding them is gone, so every line is queued first;
        // a slow logger holds the readers back (back-pressure), so wait as long as lines keep moving.
        if (!await WhileProgressingAsync(_readers, () => _pump.Progress).ConfigureAwait(false))
        {
            Log.OutputWaitExpired(_logger, Name, Id, "its output pipes stayed open, or the logger took no line,", OutputGrace);
        }

        StartupTrace.Mark("stop-pipes-closed");

        // The group's own zombies (the watchdog, workers) are reaped in the background: a stop need not wait for that,
        // nor for the first look for them (a scan of /proc, milliseconds). What escaped the group is waited for, so that
        // a stop means it is gone.
        if (escaped.Count > 0)
        {
            await ReapAsync(leftBehind).ConfigureAwait(false);
        }
        else
        {
            _ = Task.Run(() => ReapAsync(leftBehind));
        }

        var code = _child.ExitCode;
        if (!await WhileProgressingAsync(_pump.CompleteAsync(), () => _pump.Progress).ConfigureAwait(false))
        {
            Log.OutputWaitExpired(_logger, Name, Id, "the logger took none of its last lines", OutputGrace);
        }

        StartupTrace.Mark("stop-output-logged");

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

    // The watchdog is what kills the group when the host dies; nothing else tells the host if it is killed itself (the
    // audit found `kill -9` of the stray-looking `sh` left the server to outlive the next SIGKILL of the host, holding its
    // port). While the server runs, the lifeline is asked every LifelineCheck whether its reader is still there; when it
    // is not, a new watchdog takes over (SpareWatchdog) and a warning says so. The server is not restarted for it: it is
    // serving, and only its guard was lost.
    private async Task GuardWatchdogAsync()
    {
        while (await Task.WhenAny(_leaderExited.Task, Task.Delay(LifelineCheck)).ConfigureAwait(false) != _leaderExited.Task)
        {
            var watchdog = Volatile.Read(ref _spareWatchdog);
            if ((watchdog is null ? Lifeline.HasReader(_child.LifelineHandle) : watchdog.IsAlive) != false)
            {
                continue;
            }

            // A SIGKILL of the whole group (the stop's last step, Kill, or someone's kill -9 -PGID) ends the watchdog with
            // the server: that is no lost guard, and the server's exit is seen within moments.
            if (StopRequested
                || await Task.WhenAny(_leaderExited.Task, Task.Delay(LeaderExitSeen)).ConfigureAwait(false) == _leaderExited.Task)
            {
                return;
            }

            SpareWatchdog spare;
            try
            {
                spare = SpareWatchdog.Start(Name, Id);
            }
            catch (Exception ex) when (ex is Win32Exception or IOException or InvalidOperationException)
            {
                Log.WatchdogLost(_logger, Name, Id, ex.Message);
                return;
            }

            lock (_lifelineGate)
            {
                if (_lifelineClosed)
                {
                    spare.Close(); // the server exited meanwhile: the new watchdog kills what it left, as the first would have
                    return;
                }

                Volatile.Write(ref _spareWatchdog, spare);
            }

            watchdog?.Close();
            Log.WatchdogReplaced(_logger, Name, Id, spare.Id);
        }
    }

    private async Task ReapAsync(List<int> leftBehind)
    {
        var remaining = await Descendants.ReapAsync(leftBehind, Id, StopEscalation.KillWait).ConfigureAwait(false);
        if (remaining.Count > 0)
        {
            Log.LeftBehindRemain(_logger, Name, Id, string.Join(", ", remaining), StopEscalation.KillWait);
        }

        _allGone.TrySetResult();
    }

    // Waits for the task while progress() keeps changing; false once it stood still for OutputGrace.
    private static async Task<bool> WhileProgressingAsync(Task task, Func<long> progress)
    {
        var last = progress();
        while (await Task.WhenAny(task, Task.Delay(OutputGrace)).ConfigureAwait(false) != task)
        {
            var now = progress();
            if (now == last)
            {
                return false;
            }

            last = now;
        }

        return true;
    }

    private void OnLine(string line, SplitLine split, bool more, bool fromStandardError)
    {
        line = LogText.Escape(line);
        if (fromStandardError)
        {
            _errorOutput.Add(line);
        }

        AddToRing(line);
        _pump.Post(line, fromStandardError, split, more);
    }

    // Without a lock on the way of every line (an access log writes thousands a second): only a server started before
    // the host, until it is adopted, takes the gate, so that no line falls between its buffer and the ring it gets.
    private void AddToRing(string line)
    {
        if (Volatile.Read(ref _ring) is { } ring)
        {
            ring.Add(line);
            return;
        }

        if (Volatile.Read(ref _beforeAdoption) is null)
        {
            Volatile.Read(ref _ring)?.Add(line); // no tail kept, or adopted since the first look
            return;
        }

        OutputRing? adopted;
        lock (_ringGate)
        {
            adopted = _ring;
            if (adopted is null)
            {
                _beforeAdoption?.Add(line); // started before the host and not adopted yet: for the ring the supervisor brings
                return;
            }
        }

        adopted.Add(line);
    }

    /// <summary>The stderr line that best says why the server failed: the last Python exception
    /// (<c>ModuleNotFoundError: …</c>) or <c>Error: …</c> line it wrote, else its last stderr line.</summary>
    /// <returns>The line, or <see langword="null"/> when the server wrote nothing to stderr.</returns>
    public string? FailureReason() => _errorOutput.Reason;
}
