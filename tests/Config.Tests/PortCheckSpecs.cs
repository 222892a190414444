using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using CsCheck;
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
    public void A_port_held_by_a_server_of_a_running_host_names_that_host()
    {
        // A real listener tagged as a server of this (running) process, as one of another launch of the app would be. The
        // tag is one this host hands out (NewTag), never written by hand: a sweep of this host that got the same serial
        // (an import's, in a spec running beside this one) would take this listener for what it left behind and kill it
        // before it printed its port (seen in a stress run with "{pid}.7": int.Parse(null) below).
        var info = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3",
            ["-c", "import socket, sys, time; s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(60)"])
        { RedirectStandardOutput = true, UseShellExecute = false };
        info.Environment[Descendants.TagVariable] = Descendants.NewTag();
        using var server = System.Diagnostics.Process.Start(info)!;
        try
        {
            var port = int.Parse(server.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);

            var message = PortCheck.FindConflict("web", [new ListenEndpoint("127.0.0.1", port)]);

            // The host named by its command line too, which says which app it runs (here the test host's, started by dotnet).
            Assert.Matches(
                $@"^Process 'web': port {port} \(127\.0\.0\.1:{port}\) is already in use by pid {server.Id} \(python3\), a server of the ProdServer host pid {System.Environment.ProcessId} "
                + $@"\({System.Text.RegularExpressions.Regex.Escape(System.Environment.ProcessPath!)} [^\n]+\), which is running; stop that host, or give the process another port\.$",
                message);
        }
        finally
        {
            server.Kill();
        }
    }

    [Theory]
    [InlineData("8744.1", 8744)]
    [InlineData("8744", null)]
    [InlineData("x.1", null)]
    [InlineData("8744.x", null)]
    [InlineData("-1.1", null)]
    [InlineData(null, null)]
    public void A_tags_host_is_the_pid_before_its_dot(string? tag, int? host) =>
        Assert.Equal(host, Descendants.HostPidOfTag(tag));

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
        // The port comes from the ephemeral range, which every other test's outgoing connections draw from too: an
        // attempt counts only if, when probed, the port's sockets are all in TIME_WAIT (else another connection took it).
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var port = PortWithOnlyTimeWaitConnections();
            var inUse = BindProbe.InUse(IPAddress.Loopback, port);
            var conflict = PortCheck.FindConflict("web", [new ListenEndpoint("127.0.0.1", port)]);
            if (!OnlyTimeWait(port))
            {
                continue;
            }

            Assert.False(inUse);
            Assert.Null(conflict);
            return;
        }

        Assert.Fail("in 5 attempts, another connection took the freed port before it was probed");
    }

    private static int PortWithOnlyTimeWaitConnections()
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
        Assert.Contains(TimeWait, StatesOf(port));
        return port;
    }

    // /proc/net/tcp: "sl local_address rem_address st ...", the address as hex IP:PORT, st 06 = TIME_WAIT.
    private const string TimeWait = "06";

    private static bool OnlyTimeWait(int port) => StatesOf(port) is { Count: > 0 } states && states.TrueForAll(s => s == TimeWait);

    // The states of the IPv4 sockets whose local port is `port`.
    private static List<string> StatesOf(int port) =>
        [.. System.IO.File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 3 && fields[1].EndsWith($":{port:X4}", StringComparison.Ordinal))
            .Select(fields => fields[3])];

    [Fact]
    public void An_address_this_host_does_not_have_is_left_to_the_server_to_report()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        // 192.0.2.1 (TEST-NET-1) is on no interface here: the bind fails, but not because the port is taken.
        Assert.False(BindProbe.InUse(IPAddress.Parse("192.0.2.1"), ((IPEndPoint)listener.LocalEndpoint).Port));
    }

    [Fact]
    public void Whether_something_listens_is_told_only_where_the_probe_itself_can_bind()
    {
        // Once the listener stops, its port is free, and a test beside this one may take it at once (seen under load): a
        // port still busy then is no evidence, so a few ports are tried, and one of them must be seen free.
        var port = 0;
        var seenFree = false;
        for (var attempt = 0; attempt < 5 && !seenFree; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
            Assert.True(PortCheck.IsListening(new ListenEndpoint("127.0.0.1", port)));
            Assert.True(PortCheck.IsListening(new ListenEndpoint("localhost", port)));
            listener.Stop();

            seenFree = PortCheck.IsListening(new ListenEndpoint("127.0.0.1", port)) == false;
        }

        Assert.True(seenFree, "a stopped listener's port was still taken in five tries");
        // An address this host lacks refuses any bind: that says nothing about a listener (a readiness wait then connects).
        Assert.Null(PortCheck.IsListening(new ListenEndpoint("192.0.2.1", port)));
        Assert.Null(PortCheck.IsListening(new ListenEndpoint("db.example", port))); // a host name is not resolved here
        Assert.Null(PortCheck.IsListening(new ListenEndpoint("127.0.0.1", 0)));
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

    [Fact]
    public void A_plain_IPv4_address_is_probed_without_IPAddress_and_finds_the_same_listener()
    {
        using var v4 = new TcpListener(IPAddress.Loopback, 0);
        v4.Start();
        var port = ((IPEndPoint)v4.LocalEndpoint).Port;

        Assert.True(BindProbe.InUse("127.0.0.1", port));
        Assert.Null(BindProbe.InUse("127.1", port)); // IPAddress's own shorthand: left to it
        Assert.Null(BindProbe.InUse("localhost", port));
        Assert.NotNull(PortCheck.FindConflict("web", [new ListenEndpoint("127.1", port)]));
    }

    [Fact]
    public void Every_text_the_dotted_quad_reader_takes_IPAddress_reads_as_the_same_four_bytes()
    {
        // Generated texts from the characters an address is written with, plus every well-formed address.
        var characters = Gen.Char['.', '9'].Array[1, 16].Select(c => new string(c));
        var wellFormed = Gen.Byte.Array[4].Select(b => string.Join('.', b));
        Gen.OneOf(characters, wellFormed, Gen.String).Sample(text =>
        {
            Span<byte> bytes = stackalloc byte[4];
            if (BindProbe.TryParseDottedQuad(text, bytes))
            {
                Assert.True(IPAddress.TryParse(text, out var address), text);
                Assert.Equal(AddressFamily.InterNetwork, address.AddressFamily);
                Assert.Equal(address.GetAddressBytes(), bytes.ToArray());
            }
        }, iter: 20_000);

        Span<byte> parsed = stackalloc byte[4];
        Assert.True(BindProbe.TryParseDottedQuad("10.0.255.1", parsed));
        Assert.Equal(new byte[] { 10, 0, 255, 1 }, parsed.ToArray());
        foreach (var refused in new[] { "", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "1..3.4", "1.2.3.4.", " 1.2.3.4", "0x7f.0.0.1" })
        {
            Assert.False(BindProbe.TryParseDottedQuad(refused, parsed), refused);
        }
    }
}
