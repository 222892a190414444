using System.Net;
using System.Net.Sockets;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The port check reads the kernel's table of listening sockets first (Linux), so that a free port is known without
/// the socket stack; a port something listens on is still probed by a real bind, which names the holder. (Linux only,
/// as the engine's /proc readers: the tests run there.)
/// </summary>
public sealed class PortCheckSpecs
{
    [Fact]
    public void A_port_something_listens_on_is_seen_in_the_kernel_table_and_left_to_the_bind()
    {
        using var v4 = new TcpListener(IPAddress.Loopback, 0);
        v4.Start();
        var port = ((IPEndPoint)v4.LocalEndpoint).Port;

        Assert.False(PortCheck.NoListenerInProc(port));
        Assert.Single(PortCheck.ListenerInodes(System.IO.File.ReadAllText("/proc/net/tcp"), port));
    }

    [Fact]
    public void An_IPv6_listener_counts_too()
    {
        using var v6 = new TcpListener(IPAddress.IPv6Loopback, 0);
        v6.Start();

        Assert.False(PortCheck.NoListenerInProc(((IPEndPoint)v6.LocalEndpoint).Port));
    }

    [Fact]
    public void A_port_freed_again_reads_as_free_without_a_bind()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.True(PortCheck.NoListenerInProc(port));
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
