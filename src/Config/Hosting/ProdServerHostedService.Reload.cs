using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// <c>reload</c> and SIGHUP, as <c>supervisorctl update</c>: re-read the configuration (appsettings*.json, environment,
/// env files), validate it as a whole, then restart the processes whose launch plan changed, start new ones, stop removed
/// ones and leave the others alone. An invalid configuration changes nothing.
/// </summary>
internal sealed partial class ProdServerHostedService
{
    private readonly SemaphoreSlim _changing = new(1, 1);

    // Completed when StartAsync is over (or the host stops first): a SIGHUP during the start is applied after it.
    private readonly TaskCompletionSource _startOver = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PosixSignalRegistration? _hangup;
    private bool _stopping;

    /// <summary>Ends SIGHUP handling (the host is disposed): from then on the runtime's default applies again.</summary>
    public void Dispose()
    {
        _hangup?.Dispose();
        _interrupts?.Dispose();
        _stopDeadline.Dispose();
        ReleaseBeats();
    }

    // Registered before any server starts and kept until the host is disposed, so that no SIGHUP in the host's life
    // takes the default action (terminate); one held since an early spawn (EarlyStopSignals) is applied as if it came now.
    private void HandleHangups()
    {
        if (OperatingSystem.IsWindows() || _hangup is not null)
        {
            return;
        }

        _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            _ = ReloadFromSignalAsync();
        });

        if (_services?.GetService(typeof(EarlyStopSignals)) is EarlyStopSignals early && early.TakeHeldHangup())
        {
            _ = ReloadFromSignalAsync();
        }
    }

    // SIGHUP: the same reconcile, its outcome in the log.
    private async Task ReloadFromSignalAsync()
    {
        if (Volatile.Read(ref _stopping))
        {
            Log.Note(_logger, "ProdServer", "SIGHUP ignored: the host is stopping");
            return;
        }

        Log.Note(_logger, "ProdServer", "reload requested (SIGHUP)");
        await _startOver.Task.ConfigureAwait(false);
        if (Volatile.Read(ref _stopping))
        {
            Log.Note(_logger, "ProdServer", "reload not applied: the host stopped before its start was over");
            return;
        }

        try
        {
            var outcome = await OneChangeAtATimeAsync(() => ReconcileAsync(dryRun: false)).ConfigureAwait(false);
            foreach (var line in (outcome.Messages ?? []).Concat(outcome.Errors ?? []))
            {
                Log.Note(_logger, "ProdServer", "reload: " + line);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.LaunchFailed(_logger, "Reload failed: " + ex.Message, ex);
        }
    }

    private async Task<ControlResponse> ReconcileAsync(bool dryRun)
    {
        if (_configuration is null || _optionsFactory is null)
        {
            return ControlResponse.Fail(ExitCodes.InvalidConfiguration, "This host was built without a configuration to reload.");
        }

        return await ReconcileCoreAsync(dryRun).ConfigureAwait(false);
    }

    private async Task<ControlResponse> ReconcileCoreAsync(bool dryRun)
    {
        // What runs now, fingerprinted before anything is re-read.
        var old = _group.ToDictionary(d => d.Name, d => (Definition: d, Fingerprint: FingerprintOrNull(d)), StringComparer.OrdinalIgnoreCase);

        try
        {
            (_configuration as IConfigurationRoot)?.Reload();
        }
        catch (InvalidDataException ex) when (Microsoft.Extensions.Hosting.ProdServerHost.DescribeConfigurationError(ex, "nothing was changed") is { } line)
        {
            // A file being edited: one line naming it and the place, as at start, and the running processes stay as they are.
            return Refused([line]);
        }

        ProdServerOptions options;
        try
        {
            options = _optionsFactory!.Create(Options.DefaultName);
        }
        catch (OptionsValidationException ex)
        {
            return Refused(ex.Failures);
        }

        var group = (_state.All ? options.Processes : options.Processes.Where(p => old.ContainsKey(p.Name))).ToList();
        var undoEnvFiles = EnvFileCache.Reread(group.SelectMany(d => d.EnvFiles).Select(f => Path.GetFullPath(f, _contentRoot)).Distinct(StringComparer.Ordinal));
        var problems = LaunchPlanner.ReadEnvFiles(group, _contentRoot).ToList();
        var next = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in group)
        {
            try
            {
                next[definition.Name] = LaunchFingerprint.Of(definition, LaunchPlanner.Plan(definition, _contentRoot));
            }
            catch (ServerLaunchException ex) when (problems.Contains(ex.Message))
            {
                // The env file's own problem, already said by ReadEnvFiles: once is enough.
            }
            catch (ServerLaunchException ex)
            {
                problems.Add(ex.Message);
            }
        }

        if (problems.Count > 0 || dryRun)
        {
            undoEnvFiles(); // refused, or only looked at: the running group keeps the values it started with
        }

        if (problems.Count > 0)
        {
            return Refused(problems);
        }

        var removed = old.Values.Where(o => !group.Any(d => string.Equals(d.Name, o.Definition.Name, StringComparison.OrdinalIgnoreCase))).Select(o => o.Definition).ToList();
        var added = group.Where(d => !old.ContainsKey(d.Name)).ToList();
        var changed = group.Where(d => old.TryGetValue(d.Name, out var o) && o.Fingerprint != next[d.Name]).ToList();
        var unchanged = group.Where(d => old.TryGetValue(d.Name, out var o) && o.Fingerprint == next[d.Name]).Select(d => old[d.Name].Definition).ToList();
        var messages = new List<string>();
        if (dryRun)
        {
            messages.AddRange(removed.Select(d => $"{d.Name}: would stop (removed)"));
            messages.AddRange(changed.Select(d => $"{d.Name}: would restart (launch plan changed)"));
            messages.AddRange(added.Select(d => $"{d.Name}: would start (new)"));
            messages.AddRange(unchanged.Select(d => $"{d.Name}: unchanged"));
            return StatusOf(_group, messages);
        }

        // From here on the new configuration is the running one: later starts use it.
        _current = options;
        _group = [.. group.Select(d => unchanged.FirstOrDefault(u => string.Equals(u.Name, d.Name, StringComparison.OrdinalIgnoreCase)) ?? d)];
        var errors = new List<string>();
        foreach (var definition in removed)
        {
            if (SupervisorOf(definition) is { } supervisor)
            {
                await supervisor.StopAsync().ConfigureAwait(false);
                lock (_running)
                {
                    _running.Remove(supervisor);
                }
            }

            messages.Add($"{definition.Name}: stopped (removed)");
        }

        foreach (var definition in DependencyCheck.StartOrder(_group).Where(d => changed.Contains(d) || added.Contains(d)))
        {
            var supervisor = SupervisorOf(definition);
            if (IsActive(supervisor))
            {
                await supervisor!.StopAsync().ConfigureAwait(false);
            }

            var problem = await StartOneAsync(definition).ConfigureAwait(false);
            if (problem is not null)
            {
                errors.Add(problem);
            }
            else
            {
                messages.Add(added.Contains(definition) ? $"{definition.Name}: started (new)" : $"{definition.Name}: restarted (launch plan changed)");
            }
        }

        messages.AddRange(unchanged.Select(d => $"{d.Name}: unchanged"));
        ReleaseBeatsNotIn(_group, options);
        return StatusOf(_group, messages, errors);
    }

    private string? FingerprintOrNull(ProcessDefinition definition)
    {
        try
        {
            return LaunchFingerprint.Of(definition, LaunchPlanner.Plan(definition, _contentRoot));
        }
        catch (ServerLaunchException)
        {
            return null; // it could not be planned now (a program removed since): any new plan counts as a change
        }
    }

    private static ControlResponse Refused(IEnumerable<string> problems) => new()
    {
        ExitCode = ExitCodes.InvalidConfiguration,
        Errors = ["The new configuration is invalid; nothing was changed, the running processes keep the old one:",
            .. problems.Select(p => "  " + Names.PrintableLine(p, 2000))],
    };
}
