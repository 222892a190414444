using System;
using System.IO;
using System.Net.Sockets;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>Where each server listens on a Unix socket, and the check that no other server answers there.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UnixSocketsSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    public static TheoryData<ProcessDefinition, string[]> Servers() => new()
    {
        { new("web", ServerBackends.Gunicorn) { Args = new GunicornArgs { Bind = ["unix:/run/a.sock", "127.0.0.1:8000", "unix:///run/b.sock", "fd://3"] } }, ["/run/a.sock", "/run/b.sock"] },
        { new("web", ServerBackends.Hypercorn) { Args = new HypercornArgs { Bind = ["unix:run/h.sock", "[::1]:8000"] } }, ["run/h.sock"] },
        { new("web", ServerBackends.Uvicorn) { Args = new UvicornArgs { Uds = "/run/u.sock" } }, ["/run/u.sock"] },
        { new("web", ServerBackends.Granian) { Args = new GranianArgs { Uds = "/run/g.sock" } }, ["/run/g.sock"] },
        { new("web", ServerBackends.Waitress) { Args = new WaitressArgs { UnixSocket = "/run/w.sock" } }, ["/run/w.sock"] },
        { new("web", ServerBackends.Daphne) { Args = new DaphneArgs { UnixSocket = "/run/d.sock" } }, ["/run/d.sock"] },
        { new("flower", ServerBackends.CeleryFlower) { Args = new CeleryFlowerArgs { UnixSocket = "/run/f.sock" } }, ["/run/f.sock"] },
        { new("web", ServerBackends.Uwsgi) { Args = new UwsgiArgs { HttpSocket = ["/run/x.sock", ":8000"], Socket = ["@abstract", "127.0.0.1:3031"] } }, ["/run/x.sock"] },
        { new("web", ServerBackends.Waitress) { Args = new WaitressArgs { Port = 8000 } }, [] },
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public void Each_server_names_the_sockets_its_options_bind(ProcessDefinition process, string[] sockets) =>
        Assert.Equal(sockets, process.Backend.GetUnixSockets(process));

    [Fact]
    public void A_socket_a_server_answers_on_is_a_conflict_and_one_left_by_a_dead_server_is_not()
    {
        var path = Path.Combine(_root.Path, "g.sock");
        var process = new ProcessDefinition("web", ServerBackends.Gunicorn) { Args = new GunicornArgs { Bind = ["unix:g.sock"] } };

        using (var listening = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            listening.Bind(new UnixDomainSocketEndPoint(path));
            listening.Listen(1);

            // The relative path is the server's, from its working directory.
            Assert.Equal(
                $"Process 'web': its Unix socket {path} is in use: a server already answers on it (another host of this app?); stop that server, or give the process another socket.",
                UnixSockets.FindConflict(process, _root.Path));
            Assert.Null(UnixSockets.FindConflict(process, workingDirectory: null)); // not known: not guessed
        }

        StaleSocket.Create(path); // what a server that died leaves behind
        Assert.True(File.Exists(path));
        Assert.Null(UnixSockets.FindConflict(process, _root.Path));
    }

    [Fact]
    public void A_socket_deeper_than_a_socket_address_holds_is_found_in_use_too()
    {
        // A relative socket in a deep working directory: the server binds it there, and the check asked it by an absolute
        // path too long for a socket address, so it never found it in use.
        var deep = Directory.CreateDirectory(Path.Combine(_root.Path, new string('d', 60), new string('e', 60))).FullName;
        var path = Path.Combine(deep, "g.sock");
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(path) > UnixSockets.MaxPathBytes);
        var process = new ProcessDefinition("web", ServerBackends.Gunicorn) { Args = new GunicornArgs { Bind = ["unix:g.sock"] } };

        using (var address = UnixSocketAddress.For(path))
        using (var listening = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            listening.Bind(address!.EndPoint);
            listening.Listen(1);

            Assert.True(File.Exists(path));
            Assert.Contains($"its Unix socket {path} is in use", UnixSockets.FindConflict(process, deep), StringComparison.Ordinal);
        }

        Assert.Null(UnixSockets.FindConflict(process, deep)); // closed: left behind, not in use
        Assert.Null(UnixSocketAddress.For(Path.Combine(deep, "none", "g.sock"))); // no such directory
    }
}
