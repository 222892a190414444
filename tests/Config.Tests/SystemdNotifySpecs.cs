using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary><c>sd_notify</c> as systemd receives it: one datagram on the socket named by <c>NOTIFY_SOCKET</c>.</summary>
public sealed class SystemdNotifySpecs
{
    [Fact]
    public void Readiness_reaches_the_notify_socket_as_one_datagram()
    {
        var path = Path.Combine(Path.GetTempPath(), $"psc-notify-{Guid.NewGuid():N}.sock");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(path));
        systemd.ReceiveTimeout = 5000;
        try
        {
            Assert.True(SystemdNotify.Send("READY=1", path));

            var buffer = new byte[64];
            var length = systemd.Receive(buffer);
            Assert.Equal("READY=1", Encoding.UTF8.GetString(buffer, 0, length));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Without_systemd_nothing_is_sent_and_nothing_fails()
    {
        Assert.False(SystemdNotify.Send("READY=1", string.Empty));
        Assert.False(SystemdNotify.Send("READY=1", Path.Combine(Path.GetTempPath(), $"psc-absent-{Guid.NewGuid():N}.sock")));
    }
}
