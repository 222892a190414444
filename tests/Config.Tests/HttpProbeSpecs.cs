using System.Net;
using System.Text;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The readiness GET's own bytes: what it sends and which status lines it accepts (the real server: Integration.Tests).</summary>
public sealed class HttpProbeSpecs
{
    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n", 200)]
    [InlineData("HTTP/1.0 302\r\n", 302)]
    [InlineData("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n", 503)]
    [InlineData("HTTP/1.1 200", 200)]
    [InlineData("HTTP/2 200 OK\r\n", null)]
    [InlineData("HTTP/1.1 20 OK\r\n", null)]
    [InlineData("HTTP/1.1 2000 OK\r\n", null)]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n", null)]
    [InlineData("", null)]
    public void Only_an_HTTP_1_status_line_gives_a_status(string head, int? status)
    {
        Assert.Equal(status, HttpProbe.StatusOf(Encoding.ASCII.GetBytes(head)));
    }

    [Fact]
    public void The_request_is_one_GET_whose_path_cannot_add_a_line_and_whose_host_is_the_probed_address()
    {
        var request = Encoding.ASCII.GetString(HttpProbe.Request(new IPEndPoint(IPAddress.IPv6Loopback, 8000), "/health?a=1 b\r\nX: é"));

        Assert.Equal("GET /health?a=1%20b%0D%0AX:%20%C3%A9 HTTP/1.1\r\nHost: [::1]:8000\r\nUser-Agent: ProdServer-readiness\r\nAccept: */*\r\nConnection: close\r\n\r\n", request);
    }

    [Theory]
    [InlineData(200, 200, true)]
    [InlineData(200, 399, true)]
    [InlineData(200, 400, false)]
    [InlineData(200, 199, false)]
    [InlineData(204, 200, false)]
    [InlineData(401, 401, true)]
    public void The_default_status_accepts_what_kubernetes_httpGet_accepts_and_another_must_match(int expected, int answered, bool ready)
    {
        Assert.Equal(ready, HttpProbe.IsReady(answered, expected));
    }
}
