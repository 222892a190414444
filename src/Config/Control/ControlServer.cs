using System;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>Acts on one control request; <see cref="ControlServer"/> has read and checked it.</summary>
internal interface IControlHandler
{
    /// <summary>Acts on <paramref name="request"/> and sends the reply (several for <c>tail -f</c>) with <paramref name="reply"/>.</summary>
    /// <param name="request">A request of this protocol version with a known command.</param>
    /// <param name="reply">Sends one reply line; throws when the client has gone.</param>
    /// <param name="hangup">Fires when the client hangs up or the host stops (ends <c>tail -f</c>).</param>
    Task HandleAsync(ControlRequest request, Func<ControlResponse, Task> reply, CancellationToken hangup);
}

/// <summary>
/// The running host's control endpoint: a Unix socket (see <see cref="ControlSocket"/>) that answers its own user and
/// root only, reads one request line per connection (bounded in bytes and time) and hands it to the handler. Nothing a
/// client sends can stop the host: a malformed, oversized or slow request gets an error reply and the connection closes.
/// </summary>
internal sealed partial class ControlServer : IAsyncDisposable
{
    // Connections served at once; more wait in the listen backlog, then are refused by the kernel.
    private const int MaxConnections = 16;

    private readonly Socket _listener;
    private readonly IControlHandler _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _slots = new(MaxConnections);
    private readonly uint _owner = PeerCredentials.EffectiveUserId;
    private readonly Task _accepting;
    private readonly string _application;

    private ControlServer(string path, string application, Socket listener, IControlHandler handler, ILogger logger)
    {
        Path = path;
        _application = application;
        _listener = listener;
        _handler = handler;
        _logger = logger;
        _accepting = AcceptAsync();
    }

    /// <summary>The socket's path.</summary>
    public string Path { get; }

    /// <summary>Opens the socket at <paramref name="path"/> and starts answering.</summary>
    /// <exception cref="ControlSocketException">Another host answers there, or the directory is not safe.</exception>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static ControlServer Open(string path, string applicationName, IControlHandler handler, ILogger logger)
    {
        var server = new ControlServer(path, applicationName, ControlSocket.Listen(path, applicationName), handler, logger);
        LogOpened(logger, path);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        try
        {
            System.IO.File.Delete(Path);
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException)
        {
            // A stale socket is replaced by the next host anyway.
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                continue; // one failed accept (the client gave up at once) is no reason to stop answering
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var _ = client;
        var peer = PeerCredentials.UserId(client);
        if (!PeerCredentials.IsAllowed(peer, _owner))
        {
            LogRefused(_logger, peer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", _owner);
            await SendAsync(client, ControlResponse.Fail(ExitCodes.InvalidConfiguration, $"Refused: this host answers only its own user (uid {_owner}) and root."), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (!await _slots.WaitAsync(0).ConfigureAwait(false))
        {
            await SendAsync(client, ControlResponse.Fail(ExitCodes.InvalidConfiguration, $"The host is busy: {MaxConnections} control connections are open; try again."), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        try
        {
            var (request, problem) = await ControlRequestReader.ReadAsync(client, _stopping.Token).ConfigureAwait(false);
            if (request is null)
            {
                LogBadRequest(_logger, problem!);
                await SendAsync(client, ControlResponse.Fail(ExitCodes.Usage, problem!), CancellationToken.None).ConfigureAwait(false);
                return;
            }

            LogRequest(_logger, Describe(request), peer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown");
            using var hangup = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var watching = WatchHangupAsync(client, hangup);
            await _handler.HandleAsync(request, response => SendAsync(client, response, hangup.Token), hangup.Token).ConfigureAwait(false);
            await hangup.CancelAsync().ConfigureAwait(false);
            await watching.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up, or the host is stopping: nobody to answer.
        }
        catch (Exception ex)
        {
            // A failed action is the client's answer, never the host's end.
            LogHandlerFailed(_logger, ex);
            await SendAsync(client, ControlResponse.Fail(ExitCodes.InvalidConfiguration, "The host could not act: " + Names.Printable(ex.Message, 500)), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    // What was asked, as one printable line: the names and the signal come from the client unchecked (an unknown name is
    // refused only by the handler), so a name holding ESC or a newline must not reach a terminal or start a log line.
    internal static string Describe(ControlRequest request)
    {
        var words = new System.Collections.Generic.List<string> { request.Command! };
        foreach (var name in request.Names ?? [])
        {
            words.Add(Names.Printable(name));
        }

        if (request.Signal is { } signal)
        {
            words.Add(Names.Printable(signal));
        }

        return string.Join(' ', words);
    }

    // A client that closes its end (Ctrl+C on tail -f) ends what it waits for.
    private static async Task WatchHangupAsync(Socket client, CancellationTokenSource hangup)
    {
        var buffer = new byte[256];
        try
        {
            while (await client.ReceiveAsync(buffer, SocketFlags.None, hangup.Token).ConfigureAwait(false) > 0)
            {
                // Anything after the request line is ignored.
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        try
        {
            await hangup.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    // Every reply says whose host this is: a socket path shared by two apps' settings must not pass one app's host off as the other's.
    private async Task SendAsync(Socket client, ControlResponse response, CancellationToken cancellationToken)
    {
        response.App = _application;
        var line = JsonSerializer.SerializeToUtf8Bytes(response, ControlJsonContext.Default.ControlResponse);
        var bytes = new byte[line.Length + 1];
        line.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        try
        {
            await client.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException) when (cancellationToken == CancellationToken.None)
        {
            // An error reply to a client that already left (a 10 MB request it is still writing is cut off).
        }
    }

    [LoggerMessage(30, LogLevel.Information, "Control socket open at {Path} (status, restart, stop, start, tail, signal, reload)")]
    private static partial void LogOpened(ILogger logger, string path);

    [LoggerMessage(31, LogLevel.Warning, "Control: refused a connection from uid {Uid}; only uid {Owner} and root may control this host")]
    private static partial void LogRefused(ILogger logger, string uid, uint owner);

    [LoggerMessage(32, LogLevel.Warning, "Control: bad request: {Problem}")]
    private static partial void LogBadRequest(ILogger logger, string problem);

    [LoggerMessage(33, LogLevel.Information, "Control: {Request} (uid {Uid})")]
    private static partial void LogRequest(ILogger logger, string request, string uid);

    [LoggerMessage(34, LogLevel.Error, "Control: the request failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
