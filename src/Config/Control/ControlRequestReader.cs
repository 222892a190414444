using System;
using System.Linq;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>Reads one request line, at most <see cref="ControlProtocol.MaxRequestBytes"/> within <see cref="ControlProtocol.RequestTimeout"/>, and checks it.</summary>
internal static class ControlRequestReader
{
    /// <summary>The request, or <see langword="null"/> and one line saying what is wrong with it.</summary>
    public static async Task<(ControlRequest? Request, string? Problem)> ReadAsync(Socket client, CancellationToken stopping)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(ControlProtocol.RequestTimeout);
        var buffer = new byte[ControlProtocol.MaxRequestBytes + 1];
        var length = 0;
        int end;
        try
        {
            while ((end = Array.IndexOf(buffer, (byte)'\n', 0, length)) < 0)
            {
                if (length == buffer.Length)
                {
                    return (null, $"The request is longer than {ControlProtocol.MaxRequestBytes} bytes.");
                }

                var read = await client.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, deadline.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return (null, "The request ended before its line break.");
                }

                length += read;
            }
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return (null, $"No complete request within {ControlProtocol.RequestTimeout.TotalSeconds:0} s.");
        }

        ControlRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(buffer.AsSpan(0, end), ControlJsonContext.Default.ControlRequest);
        }
        catch (JsonException ex)
        {
            return (null, "The request is not a JSON object of this protocol: " + Names.Printable(ex.Message, 200));
        }

        if (request is null)
        {
            return (null, "The request is empty (null).");
        }

        if (request.V != ControlProtocol.Version)
        {
            return (null, $"Protocol version {request.V} is not spoken here; this host speaks version {ControlProtocol.Version} (is the client the same build as the host?).");
        }

        if (request.Command is null || !ControlProtocol.Commands.Contains(request.Command, StringComparer.Ordinal))
        {
            return (null, $"Unknown command '{Names.Printable(request.Command ?? "")}'; expected one of {string.Join(", ", ControlProtocol.Commands)}.");
        }

        // What the client checks for its user, checked again for anything else that writes to the socket: a bad request
        // is answered as one (exit 2), never an exception in the host's log.
        if (request.Names?.Exists(n => n is null) == true)
        {
            return (null, "A process name in the request is null; give names as strings.");
        }

        if (request.Lines is < 0)
        {
            return (null, $"Lines must be 0 or more, got {request.Lines}.");
        }

        return (request, null);
    }
}
