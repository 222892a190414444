using System;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>The restart loop: readiness, failed starts, back-off, giving up.</summary>
internal sealed partial class ProcessSupervisor
{
    private const int KilledBySigkill = 128 + 9; // as ChildProcess reports an exit by signal N: 128 + N

    private async Task<SupervisorResult> SuperviseAsync(ISupervisedChild first)
    {
        ISupervisedChild? server = first;
        var failures = 0;
        var code = 0;
        while (true)
        {
            bool failedStart;
            string reason;
            if (server is null)
            {
                (failedStart, code) = (true, ExitCodes.InvalidConfiguration);
                reason = _lastLaunchError ?? "it could not be started";
            }
            else
            {
                (code, failedStart, reason) = await WatchAsync(server).ConfigureAwait(false);

                // It has exited: release its handle now rather than one per restart at the end.
                await server.DisposeAsync().ConfigureAwait(false);
            }

            // A launch that failed left no child, so no exit to record.
            int? exited = server is null ? null : code;
            if (StopRequested)
            {
                _firstReady.TrySetResult(false);
                Transition(ProcessState.Stopped, exitCode: exited);
                return new SupervisorResult(code, false, $"Process '{Name}' stopped.");
            }

            var restartNow = System.Threading.Interlocked.Exchange(ref _restartRequested, 0) == 1;
            failures = restartNow ? 0 : failedStart ? failures + 1 : 0;
            if (!restartNow && End(code, failedStart, failures, reason) is { } result)
            {
                _firstReady.TrySetResult(false);
                Transition(result.GaveUp ? ProcessState.GaveUp : ProcessState.Stopped, exitCode: exited);
                if (result.GaveUp)
                {
                    Log.GaveUp(_logger, result.Message);
                }
                else
                {
                    Log.Note(_logger, Name, result.Message);
                }

                return result;
            }

            var delay = restartNow ? TimeSpan.Zero : Backoff(failures);

            // The wait starts before the state says so, so that whoever sees Backoff can count on the timer.
            var backoff = Task.Delay(delay, Time, _stopping.Token);

            // A restart asked for goes from stopping straight to starting (stopped would read as the end of it, to whoever
            // waits); anything else waits out the back-off.
            Transition(restartNow ? ProcessState.Stopping : ProcessState.Backoff, exitCode: exited);
            if (restartNow)
            {
                Log.RestartingAsAsked(_logger, Name, code);
            }
            else
            {
                Log.Restarting(_logger, Name, delay, failedStart ? $"failed start {failures} of at most {_definition.StartRetries + 1}: {reason}" : reason);
            }

            try
            {
                await backoff.ConfigureAwait(false);
                server = Launch();
            }
            catch (OperationCanceledException)
            {
                _firstReady.TrySetResult(false);
                Transition(ProcessState.Stopped);
                return new SupervisorResult(code, false, $"Process '{Name}' stopped.");
            }
            catch (ServerLaunchException ex)
            {
                Log.LaunchFailed(_logger, ex.Message, null);
                _lastLaunchError = ex.Message;
                server = null;
            }
        }
    }

    private string? _lastLaunchError;

    // Asked only after a start failed because the server's own module is missing, once per module: each candidate is a
    // Python start, and every restart of the process would fail the same way. Only the supervising loop asks.
    private readonly System.Collections.Generic.Dictionary<string, string?> _interpretersWith = new(StringComparer.Ordinal);

    private string? InterpreterWith(string module)
    {
        if (!_interpretersWith.TryGetValue(module, out var found))
        {
            try
            {
                found = ServerVersionCheck.InterpreterWith(Launcher.Plan(), module);
            }
            catch (ServerLaunchException)
            {
                found = null;
            }

            _interpretersWith[module] = found;
        }

        return found;
    }

