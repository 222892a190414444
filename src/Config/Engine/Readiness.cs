using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>What became of a start while the engine waited for it to be ready.</summary>
internal enum ReadinessOutcome
{
    /// <summary>The probe succeeded.</summary>
    Ready,

    /// <summary>The server exited first.</summary>
    Exited,

    /// <summary>The probe did not succeed within <see cref="ReadinessProbe.Timeout"/>.</summary>
    TimedOut,

    /// <summary>The host is stopping.</summary>
    Canceled,
}

/// <summary>Waits until a started server is ready, per its <see cref="ReadinessProbe"/>.</summary>
internal static class Readiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // When every endpoint can be asked of the kernel whether something listens (a bind attempt: microseconds, and no
    // refused connection, which .NET reports by throwing), the wait looks that often; a connection confirms it.
    private static readonly TimeSpan ListenPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>A short description of the probe, for the log.</summary>
    public static string Describe(ProcessDefinition process)
    {
        var endpoints = process.Backend.GetListenEndpoints(process);
        var sockets = process.Backend.GetUnixSockets(process);
        var status = process.Readiness.Status == ReadinessProbe.DefaultStatus ? "200-399" : process.Readiness.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (process.Readiness.Path is { } path && endpoints.Count > 0)
        {
            return $"GET http://{Authority(endpoints[0])}{Names.PrintablePath(path)} answers {status}";
        }

        if (process.Readiness.Path is { } socketPath && sockets.Count > 0)
        {
            return $"GET {Names.PrintablePath(socketPath)} on unix:{Names.PrintablePath(sockets[0])} answers {status}";
        }

        return endpoints.Count > 0 || sockets.Count > 0
            ? $"{string.Join(", ", [.. endpoints.Select(e => e.ToString()), .. sockets.Select(s => "unix:" + Names.PrintablePath(s))])} accepting connections"
            : $"running for {process.StartSeconds.TotalSeconds:0.###} s";
    }

    /// <summary>Waits until <paramref name="server"/> is ready per <paramref name="process"/>'s probe, timed by <paramref name="time"/>.</summary>
    /// <param name="process">The process.</param>
    /// <param name="server">Its started server.</param>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <param name="workingDirectory">The server's working directory, for a Unix socket's relative path; <see langword="null"/> when not known.</param>
    public static async Task<ReadinessOutcome> WaitAsync(
        ProcessDefinition process, ISupervisedChild server, TimeProvider time, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var endpoints = process.Backend.GetListenEndpoints(process);
        var sockets = UnixSockets.Of(process, workingDirectory);
        var probe = process.Readiness;
        var started = time.GetTimestamp();
        if (endpoints.Count == 0 && sockets.Count == 0)
        {
            // Nothing to probe (a worker): ready once it has stayed up for StartSeconds, as supervisord's RUNNING.
            try
            {
                // The child's own exit, not Exited: that also waits for its last output, which must not count as uptime.
                using var uptime = new Deadline(process.StartSeconds, time, cancellationToken);
                var exited = await Task.WhenAny(server.LeaderExited, uptime.Passed).ConfigureAwait(false);
                // An exit already stamped counts even when the timer came first: the exit is stamped on the thread that
                // saw it, and the task that says so may complete a moment later (an early server exiting while adopted).
                var ended = exited == server.LeaderExited || server.LeaderExited.IsCompleted || server.ExitTime is not null;
                return ended && !StayedUp(server, process.StartSeconds) ? ReadinessOutcome.Exited
                    : cancellationToken.IsCancellationRequested ? ReadinessOutcome.Canceled : ReadinessOutcome.Ready;
            }
            catch (OperationCanceledException)
            {
                return ReadinessOutcome.Canceled;
            }
        }

        var interval = probe.Path is null && endpoints.All(e => PortCheck.IsListening(e) is not null) ? ListenPollInterval : PollInterval;
        while (true)
        {
            if (server.LeaderExited.IsCompleted)
            {
                return ReadinessOutcome.Exited;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return ReadinessOutcome.Canceled;
            }

            // With a path, the path alone, on the first TCP port, else on the first Unix socket (a server behind a proxy).
            if (probe.Path is { } path && (endpoints.Count > 0 || sockets.Count > 0)
                ? await AnswersAsync(endpoints, sockets, path, probe.Status, cancellationToken).ConfigureAwait(false)
                : await AllAcceptAsync(endpoints, cancellationToken).ConfigureAwait(false) && sockets.All(UnixSockets.Answers))
            {
                return ReadinessOutcome.Ready;
            }

            if (time.GetElapsedTime(started) >= probe.Timeout)
            {
                return ReadinessOutcome.TimedOut;
            }

            try
            {
                using var next = new Deadline(interval, time, cancellationToken);
                await Task.WhenAny(server.LeaderExited, next.Passed).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return ReadinessOutcome.Canceled;
            }
        }
    }

    private static async Task<bool> AllAcceptAsync(IReadOnlyList<ListenEndpoint> endpoints, CancellationToken cancellationToken)
    {
        foreach (var endpoint in endpoints)
        {
            if (PortCheck.ProbeAddress(endpoint.Host) is not { } address)
            {
                continue;
            }

            if (PortCheck.IsListening(endpoint) == false)
            {
                return false; // nothing listens yet: no connection to be refused
            }

            try
            {
                using var client = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(1));
                await client.ConnectAsync(new IPEndPoint(address, endpoint.Port), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> AnswersAsync(
        IReadOnlyList<ListenEndpoint> endpoints, IReadOnlyList<string> sockets, string path, int expected, CancellationToken cancellationToken)
    {
        var status = endpoints.Count > 0
            ? PortCheck.ProbeAddress(endpoints[0].Host) is { } address
                ? await HttpProbe.StatusAsync(address, endpoints[0].Port, path, cancellationToken).ConfigureAwait(false)
                : null
            : await HttpProbe.StatusAsync(sockets[0], path, cancellationToken).ConfigureAwait(false);
        return status is { } answered && HttpProbe.IsReady(answered, expected);
    }

    private static string Authority(ListenEndpoint endpoint)
    {
        var address = PortCheck.ProbeAddress(endpoint.Host)?.ToString() ?? endpoint.Host;
        return address.Contains(':') ? $"[{address}]:{endpoint.Port}" : $"{address}:{endpoint.Port}";
    }

    // Whether the child ran for at least StartSeconds before it exited, by its own start and exit times: its exit is
    // seen on a thread of its own, while the StartSeconds timer fires on the thread pool, which a busy host can hold back
    // past the exit of a child that did stay up long enough.
    private static bool StayedUp(ISupervisedChild server, TimeSpan startSeconds) =>
        server.ExitTime is { } exit && exit - server.StartTime >= startSeconds;
}
