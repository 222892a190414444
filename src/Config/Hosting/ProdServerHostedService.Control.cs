using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>The control socket's commands, acting on this host's processes only (see <see cref="ControlServer"/>).</summary>
internal sealed partial class ProdServerHostedService : IControlHandler
{
    // Beyond the process's own readiness timeout: how long start and restart wait for "ready" before they say it is not.
    private static readonly TimeSpan ReadyGrace = TimeSpan.FromSeconds(10);

    // How long a launch of one process waits for a running host of the app to say what it runs.
    private static readonly TimeSpan RunningHostAnswer = TimeSpan.FromSeconds(5);

    private ControlServer? _control;
    private volatile bool _stoppingAll;

    [System.Runtime.Versioning.UnsupportedOSPlatformGuard("windows")]
    private bool ControlOpens(ProdServerOptions options, IReadOnlyList<ProcessDefinition> selected) =>
        !OperatingSystem.IsWindows() && (options.Control.Enabled ?? (selected.Count > 1 || _state.All)); // Windows: named pipes are not done yet (docs/operations.md)

    private string ControlSocketPath(ProdServerOptions options) => ControlSocket.PathFor(options.Control.Socket, _applicationName, _contentRoot);

    private void OpenControl(ProdServerOptions options, IReadOnlyList<ProcessDefinition> selected)
    {
        if (!ControlOpens(options, selected))
        {
            return;
        }

        var path = ControlSocketPath(options);
        _control = ControlServer.Open(path, _applicationName, this, _loggers.CreateLogger("ProdServer.Control"));
    }

    // A process launched on its own (`app beat`) opens no control socket, so a running `--all` host of the app cannot be
    // found the way a second `--all` finds it: that host is asked instead, when its socket is there, whether it already
    // runs one of the processes this launch would start. A second beat sends every periodic task twice, a second worker
    // takes the same queues under the same node name; a web server would only find its port taken. A socket nothing
    // answers on, or a host that does not answer in time, starts nothing here.
    private async Task RefuseWhatARunningHostRunsAsync(ProdServerOptions options, IReadOnlyList<ProcessDefinition> selected, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows() || ControlOpens(options, selected))
        {
            return;
        }

        var path = ControlSocketPath(options);
        if (!File.Exists(path))
        {
            return; // the usual case, one stat
        }

