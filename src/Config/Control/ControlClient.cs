using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>The client end of the control socket: sends one request, hands each reply line on, returns the exit code.</summary>
internal static class ControlClient
{
    // How long a command other than tail -f may wait for its reply: stops and starts are bounded by the host itself.
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(10);

    // The peer's uid when it may not answer for a host, else null (allowed, or not known on this system).
    private static uint? Impostor(Socket socket, string path) =>
        PeerCredentials.UserId(socket) is { } peer
        && !MayAnswer(peer, PeerCredentials.EffectiveUserId, Path.GetDirectoryName(path) is { } directory ? FileOwner.Of(directory)?.Uid : null)
            ? peer
            : null;

    /// <summary>
    /// Whether a host running as <paramref name="peer"/> may answer a client running as <paramref name="me"/>: the same
    /// user, root, or, for a root client, the user who owns the socket's directory (another user's own host).
    /// </summary>
    internal static bool MayAnswer(uint peer, uint me, uint? directoryOwner) =>
        peer == me || peer == 0 || (me == 0 && directoryOwner == peer);

    /// <summary>Sends <paramref name="request"/> to the host at <paramref name="path"/>; each reply goes to <paramref name="onReply"/>.</summary>
    /// <returns>The last reply's exit code; <see cref="ExitCodes.NoHost"/> when nothing answers, 1 when the host cannot be reached or breaks off.</returns>
    public static async Task<int> SendAsync(string path, string applicationName, ControlRequest request, Func<ControlResponse, Task> onReply, TextWriter error, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AccessDenied)
        {
            await error.WriteLineAsync($"Permission denied on the control socket {path}: the host of '{applicationName}' runs as another user; run this as that user or root.").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }
        catch (SocketException)
        {
            await error.WriteLineAsync(
                $"No running host of '{applicationName}': nothing answers on {path}. Start it (with --all, or ProdServer:Control:Enabled=true for one process), or point ProdServer:Control:Socket at its socket.").ConfigureAwait(false);
            return ExitCodes.NoHost;
        }

        // Before the request goes out: whoever answers must be the host's user. Only its own user or root may have made
        // the socket in a directory only its owner can enter; root itself may control another user's host, whose socket
        // lies in that user's own directory.
        if (Impostor(socket, path) is { } peer)
        {
            await error.WriteLineAsync(
                $"The control socket {Names.PrintablePath(path)} is answered by uid {peer}, which is neither this user nor root, nor the owner of its directory; nothing was sent.").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!request.Follow)
        {
            limit.CancelAfter(ReplyTimeout);
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        byte[] line = [.. JsonSerializer.SerializeToUtf8Bytes(request, ControlJsonContext.Default.ControlRequest), (byte)'\n'];
        try
        {
            await stream.WriteAsync(line, limit.Token).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Refused before it read the request (another user): its reply is there to read.
        }

        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        int? code = null;
        try
        {
            while (await reader.ReadLineAsync(limit.Token).ConfigureAwait(false) is { } text)
            {
                var reply = JsonSerializer.Deserialize(text, ControlJsonContext.Default.ControlResponse);
                if (reply is null)
                {
                    continue;
                }

                if (reply.App is { } app && app != applicationName)
                {
                    await error.WriteLineAsync(
                        $"The control socket {Names.PrintablePath(path)} is answered by the host of '{Names.Printable(app)}', not of '{Names.Printable(applicationName)}': their settings share one ProdServer:Control:Socket; give each app its own.").ConfigureAwait(false);
                    return ExitCodes.InvalidConfiguration;
                }

                code = reply.ExitCode;
                await onReply(reply).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or JsonException)
        {
            await error.WriteLineAsync($"The host of '{applicationName}' broke off the reply: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"The host of '{applicationName}' did not answer within {ReplyTimeout.TotalMinutes:0} minutes.").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        if (code is null)
        {
            await error.WriteLineAsync($"The host of '{applicationName}' closed the connection without a reply.").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        if (request.Follow && !cancellationToken.IsCancellationRequested)
        {
            // Followed until the host went away (stopped, or killed): said, so that the end of the lines is not mistaken
            // for a quiet server.
            await error.WriteLineAsync($"The host of '{applicationName}' is gone (stopped or killed): no more lines follow.").ConfigureAwait(false);
        }

        return code.Value;
    }
}
