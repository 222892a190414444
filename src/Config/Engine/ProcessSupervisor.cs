using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// Keeps one process running: starts it, waits until it is ready, and when it exits restarts it per its
/// <see cref="RestartPolicy"/> with exponential back-off, until it gives up or the host stops it (see docs/operations.md).
/// </summary>
internal sealed partial class ProcessSupervisor
{
    private readonly ProcessDefinition _definition;
    private readonly string _contentRoot;
    private readonly ILogger _logger;
    private readonly TimeSpan _stopTimeout;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<bool> _firstReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<SupervisorResult>? _completion;
    private IChildLauncher? _launcher;
    private ISupervisedChild? _current;
    private volatile bool _ready;
    private int _restartRequested;

    /// <summary>Creates the supervisor of <paramref name="definition"/>; nothing starts until <see cref="Start"/>.</summary>
    /// <param name="definition">The process.</param>
    /// <param name="contentRoot">The directory relative paths resolve against.</param>
    /// <param name="logger">The process's logger (category <c>ProdServer.Process.&lt;name&gt;</c>).</param>
    /// <param name="maxStopTimeout">The host's shutdown timeout: no graceful stop waits longer.</param>
    public ProcessSupervisor(ProcessDefinition definition, string contentRoot, ILogger logger, TimeSpan? maxStopTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(logger);
        _definition = definition;
        _contentRoot = contentRoot;
        _logger = logger;
        var stop = definition.EffectiveStopTimeout;
        _stopTimeout = maxStopTimeout is { } max && max < stop ? max : stop;
    }

    /// <summary>The process name.</summary>
    public string Name => _definition.Name;

    /// <summary>Servers started before the host was built; the first start adopts this process's one instead of spawning.</summary>
    internal EarlyLaunch? Early { get; init; }

    /// <summary>The output buffer's size and overflow policy (<c>ProdServer:Logs</c>); <see langword="null"/> for the defaults.</summary>
    internal ProdServerLogOptions? Logs { get; init; }

    /// <summary>Where the children's recent output is kept for <c>tail</c>; <see langword="null"/> for none.</summary>
    internal OutputRing? Output { get; init; }

    /// <summary>The process definition.</summary>
    public ProcessDefinition Definition => _definition;

    /// <summary>The graceful stop timeout in force: the process's, capped by the host's shutdown timeout.</summary>
    public TimeSpan StopTimeout => _stopTimeout;

    /// <summary>The running child, if any.</summary>
    public ServerProcess? Current => Volatile.Read(ref _current) as ServerProcess;

    /// <summary>Where children come from: real processes unless a test passes fakes.</summary>
    internal IChildLauncher Launcher
    {
        get => _launcher ??= new ChildLauncher(_definition, _contentRoot, _logger) { Early = Early, Logs = Logs, Output = Output, Time = Time };
        init => _launcher = value;
    }

    /// <summary>The back-off's jitter source, a number in [0, 1); tests pass a fixed one.</summary>
    internal Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>Whether the current child has passed its readiness probe and is still running.</summary>
    public bool IsReady => _ready && Volatile.Read(ref _current) is { Exited.IsCompleted: false };

    /// <summary>How many times a child was started.</summary>
    public int Starts { get; private set; }

    /// <summary>Completes with <see langword="true"/> when the process is ready for the first time, or <see langword="false"/> when it ends before.</summary>
    public Task<bool> FirstReady => _firstReady.Task;

    /// <summary>Completes when the process has ended for good: given up, ended per its restart policy, or stopped.</summary>
    public Task<SupervisorResult> Completion => _completion ?? throw new InvalidOperationException($"Process '{Name}' was not started.");

    /// <summary>Whether <see cref="StopAsync"/> was called.</summary>
    public bool StopRequested => _stopping.IsCancellationRequested;

    /// <summary>Starts the first child and begins supervising it.</summary>
    /// <exception cref="ServerLaunchException">The first start failed before the child ran: a port in use, a missing program.</exception>
    public void Start()
    {
        var first = Launch();
        _completion = SuperviseAsync(first);
        EngineMetrics.Track(this);
    }

    /// <summary>Stops the process for good: the graceful stop, then a kill after <see cref="StopTimeout"/> or when <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="cancellationToken">The host's shutdown token: when it fires, the group is killed at once.</param>
    /// <returns>A task that completes when the child has exited.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        ISupervisedChild? current;
        lock (_gate)
        {
            _stopping.Cancel();
            current = _current;
        }

        if (current is not null)
        {
            if (!current.Exited.IsCompleted)
            {
                Transition(ProcessState.Stopping);
            }

            using var registration = cancellationToken.Register(static p => ((ISupervisedChild)p!).Kill(), current);
            await current.StopAsync(_stopTimeout).ConfigureAwait(false);
        }

        if (_completion is not null)
        {
            await _completion.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Restarts the process: the graceful stop (within <see cref="StopTimeout"/>), then a new start at once, without
    /// back-off. Does nothing when no child runs or the process is being stopped for good.
    /// </summary>
    /// <returns>Whether a running child was asked to stop; the task completes once it has exited.</returns>
    public async Task<bool> RestartAsync()
    {
        var current = Volatile.Read(ref _current);
        if (current is null || StopRequested || current.Exited.IsCompleted)
        {
            return false;
        }

        Interlocked.Exchange(ref _restartRequested, 1);
        Transition(ProcessState.Stopping);
        await current.StopAsync(_stopTimeout).ConfigureAwait(false);
        return true;
    }

    private ISupervisedChild Launch()
    {
        var first = Starts == 0;
        var plan = Launcher.Plan();
        if (first && Launcher.AdoptEarly(plan) is { } adopted)
        {
            return Adopt(adopted);
        }

        Launcher.Check(plan, first);
        lock (_gate)
        {
            // Under the gate: a stop that came first must not find a child it does not know of.
            if (_stopping.IsCancellationRequested)
            {
                throw new OperationCanceledException(_stopping.Token);
            }

            return Adopt(Launcher.Spawn(plan));
        }
    }

    private ISupervisedChild Adopt(ISupervisedChild server)
    {
        lock (_gate)
        {
            Starts++;
            _ready = false;
            Volatile.Write(ref _current, server);
        }

        Transition(ProcessState.Starting, spawned: server);
        return server;
    }
}
