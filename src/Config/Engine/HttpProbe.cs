using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// One HTTP/1.1 GET over a plain socket, asked as Kubernetes' <c>httpGet</c> probe asks: the status line is read and
/// the rest of the answer ignored, a redirect is not followed, there is no TLS. Not <c>HttpClient</c>: its handler
/// stack (and the TLS and cryptography behind its redirects to https) was 1.2 MB of code and 0.2 MB of type data in
/// every NativeAOT launcher (docs/benchmarks.md).
/// </summary>
internal static class HttpProbe
{
    /// <summary>How long one ask may take, from connect to the status line (HttpClient's timeout before).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>The longest status line read; a server that sends more before its first line break is not ready.</summary>
    public const int MaxStatusLineBytes = 1024;

    /// <summary>
    /// Whether <paramref name="status"/> counts as ready for <paramref name="expected"/>: any 200–399 for the default
    /// 200, as Kubernetes counts an <c>httpGet</c> probe; any other configured status exactly.
    /// </summary>
    public static bool IsReady(int status, int expected) =>
        status == expected || (expected == ReadinessProbe.DefaultStatus && status is >= 200 and < 400);

    /// <summary>
    /// The status <c>GET <paramref name="path"/></c> answers on <paramref name="address"/>:<paramref name="port"/>, or
    /// <see langword="null"/> when nothing answers within <see cref="Timeout"/> or the answer is not HTTP.
    /// </summary>
    public static Task<int?> StatusAsync(IPAddress address, int port, string path, CancellationToken cancellationToken)
    {
        var endpoint = new IPEndPoint(address, port);
        return StatusAsync(endpoint, ProtocolType.Tcp, Request(endpoint, path), cancellationToken);
    }

    /// <summary>
    /// The status <c>GET <paramref name="path"/></c> answers on the Unix socket <paramref name="socketPath"/> (a server
    /// behind a front proxy), or <see langword="null"/> when nothing answers within <see cref="Timeout"/> or the answer is
    /// not HTTP.
    /// </summary>
    public static async Task<int?> StatusAsync(string socketPath, string path, CancellationToken cancellationToken)
    {
        // A path longer than a socket address holds is asked through its directory (UnixSocketAddress), kept open meanwhile.
        using var address = UnixSocketAddress.For(socketPath);
        return address is null
            ? null // a long path whose directory is not there, or not ours to search: nothing answers there for us
            : await StatusAsync(address.EndPoint, ProtocolType.Unspecified, Request(UnixSocketHost, path), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int?> StatusAsync(EndPoint endpoint, ProtocolType protocol, byte[] request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, protocol);
            await socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
            await socket.SendAsync(request, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            var head = new byte[MaxStatusLineBytes];
            var length = 0;
            while (length < head.Length)
            {
                var read = await socket.ReceiveAsync(head.AsMemory(length), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                if (read == 0 || Array.IndexOf(head, (byte)'\n', length, read) >= 0)
                {
                    // The line is complete, or the server said all it will say.
                    return StatusOf(head.AsSpan(0, length + read));
                }

                length += read;
            }

            return null; // no line break within the limit: not a status line this probe reads
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return null;
        }
    }

    // The Host header over a Unix socket, which has no address to name: curl --unix-socket's. A Django app must allow it
    // (ALLOWED_HOSTS) as it must allow 127.0.0.1 for the probe over TCP, or it answers 400 and is never ready.
    private const string UnixSocketHost = "localhost";

    /// <summary>
    /// The request: the path with every byte outside visible ASCII percent-encoded (as <c>Uri</c> would), so no value
    /// can add a line or a header, whatever the validation let through.
    /// </summary>
    internal static byte[] Request(IPEndPoint endpoint, string path) =>
        // The Host header as HttpClient wrote it for http://ADDRESS:PORT (IPEndPoint brackets an IPv6 address).
        Request(endpoint.ToString(), path);

    private static byte[] Request(string host, string path)
    {
        var target = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            target.Append(b is > 0x20 and < 0x7F ? ((char)b).ToString() : $"%{b:X2}");
        }

        return Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: ProdServer-readiness\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    }

    /// <summary>The status code of an <c>HTTP/1.x NNN …</c> status line, or <see langword="null"/>.</summary>
    internal static int? StatusOf(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200": the version, one space, three digits, then a space or the line's end.
        if (head.Length < 12 || !head.StartsWith("HTTP/1."u8) || !char.IsAsciiDigit((char)head[7]) || head[8] != (byte)' '
            || !char.IsAsciiDigit((char)head[9]) || !char.IsAsciiDigit((char)head[10]) || !char.IsAsciiDigit((char)head[11])
            || (head.Length > 12 && head[12] is not ((byte)' ' or (byte)'\r' or (byte)'\n')))
        {
            return null;
        }

        return ((head[9] - '0') * 100) + ((head[10] - '0') * 10) + (head[11] - '0');
    }
}
