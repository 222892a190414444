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

    private sealed class StatusOnly : IControlHandler
    {
        public Task HandleAsync(ControlRequest request, Func<ControlResponse, Task> reply, CancellationToken hangup) =>
            reply(new ControlResponse { Ok = true, Processes = [new ControlProcessStatus { Name = "jobs", State = "ready" }] });
    }

    [Fact]
    public async Task Another_apps_host_on_the_same_socket_is_refused_in_one_line_not_taken_for_this_apps()
    {
        // Two apps' settings with one Control:Socket: 'blog status' printed shop's processes, and a launch of blog's 'jobs'
        // was refused as run by "another host of 'blog'".
        var path = Path.Combine(_root.Path, "private", "shared.sock"); // the socket's directory is made owner-only by the host
        await using var shop = ControlServer.Open(path, "shop", new StatusOnly(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var request = new ControlRequest { V = 1, Command = "status" };
        var replies = new List<ControlResponse>();
        using var blogError = new StringWriter();
        using var shopError = new StringWriter();

        var blog = await ControlClient.SendAsync(path, "blog", request, r => { replies.Add(r); return Task.CompletedTask; }, blogError, CancellationToken.None);
        var same = await ControlClient.SendAsync(path, "shop", request, r => { replies.Add(r); return Task.CompletedTask; }, shopError, CancellationToken.None);

        Assert.Equal(ExitCodes.InvalidConfiguration, blog);
        Assert.Equal(
            $"The control socket {path} is answered by the host of 'shop', not of 'blog': their settings share one ProdServer:Control:Socket; give each app its own.",
            blogError.ToString().Trim());
        Assert.Equal(0, same);
        Assert.Equal("shop", Assert.Single(replies).App);
    }
}
