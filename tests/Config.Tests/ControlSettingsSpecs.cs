using System.Collections.Generic;
using System.Net.Sockets;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The control endpoint's settings (<c>ProdServer:Control</c>), its peer check, its socket path and its status table.</summary>
public sealed class ControlSettingsSpecs
{
    private const string App = "mysite.wsgi:application";

    [Fact]
    public void By_default_the_socket_opens_only_for_several_processes_and_tail_keeps_1000_lines()
    {
        var options = Options.Resolve(o => o.UseWaitress(App));

        Assert.Null(options.Control.Enabled);
        Assert.Null(options.Control.Socket);
        Assert.Equal(1000, options.Control.TailLines);
    }

    [Fact]
    public void I_can_enable_it_move_it_and_size_the_tail_in_configuration()
    {
        var options = Options.Resolve(o => o.UseWaitress(App), new Dictionary<string, string?>
        {
            ["ProdServer:Control:Enabled"] = "true",
            ["ProdServer:Control:Socket"] = "/run/shop/control.sock",
            ["ProdServer:Control:TailLines"] = "50",
        });

        Assert.True(options.Control.Enabled);
        Assert.Equal("/run/shop/control.sock", options.Control.Socket);
        Assert.Equal(50, options.Control.TailLines);
    }

    [Theory]
    [InlineData("Enabled", "yes", "Control:Enabled 'yes' (ProdServer:Control:Enabled) must be true or false.")]
    [InlineData("TailLines", "0", "Control:TailLines '0' (ProdServer:Control:TailLines) must be a whole number from 1 to 10000.")]
    [InlineData("TailLines", "20000", "Control:TailLines '20000' (ProdServer:Control:TailLines) must be a whole number from 1 to 10000.")]
    [InlineData("Sockt", "/x", "ProdServer:Control:Sockt is not a control setting; expected one of Enabled, Socket, TailLines.")]
    public void A_wrong_control_setting_is_one_line_naming_the_key(string key, string value, string expected)
    {
        var failure = Options.SingleFailure(o => o.UseWaitress(App), new Dictionary<string, string?> { ["ProdServer:Control:" + key] = value });

        Assert.Contains(expected, failure);
    }

    [Fact]
    public void A_socket_path_longer_than_a_unix_socket_allows_is_refused()
    {
        var failure = Options.SingleFailure(o => o.UseWaitress(App), new Dictionary<string, string?> { ["ProdServer:Control:Socket"] = "/run/" + new string('x', 120) });

        Assert.Contains("is longer than a Unix socket path may be (107 bytes)", failure);
    }

    [Theory]
    [InlineData(1000u, 1000u, true)]
    [InlineData(0u, 1000u, true)]
    [InlineData(65534u, 1000u, false)]
    [InlineData(65534u, 0u, false)]
    public void Only_the_hosts_own_user_and_root_may_control_it(uint peer, uint host, bool allowed) =>
        Assert.Equal(allowed, PeerCredentials.IsAllowed(peer, host));

    [Fact]
    public void SO_PEERCRED_reads_the_uid_of_a_real_peer()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("prodserver-peer-").FullName;
        try
        {
            var path = System.IO.Path.Combine(directory, "s.sock");
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(1);
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            client.Connect(new UnixDomainSocketEndPoint(path));
            using var accepted = listener.Accept();

            Assert.Equal(PeerCredentials.EffectiveUserId, PeerCredentials.UserId(accepted));
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_default_socket_is_under_XDG_RUNTIME_DIR_named_after_the_app_with_unsafe_characters_replaced()
    {
        var runtime = System.Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        var path = ControlSocket.SharedDefaultPath("my shop/../x");

        Assert.EndsWith("/my_shop_.._x.sock", path);
        if (runtime is { Length: > 0 } && System.IO.Directory.Exists(runtime))
        {
            Assert.Equal(System.IO.Path.Combine(runtime, "prodserver", "my_shop_.._x.sock"), path);
        }

        Assert.Equal("/srv/run/c.sock", ControlSocket.PathFor("run/c.sock", "shop", "/srv"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // no control socket there
    public void A_test_process_keeps_its_hosts_default_sockets_in_a_directory_of_its_own_no_other_process_shares()
    {
        // Every test host is named testhost: the two test processes CI runs side by side met at /run/prodserver/testhost.sock.
        var path = ControlSocket.PathFor(null, "testhost", "/srv");

        Assert.NotEqual(ControlSocket.SharedDefaultPath("testhost"), path);
        Assert.Equal(ControlSocket.PrivateDefaultDirectory, System.IO.Path.GetDirectoryName(path));
        Assert.Equal(System.IO.UnixFileMode.UserRead | System.IO.UnixFileMode.UserWrite | System.IO.UnixFileMode.UserExecute,
            System.IO.File.GetUnixFileMode(ControlSocket.PrivateDefaultDirectory!));
    }

    [Fact]
    public void The_status_table_lines_up_its_columns_and_names_a_signal_death()
    {
        var table = ControlCommandLine.StatusTable(
        [
            new ControlProcessStatus { Name = "web", State = "ready", Pid = 1234, UptimeSeconds = 62.7, Restarts = 0, CommandLine = "waitress-serve app" },
            new ControlProcessStatus { Name = "worker", State = "backoff", Restarts = 3, LastExitCode = 137, LastSignal = 9 },
        ]);

        var lines = table.TrimEnd().Split('\n');
        Assert.Equal("NAME    STATE    PID   UPTIME    RESTARTS  LAST EXIT      COMMAND", lines[0]);
        Assert.Equal("web     ready    1234  00:01:02  0         -              waitress-serve app", lines[1]);
        Assert.Equal("worker  backoff  -     -         3         137 (SIGKILL)  -", lines[2]);
    }
}
