using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The exported health check (Compose's healthcheck, a Kubernetes exec probe) asks what the engine's readiness asks: the
/// same address and Host header for the readiness path, every listening port for a port check. It asked 127.0.0.1 and
/// the first port only, so a server on <c>::</c> that takes IPv6 alone, or one port of two not listening, was judged
/// otherwise than by the launcher. Run for real: Debian's python3 runs the check against sockets this test holds.
/// </summary>
public sealed class ExportHealthCheckSpecs
{
    [Fact]
    public async Task A_readiness_path_is_asked_at_the_engines_address_with_its_host_header_also_for_a_server_on_ipv6_alone()
    {
        const int Port = 19440;
        using var listener = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = false };
        listener.Bind(new IPEndPoint(IPAddress.IPv6Any, Port));
        listener.Listen();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Answers 200 only to the Host the engine sends, as a Django site with ALLOWED_HOSTS answers 400 to another.
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptAsync(stop.Token);
                var request = new byte[4096];
                var read = await client.ReceiveAsync(request, SocketFlags.None, stop.Token);
                var host = Encoding.ASCII.GetString(request, 0, read).Contains($"\r\nHost: [::1]:{Port}\r\n", StringComparison.Ordinal);
                await client.SendAsync(Encoding.ASCII.GetBytes(host ? "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n" : "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"), SocketFlags.None);
                client.Shutdown(SocketShutdown.Both);
            }
        });
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "::", Port = Port } };
        web.Readiness.Path = "/health";

        var engine = await HttpProbe.StatusAsync(PortCheck.ProbeAddress("::")!, Port, "/health", stop.Token);
        var (code, output) = RunCheck(web);

        Assert.Equal(200, engine);
        Assert.True(code == 0, $"the health check failed where the engine's probe got 200 (exit {code}): {output}");
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server);
    }

    [Fact]
    public void A_port_check_needs_every_port_to_accept_as_the_engine_does()
    {
        var admin = new ProcessDefinition("admin", ServerBackends.Waitress)
        {
            App = "mysite.wsgi:application", Args = new WaitressArgs { Listen = ["0.0.0.0:19441", "0.0.0.0:19442"] },
        };
        using var first = new TcpListener(IPAddress.Loopback, 19441);
        first.Start();

        Assert.Equal(1, RunCheck(admin).Code); // 19442 does not accept yet: the engine would not call it ready either

        using var second = new TcpListener(IPAddress.Loopback, 19442);
        second.Start();
        var (code, output) = RunCheck(admin);
        Assert.True(code == 0, output);
    }

    // The CMD test as Compose runs it: the words after "CMD", with Debian's python3 in place of the image's.
    private static (int Code, string Output) RunCheck(ProcessDefinition process)
    {
        var words = HealthCheck.For(process)!.Skip(1).ToList();
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in words.Skip(1))
        {
            info.ArgumentList.Add(word);
        }

        using var check = Process.Start(info)!;
        var output = check.StandardOutput.ReadToEndAsync();
        var error = check.StandardError.ReadToEndAsync();
        Assert.True(check.WaitForExit(TimeSpan.FromSeconds(20)), "the health check did not finish");
        return (check.ExitCode, output.Result + error.Result);
    }
}
