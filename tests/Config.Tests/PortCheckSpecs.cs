using System.Net;
using System.Net.Sockets;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The port check asks the kernel directly whether a port can be bound (<see cref="BindProbe"/>: socket, bind with
/// SO_REUSEADDR, close), as the server's own bind will; a port in use is then named with its holder from
/// <c>/proc/net/tcp</c>. (Linux only, as the engine's /proc readers: the tests run there.)
/// </summary>
public sealed class PortCheckSpecs
{
    [Fact]
    public void A_port_something_listens_on_is_in_use_and_the_message_names_the_process_and_the_port()
    {
        using var v4 = new TcpListener(IPAddress.Loopback, 0);
        v4.Start();
        var port = ((IPEndPoint)v4.LocalEndpoint).Port;

        Assert.True(BindProbe.InUse(IPAddress.Loopback, port));
        Assert.Single(PortCheck.ListenerInodes(System.IO.File.ReadAllText("/proc/net/tcp"), port));
        var message = PortCheck.FindConflict("web", [new ListenEndpoint("127.0.0.1", port)]);
        Assert.NotNull(message);
        Assert.StartsWith($"Process 'web': port {port} (127.0.0.1:{port}) is already in use", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_IPv6_listener_counts_too()
    {
        using var v6 = new TcpListener(IPAddress.IPv6Loopback, 0);
        v6.Start();

        Assert.True(BindProbe.InUse(IPAddress.IPv6Loopback, ((IPEndPoint)v6.LocalEndpoint).Port));
    }

    [Fact]
    public void A_port_freed_again_is_free_even_with_connections_still_in_TIME_WAIT()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using (var client = new TcpClient())
        {
            client.Connect(IPAddress.Loopback, port);
            using var accepted = listener.AcceptSocket();
            accepted.Close(); // the server's side closes first, so its end of the connection waits in TIME_WAIT
        }

        listener.Stop();

        Assert.False(BindProbe.InUse(IPAddress.Loopback, port));
        Assert.Null(PortCheck.FindConflict("web", [new ListenEndpoint("127.0.0.1", port)]));
    }

    [Fact]
    public void An_address_this_host_does_not_have_is_left_to_the_server_to_report()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        // 192.0.2.1 (TEST-NET-1) is on no interface here: the bind fails, but not because the port is taken.
        Assert.False(BindProbe.InUse(IPAddress.Parse("192.0.2.1"), ((IPEndPoint)listener.LocalEndpoint).Port));
    }

    [Fact]
    public void Only_listening_sockets_count_and_lines_that_do_not_parse_are_skipped()
    {
        const string table = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0 100 0 0 10 0
               1: 0100007F:1F91 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 4343 1 0 20 4 30 10 -1
               2: garbage
               3: 0100007F:ZZZZ 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4444 1 0 100 0 0 10 0
            """;

        Assert.Equal(["4242"], PortCheck.ListenerInodes(table, 8080)); // 0x1F90
        Assert.Empty(PortCheck.ListenerInodes(table, 8081)); // established, not listening
        Assert.Empty(PortCheck.ListenerInodes(table, 0)); // an unreadable port matches none
    }
}
