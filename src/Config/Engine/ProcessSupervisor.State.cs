using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>The process's state (<see cref="ProcessState"/>): every transition goes through <see cref="Transition"/>.</summary>
internal sealed partial class ProcessSupervisor
{
    private ProcessStatus? _status;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where timestamps come from; tests may pass a fake clock.</summary>
    internal TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// The status the process's previous supervisor in this host ended with (a control <c>stop</c>, then <c>start</c>):
    /// its restarts and last exit carry on, so that <c>status</c> does not forget why the process was stopped or how often
    /// it had restarted; <see langword="null"/> for a first start.
    /// </summary>
    internal ProcessStatus? Earlier { get; init; }

    /// <summary>The process as of its last transition: state, pid, start time, restarts, last exit and when.</summary>
    public ProcessStatus Status =>
        Volatile.Read(ref _status) ?? Earlier ?? new ProcessStatus(Name, ProcessState.Stopped, Time.GetUtcNow(), null, null, 0, null, null);

    // Restarts before this supervisor's first start: the earlier ones', and that start itself when a child ran before it.
    private int EarlierRestarts => Earlier is { StartedAt: not null } earlier ? earlier.Restarts + 1 : 0;

    /// <summary>Waits until <paramref name="condition"/> holds for <see cref="Status"/>, at most <paramref name="timeout"/>.</summary>
    /// <param name="condition">What to wait for, tested at once and after every transition.</param>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">Ends the wait early with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The status that satisfied it, or the last one seen when the time ran out.</returns>
    public async Task<ProcessStatus> WaitForAsync(Func<ProcessStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            ProcessStatus status;
            lock (_gate)
            {
                changed = _changed.Task;
                status = Status;
            }

            if (condition(status))
            {
                return status;
            }

            try
            {
                await changed.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Status;
            }
        }
    }

    // The one place the state changes: a spawn sets the pid and start time, an exit clears the pid and records the code.
    private void Transition(ProcessState next, ISupervisedChild? spawned = null, int? exitCode = null)
    {
        ProcessStatus before;
        ProcessStatus after;
        TaskCompletionSource changed;
        lock (_gate)
        {
            before = Status;
            var now = Time.GetUtcNow();
            after = before with { State = next, Since = now, Restarts = EarlierRestarts + Math.Max(Starts - 1, 0) };
            if (spawned is not null)
            {
                after = after with { Pid = spawned.Id, StartedAt = now };
            }

            if (exitCode is { } code)
            {
                after = after with { Pid = null, LastExitCode = code, LastExitAt = now };
            }

            Volatile.Write(ref _status, after);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        Measure(before, after, spawned is not null, exitCode);
        Log.StateChanged(
            _logger, Name, before.State.Text(), next.Text(), after.Pid?.ToString(CultureInfo.InvariantCulture) ?? "none", after.StartedAt, after.Restarts,
            after.LastExitCode is { } last ? string.Create(CultureInfo.InvariantCulture, $"code {last} at {after.LastExitAt:O}") : "none");
        changed.TrySetResult();
    }

    // The metrics a transition moves (see EngineMetrics); the gauges read Status themselves.
    private void Measure(ProcessStatus before, ProcessStatus after, bool spawned, int? exitCode)
    {
        var tags = EngineMetrics.Tags(_definition);
        if (spawned && (Starts > 1 || EarlierRestarts > 0))
        {
            EngineMetrics.Restarts.Add(1, tags);
        }

        if (after.IsReady && !before.IsReady && after.StartedAt is { } started)
        {
            EngineMetrics.StartDuration.Record((after.Since - started).TotalSeconds, tags);
        }

        if (exitCode is { } code)
        {
            System.Collections.Generic.KeyValuePair<string, object?>[] exit = after.LastSignal is { } signal
                ? [.. tags, new("code", code), new("signal", Signals.Name(signal))]
                : [.. tags, new("code", code)];
            EngineMetrics.Exits.Add(1, exit);
        }
    }

    // Ready when a probe passed; Running when there was nothing to probe and it stayed up for StartSeconds.
    private ProcessState ServingState => _definition.Backend.GetListenEndpoints(_definition).Count > 0 ? ProcessState.Ready : ProcessState.Running;
}
