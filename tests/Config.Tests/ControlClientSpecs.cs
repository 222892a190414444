using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The client end of the control socket, against a stand-in host that answers and then goes away.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ControlClientSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    // Accepts one client, reads its request line, sends the replies, then closes: a host that stops (or is killed).
    private static async Task AnswerThenGoAsync(Socket listener, params string[] replies)
    {
        using var client = await listener.AcceptAsync();
        await using var stream = new NetworkStream(client, ownsSocket: false);
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        await reader.ReadLineAsync();
        foreach (var reply in replies)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(reply + "\n"));
        }
    }

    [Fact]
    public async Task Tail_f_says_so_when_the_host_goes_away()
    {
        // Before, tail -f ended in silence, exit 0, as if the server had gone quiet.
        var path = Path.Combine(_root.Path, "host.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var host = AnswerThenGoAsync(listener, """{"v":1,"ok":true,"exitCode":0,"lines":["last line"]}""");
        var lines = new List<string>();
        using var error = new StringWriter();

        var code = await ControlClient.SendAsync(path, "app", new ControlRequest { V = 1, Command = "tail", Names = ["web"], Follow = true },
            reply => { lines.AddRange(reply.Lines ?? []); return Task.CompletedTask; }, error, CancellationToken.None);
        await host;

        Assert.Equal(0, code);
        Assert.Equal(["last line"], lines);
        Assert.Equal("The host of 'app' is gone (stopped or killed): no more lines follow.", error.ToString().Trim());
    }
}
