using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// Starts a <see cref="ProcessSupervisor"/> per selected process with the host, and stops them with it. Start returns
/// once every process is ready, so the host's "started" (and systemd's <c>READY=1</c>) means "serving". When a process
/// ends for good, <see cref="ProdServerOptions.OnGiveUp"/> decides whether the host stops; it exits with that code.
/// SIGHUP reloads the configuration and restarts only what changed (see <c>ProdServerHostedService.Reload.cs</c>).
/// </summary>
internal sealed partial class ProdServerHostedService : IHostedService, IDisposable
{
    private readonly IOptions<ProdServerOptions> _options;
    private readonly ProdServerRunState _state;
    private readonly ProdServerSupervisors _supervisors;
    private readonly ILoggerFactory _loggers;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeSpan _shutdownTimeout;
    private readonly string _contentRoot;
    private readonly ILogger _logger;
    private readonly EarlyLaunch? _early;
    private readonly List<ProcessSupervisor> _running = [];
    private readonly Dictionary<string, OutputRing> _rings = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _applicationName;
    private readonly Microsoft.Extensions.Configuration.IConfiguration? _configuration;
    private readonly IOptionsFactory<ProdServerOptions>? _optionsFactory;
    private readonly IServiceProvider? _services;
    private List<ProcessDefinition> _group = [];
    private ProdServerOptions? _current;

    public ProdServerHostedService(
        IOptions<ProdServerOptions> options,
        ProdServerRunState state,
        ProdServerSupervisors supervisors,
        ILoggerFactory loggers,
        IHostApplicationLifetime lifetime,
        IHostEnvironment? environment,
        IOptions<HostOptions>? hostOptions,
        EarlyLaunch? early = null,
        Microsoft.Extensions.Configuration.IConfiguration? configuration = null,
        IOptionsFactory<ProdServerOptions>? optionsFactory = null,
        IServiceProvider? services = null)
    {
        _services = services;
        _configuration = configuration;
        _optionsFactory = optionsFactory;
        _early = early;
        _options = options;
        _state = state;
        _supervisors = supervisors;
        _loggers = loggers;
        _lifetime = lifetime;
        _shutdownTimeout = hostOptions?.Value.ShutdownTimeout ?? TimeSpan.FromSeconds(30);
        _contentRoot = environment?.ContentRootPath ?? Directory.GetCurrentDirectory();
        _applicationName = environment?.ApplicationName ?? "app";
        _logger = loggers.CreateLogger("ProdServer");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before any server starts: from here on a SIGHUP is a reload (applied once the start is over), never the
        // runtime's default action, which would kill the host and leave its servers to the watchdog.
        HandleHangups();
        KillOnSecondInterrupt();
        try
        {
            await StartProcessesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _startOver.TrySetResult();
        }

        StopWhenTheHostStops();
    }