    // Whether this exit ends the process for good, per the restart policy and the failed-start count.
    private SupervisorResult? End(int code, bool failedStart, int failures, string reason)
    {
        var policy = _definition.Restart;
        var failureCode = code == 0 ? ExitCodes.InvalidConfiguration : code;
        if (policy == RestartPolicy.Never)
        {
            return failedStart || code != 0
                ? new SupervisorResult(failureCode, true, $"Process '{Name}' failed and is not restarted (Restart=Never): {reason}.")
                : new SupervisorResult(0, false, $"Process '{Name}' exited with code 0 and is not restarted (Restart=Never).");
        }

        if (policy == RestartPolicy.OnFailure && code == 0 && !failedStart)
        {
            return new SupervisorResult(0, false, $"Process '{Name}' exited with code 0 and is not restarted (Restart=OnFailure).");
        }

        if (failedStart && failures > _definition.StartRetries)
        {
            return new SupervisorResult(failureCode, true,
                $"Process '{Name}' gave up after {failures} failed starts in a row (StartRetries={_definition.StartRetries}): {reason}.");
        }

        return null;
    }

    private TimeSpan Backoff(int failures) =>
        Backoff(_definition.RestartDelay, _definition.RestartMaxDelay, failures, Jitter());

    /// <summary>
    /// <paramref name="initial"/> doubled per consecutive failed start (the first failure waits <paramref name="initial"/>),
    /// capped at <paramref name="max"/>, spread by ±25 % jitter (<paramref name="random"/> in [0, 1)) and capped again.
    /// </summary>
    internal static TimeSpan Backoff(TimeSpan initial, TimeSpan max, int failures, double random)
    {
        var exponent = Math.Min(Math.Max(failures, 1) - 1, 30);
        var delay = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        var jittered = delay * (0.75 + (random * 0.5));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, max.TotalMilliseconds));
    }

    // One run of one child: readiness, then its exit. A start that is not ready, or dies within StartSeconds, failed.
    private async Task<(int Code, bool FailedStart, string Reason)> WatchAsync(ISupervisedChild server)
    {
        var outcome = await Launcher.WaitReadyAsync(server, _stopping.Token).ConfigureAwait(false);
        var how = Readiness.Describe(_definition);
        switch (outcome)
        {
            case ReadinessOutcome.Ready:
                _ready = true;
                Log.Ready(_logger, Name, server.Id, how);
                Transition(ServingState);
                _firstReady.TrySetResult(true);
                break;
            case ReadinessOutcome.TimedOut:
                Log.NotReady(_logger, Name, server.Id, _definition.Readiness.Timeout, how);
                Transition(ProcessState.Stopping);
                var stopped = await server.StopAsync(_stopTimeout).ConfigureAwait(false);
                _ready = false;
                return (stopped, true, $"not ready within {_definition.Readiness.Timeout} ({how})");
        }

        var code = await server.Exited.ConfigureAwait(false);
        _ready = false;
        var uptime = (server.ExitTime ?? Time.GetUtcNow()) - server.StartTime;
        var failedStart = outcome != ReadinessOutcome.Ready || uptime < _definition.StartSeconds;
        if (StopRequested)
        {
            // An exit that was asked for is reported as a stop (SuperviseAsync), never with this reason; working it out
            // would run the start-failure hint's regex over the last line for the first time in the middle of the stop.
            return (code, failedStart, string.Empty);
        }

        // A SIGKILL the server did not ask for (the kernel's out-of-memory killer, an operator) leaves it no word of its
        // own: whatever it wrote last is not why.
        var said = code == KilledBySigkill ? "; killed by SIGKILL (the kernel's out-of-memory killer or another process: see dmesg)"
            : server.FailureReason() is { } line ? $"; it said: {line}{StartFailureHint.For(_definition, line, InterpreterWith)}"
            : string.Empty;
        var reason = failedStart
            ? $"exited with code {code} after {uptime.TotalSeconds:0.0} s, within StartSeconds={_definition.StartSeconds.TotalSeconds:0.###} s{said}"
            : $"exited with code {code} after {uptime.TotalSeconds:0.0} s{(code == 0 ? string.Empty : said)}";
        return (code, failedStart, reason);
    }
}