        List<ControlProcessStatus>? running = null;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(RunningHostAnswer);
        try
        {
            var request = new ControlRequest { V = ControlProtocol.Version, Command = "status" };
            if (await ControlClient.SendAsync(path, _applicationName, request, reply => { running = reply.Processes; return Task.CompletedTask; }, TextWriter.Null, bounded.Token).ConfigureAwait(false) != ExitCodes.Ok)
            {
                return;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return;
        }

        // Stopped or given up there is still that host's process: its `start` would bring it back beside this one.
        var twice = selected.Select(p => running?.Find(r => string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            .OfType<ControlProcessStatus>()
            .Select(r => $"'{Names.Printable(r.Name)}' ({Names.Printable(r.State)})").ToList();
        if (twice.Count > 0)
        {
            throw new ControlSocketException(
                $"Another host of '{Names.Printable(_applicationName)}' has {string.Join(", ", twice)} (its control socket {Names.PrintablePath(path)} answers); "
                + "a second would run it twice. Control it there (status, start, restart, stop), or stop that host first.");
        }
    }

    private async Task CloseControlAsync()
    {
        _stoppingAll = true;
        if (Interlocked.Exchange(ref _control, null) is { } control)
        {
            await control.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task HandleAsync(ControlRequest request, Func<ControlResponse, Task> reply, CancellationToken hangup)
    {
        var names = request.Names ?? [];
        var response = request.Command switch
        {
            "status" => Resolve(names, allowAll: true, out var all) ?? StatusOf(all, []),
            "stop" => await OneChangeAtATimeAsync(() => Resolve(names, allowAll: false, out var toStop) is { } no ? Task.FromResult(no) : StopProcessesAsync(toStop)).ConfigureAwait(false),
            "start" => await OneChangeAtATimeAsync(() => Resolve(names, allowAll: false, out var toStart) is { } no ? Task.FromResult(no) : StartProcessesAsync(toStart)).ConfigureAwait(false),
            "restart" => await OneChangeAtATimeAsync(() => Resolve(names, allowAll: false, out var toRestart) is { } no ? Task.FromResult(no) : RestartProcessesAsync(toRestart)).ConfigureAwait(false),
            "signal" => Resolve(names, allowAll: false, out var target) ?? Signal(target, request.Signal),
            "tail" => Resolve(names, allowAll: false, out var tailed) ?? await TailAsync(tailed, request, reply, hangup).ConfigureAwait(false),
            "reload" => await OneChangeAtATimeAsync(() => ReconcileAsync(request.DryRun)).ConfigureAwait(false),
            _ => ControlResponse.Fail(ExitCodes.InvalidConfiguration, $"'{request.Command}' is not available in this build."),
        };
        if (response is not null)
        {
            await reply(response).ConfigureAwait(false);
        }
    }

    // One change of the group at a time (stop, start, restart, reload), and none before the host's own start is over:
    // each looks at what runs and then acts, so two at once, or a start beside the host's start of the same process
    // (still waiting for its DependsOn), made two supervisors of one process, the first out of reach of every command.
    // A change waits its turn (the client waits up to ten minutes), as systemctl's jobs queue.
    private async Task<ControlResponse> OneChangeAtATimeAsync(Func<Task<ControlResponse>> change)
    {
        await _startOver.Task.ConfigureAwait(false);
        await _changing.WaitAsync().ConfigureAwait(false);
        try
        {
            return Volatile.Read(ref _stopping)
                ? ControlResponse.Fail(ExitCodes.InvalidConfiguration, "The host is stopping; nothing was changed.")
                : await change().ConfigureAwait(false);
        }
        finally
        {
            _changing.Release();
        }
    }

    // The named processes of this host's group, in the group's order; an error reply for a name it does not run.
    private ControlResponse? Resolve(List<string> names, bool allowAll, out List<ProcessDefinition> resolved)
    {
        var group = _group;
        resolved = names.Count == 0 && allowAll ? [.. group] : [];
        if (names.Count == 0 && !allowAll)
        {
            return ControlResponse.Fail(ExitCodes.Usage, "Name the process(es).");
        }

        var unknown = names.Where(n => !group.Any(d => string.Equals(d.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            return ControlResponse.Fail(ExitCodes.Usage,
                $"Unknown process {string.Join(", ", unknown.Select(n => $"'{Names.Printable(n)}'"))}; this host runs {string.Join(", ", group.Select(d => d.Name))}.");
        }

        resolved.AddRange(group.Where(d => names.Contains(d.Name, StringComparer.OrdinalIgnoreCase)));
        return null;
    }

    private ProcessSupervisor? SupervisorOf(ProcessDefinition definition) =>
        Running.FirstOrDefault(s => string.Equals(s.Name, definition.Name, StringComparison.OrdinalIgnoreCase));

    private ControlResponse StatusOf(IEnumerable<ProcessDefinition> definitions, List<string> messages, List<string>? errors = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var processes = definitions.Select(d => (Definition: d, Supervisor: SupervisorOf(d))).Select(p =>
        {
            var status = p.Supervisor?.Status ?? new ProcessStatus(p.Definition.Name, ProcessState.Stopped, now, null, null, 0, null, null);
            return new ControlProcessStatus
            {
                Name = p.Definition.Name,
                Backend = p.Definition.Backend.Name,
                State = status.State.Text(),
                Ready = status.IsReady,
                Pid = status.Pid,
                StartedAt = status.StartedAt,
                UptimeSeconds = Math.Round(status.Uptime(p.Supervisor?.Time.GetUtcNow() ?? now).TotalSeconds, 1),
                Restarts = status.Restarts,
                LastExitCode = status.LastExitCode,
                LastSignal = status.LastSignal,
                LastExitAt = status.LastExitAt,
                CommandLine = p.Supervisor?.Current?.CommandLine,
            };
        }).ToList();
        var failed = errors is { Count: > 0 };
        return new ControlResponse
        {
            Ok = !failed,
            ExitCode = failed ? ExitCodes.InvalidConfiguration : ExitCodes.Ok,
            Processes = processes,
            Messages = messages.Count > 0 ? messages : null,
            Errors = failed ? errors : null,
        };
    }

    private static bool IsActive(ProcessSupervisor? supervisor) =>
        supervisor is not null && !supervisor.StopRequested && supervisor.Status.State is not (ProcessState.Stopped or ProcessState.GaveUp);

    private async Task<ControlResponse> StopProcessesAsync(List<ProcessDefinition> definitions)
    {
        var messages = new List<string>();
        foreach (var definition in definitions)
        {
            var supervisor = SupervisorOf(definition);
            if (!IsActive(supervisor))
            {
                messages.Add($"{definition.Name}: already {supervisor?.Status.State.Text() ?? "stopped"}");
                continue;
            }

            // The process's own stop: its stop signal, then the kill after its stop timeout.
            await supervisor!.StopAsync().ConfigureAwait(false);
            messages.Add($"{definition.Name}: stopped (exit code {supervisor.Status.LastExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})");
        }

        return StatusOf(definitions, messages);
    }

    private async Task<ControlResponse> StartProcessesAsync(List<ProcessDefinition> definitions)
    {
        var messages = new List<string>();
        var errors = new List<string>();
        foreach (var definition in DependencyCheck.StartOrder(definitions))
        {
            if (IsActive(SupervisorOf(definition)))
            {
                messages.Add($"{definition.Name}: already {SupervisorOf(definition)!.Status.State.Text()}");
                continue;
            }

            if (await StartOneAsync(definition).ConfigureAwait(false) is { } problem)
            {
                errors.Add(problem);
            }
            else
            {
                messages.Add($"{definition.Name}: started");
            }
        }

        return StatusOf(definitions, messages, errors);
    }

    private async Task<ControlResponse> RestartProcessesAsync(List<ProcessDefinition> definitions)
    {
        var messages = new List<string>();
        var errors = new List<string>();
        foreach (var definition in DependencyCheck.StartOrder(definitions))
        {
            var supervisor = SupervisorOf(definition);
            var before = supervisor?.Status.Pid;
            if (IsActive(supervisor) && await supervisor!.RestartAsync().ConfigureAwait(false))
            {
                var after = await supervisor.WaitForAsync(s => s.Pid != before && s.IsReady || s.State is ProcessState.Stopped or ProcessState.GaveUp, ReadyWait(definition)).ConfigureAwait(false);
                if (after.IsReady)
                {
                    messages.Add($"{definition.Name}: restarted (pid {before} -> {after.Pid})");
                }
                else
                {
                    errors.Add($"{definition.Name}: restarted, but not ready: {after.State.Text()}");
                }

                continue;
            }

            // Not running (stopped, gave up, or between starts): stop what is left, then a fresh start.
            if (IsActive(supervisor))
            {
                await supervisor!.StopAsync().ConfigureAwait(false);
            }

            if (await StartOneAsync(definition).ConfigureAwait(false) is { } problem)
            {
                errors.Add(problem);
            }
            else
            {
                messages.Add($"{definition.Name}: started");
            }
        }

        return StatusOf(definitions, messages, errors);
    }

    // A new supervisor once the processes it depends on are ready; waits until it is ready. The problem, or null.
    private async Task<string?> StartOneAsync(ProcessDefinition definition)
    {
        foreach (var dependency in _group.Where(d => definition.DependsOn.Contains(d.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var supervisor = SupervisorOf(dependency);
            if (!IsActive(supervisor))
            {
                return $"{definition.Name}: not started: it depends on {dependency.Name}, which is {supervisor?.Status.State.Text() ?? "stopped"} (DependsOn); start {dependency.Name} first.";
            }

            var ready = await supervisor!.WaitForAsync(s => s.IsReady || s.State is ProcessState.Stopped or ProcessState.GaveUp, ReadyWait(dependency)).ConfigureAwait(false);
            if (!ready.IsReady)
            {
                return $"{definition.Name}: not started: {dependency.Name}, which it depends on, is {ready.State.Text()}, not ready (DependsOn).";
            }
        }

        if (_stoppingAll)
        {
            return $"{definition.Name}: not started: the host is stopping.";
        }

        ProcessSupervisor started;
        try
        {
            started = StartSupervisor(definition, _current ?? _options.Value);
        }
        catch (ServerLaunchException ex)
        {
            return ex.Message;
        }

        var status = await started.WaitForAsync(s => s.IsReady || s.State is ProcessState.Stopped or ProcessState.GaveUp, ReadyWait(definition)).ConfigureAwait(false);
        return status.IsReady ? null : $"{definition.Name}: started, but not ready: {status.State.Text()}";
    }

    private static TimeSpan ReadyWait(ProcessDefinition definition) =>
        definition.Readiness.Timeout + definition.StartSeconds + ReadyGrace;

    private ControlResponse Signal(List<ProcessDefinition> definitions, string? signal)
    {
        if (!ControlProtocol.TryParseSignal(signal, out var number))
        {
            return ControlResponse.Fail(ExitCodes.Usage, ControlProtocol.UnknownSignal(signal));
        }

        // A signal the server has no handler for ends it or suspends it: refused before any is sent, with what it handles.
        var name = Signals.Name(number)[3..];
        var refused = definitions.Where(d => !d.Backend.HandledSignals.Contains(name, StringComparer.Ordinal)).ToList();
        if (refused.Count > 0)
        {
            return ControlResponse.Fail(ExitCodes.Usage, string.Join("\n", refused.Select(d =>
                $"{d.Name}: {d.Backend.Command} has no handler for SIG{name}, which would {(number is 21 or 22 ? "suspend" : "end")} it; "
                + (d.Backend.HandledSignals.Count > 0 ? $"it acts on {string.Join(", ", d.Backend.HandledSignals)}" : "it acts on none of these signals")
                + $" (restart {d.Name} restarts it). No signal was sent.")));
        }

        var messages = new List<string>();
        var errors = new List<string>();
        foreach (var definition in definitions)
        {
            if (SupervisorOf(definition)?.Current is { } child && child.Signal(number))
            {
                messages.Add($"{definition.Name}: sent {Signals.Name(number)} to {definition.Name}#{child.Id}, its main process");
            }
            else
            {
                errors.Add($"{definition.Name}: not running; no signal sent");
            }
        }

        return StatusOf(definitions, messages, errors);
    }

    private async Task<ControlResponse?> TailAsync(List<ProcessDefinition> definitions, ControlRequest request, Func<ControlResponse, Task> reply, CancellationToken hangup)
    {
        if (definitions.Count != 1)
        {
            return ControlResponse.Fail(ExitCodes.Usage, "tail takes one process name.");
        }

        OutputRing? ring;
        lock (_running)
        {
            _rings.TryGetValue(definitions[0].Name, out ring);
        }

        if (ring is null)
        {
            return new ControlResponse { Ok = true, Lines = [] };
        }

        var (lines, next) = ring.Last(request.Lines ?? 10);
        await reply(new ControlResponse { Ok = true, Lines = lines }).ConfigureAwait(false);
        while (request.Follow)
        {
            (lines, next, var skipped) = await ring.WaitAfterAsync(next, hangup).ConfigureAwait(false);
            await reply(new ControlResponse { Ok = true, Lines = lines, Skipped = skipped > 0 ? skipped : null }).ConfigureAwait(false);
        }

        return null;
    }
}