    private async Task StartProcessesAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var selected = ProcessSelection.Resolve(options, _state.Selected);
        _group = [.. selected];
        _current = options;
        try
        {
            // Before any server: a second host of the same app stops here, in one line, without starting anything.
            await RefuseWhatARunningHostRunsAsync(options, selected, cancellationToken).ConfigureAwait(false);
            ClaimBeats(selected, options);
            OpenControl(options, selected);
            StartupTrace.Mark("control-open");

            // Each after the processes it depends on are ready (DependsOn); the others at once, in declaration order.
            foreach (var definition in DependencyCheck.StartOrder(selected))
            {
                if (!await DependenciesReadyAsync(definition, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                StartSupervisor(definition, options);
            }

            StartupTrace.Mark("supervising");
        }
        catch (Exception ex) when (ex is ServerLaunchException or ControlSocketException)
        {
            _state.ReportExit(ExitCodes.InvalidConfiguration);
            await StopAllAsync(CancellationToken.None).ConfigureAwait(false);
            if (_state.FailStart(ex.Message))
            {
                await NeverAsync().ConfigureAwait(false);
            }

            Log.LaunchFailed(_logger, ex.Message, null);
            throw;
        }
        catch (OperationCanceledException)
        {
            return; // the host is stopping while a process waits for its dependencies; StopAsync follows
        }

        try
        {
            // Readiness first: the host reports "started" only when every process serves. A process that ends
            // before it is ready completes this too; WhenEndedAsync has stopped the host then.
            var ready = await Task.WhenAll(Running.Select(s => s.FirstReady)).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (ready.All(r => r))
            {
                SystemdNotify.Send("READY=1");
                StopPathWarmup.Start([.. Running.Select(s => s.Current).OfType<ServerProcess>()], _services);
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping during the start; StopAsync follows.
        }

        if (StartFailed(options.OnGiveUp))
        {
            // The engine gave up before the run ever served: its Critical line said why. Returning would make the host
            // log "Application started"; the entry point returns the exit code instead.
            foreach (var supervisor in Running.Where(EndedBeforeReady))
            {
                _state.ReportExit((await supervisor.Completion.ConfigureAwait(false)).ExitCode);
            }

            await StopAllAsync(CancellationToken.None).ConfigureAwait(false);
            if (_state.FailStart(null))
            {
                await NeverAsync().ConfigureAwait(false);
            }
        }
    }

    // Whether processes ended on their own before they were ever ready, so that the host stops without having served:
    // with StopAll, one such process; with KeepOthers, all of them.
    private bool StartFailed(GiveUpPolicy policy) =>
        Running is { Count: > 0 } running && (policy == GiveUpPolicy.StopAll ? running.Any(EndedBeforeReady) : running.All(EndedBeforeReady));

    // FirstReady is false either because the host stopped the process or because it ended for good on its own.
    private static bool EndedBeforeReady(ProcessSupervisor s) => s.FirstReady.IsCompletedSuccessfully && !s.FirstReady.Result && !s.StopRequested;

    // A failed start handed to the entry point never completes: completing would make the host log "Application
    // started", throwing would make it log "Hosting failed to start" with a stack trace. The entry point has stopped
    // waiting for it and disposes the host; every process was stopped before this.
    private static Task NeverAsync() => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task;

    // Waits until every process this one depends on (among those this host runs) is ready; false when one ended first.
    private async Task<bool> DependenciesReadyAsync(ProcessDefinition definition, CancellationToken cancellationToken)
    {
        var dependencies = Running.Where(s => definition.DependsOn.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (dependencies.Count == 0)
        {
            return true;
        }

        Log.Note(_logger, definition.Name, $"waiting for {string.Join(", ", dependencies.Select(d => d.Name))} to be ready (DependsOn)");
        var ready = await Task.WhenAll(dependencies.Select(d => d.FirstReady)).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (ready.All(r => r))
        {
            return true;
        }

        var failed = string.Join(", ", dependencies.Where(d => !d.FirstReady.Result).Select(d => d.Name));
        Log.Note(_logger, definition.Name, $"not started: {failed} ended before it was ready (DependsOn)");
        return false;
    }

    private async Task WhenEndedAsync(ProcessSupervisor supervisor, GiveUpPolicy policy)
    {
        var result = await supervisor.Completion.ConfigureAwait(false);
        if (supervisor.StopRequested)
        {
            return;
        }

        _state.ReportExit(result.ExitCode);
        Environment.ExitCode = _state.ExitCode;
        // With KeepOthers the host ends with its last process. Counted from the current supervisors, not from ends so
        // far: a process the operator started again after it gave up has a new supervisor, and its earlier end is over.
        if (policy == GiveUpPolicy.StopAll || Running.All(EndedOnItsOwn))
        {
            _lifetime.StopApplication();
        }
    }

    private static bool EndedOnItsOwn(ProcessSupervisor s) => s.Completion.IsCompleted && !s.StopRequested;

    // The supervisors of this run, one per process (a process stopped and started again has a new one): a copy.
    private List<ProcessSupervisor> Running
    {
        get
        {
            lock (_running)
            {
                return [.. _running];
            }
        }
    }

    // Starts a supervisor for the process, replacing any earlier one of the same name (control's start and restart).
    private ProcessSupervisor StartSupervisor(ProcessDefinition definition, ProdServerOptions options)
    {
        ClaimBeats([definition], options); // held already, unless a reload or a control start brings a beat in
        var logger = _loggers.CreateLogger("ProdServer.Process." + definition.Name);
        OutputRing ring;
        lock (_running)
        {
            if (!_rings.TryGetValue(definition.Name, out ring!))
            {
                _rings[definition.Name] = ring = new OutputRing(options.Control.TailLines);
            }
        }

        var earlier = SupervisorOf(definition)?.Status; // after a control stop, how the last one ended
        var supervisor = new ProcessSupervisor(definition, _contentRoot, logger, _shutdownTimeout) { Early = _early, Logs = options.Logs, Output = ring, Earlier = earlier };
        supervisor.Start();
        lock (_running)
        {
            _running.RemoveAll(s => string.Equals(s.Name, definition.Name, StringComparison.OrdinalIgnoreCase));
            _running.Add(supervisor);
        }

        _supervisors.Add(supervisor);
        _ = WhenEndedAsync(supervisor, options.OnGiveUp);
        return supervisor;
    }
}
