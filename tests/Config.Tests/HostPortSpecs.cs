using CsCheck;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The one HOST:PORT reader behind waitress's Listen and gunicorn's Bind validators and the listen endpoints (readiness,
/// port checks, exports), so an address the validator accepts is the address the endpoint reports.
/// </summary>
public sealed class HostPortSpecs
{
    [Theory]
    [InlineData("127.0.0.1:8000", "127.0.0.1", 8000)]
    [InlineData("[::1]:8080", "::1", 8080)]
    [InlineData("*:8080", "*", 8080)]
    [InlineData(":8000", "", 8000)]
    [InlineData("localhost", "localhost", null)]
    [InlineData("[::1]", "::1", null)]
    public void I_can_give_an_address_in_every_form_the_servers_take(string entry, string host, int? port)
    {
        Assert.True(HostPort.TrySplit(entry, out var actualHost, out var actualPort));
        Assert.Equal(host, actualHost);
        Assert.Equal(port, actualPort);
    }

    [Theory]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:http")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("127.0.0.1:99999999999")]
    public void A_port_that_is_not_a_number_is_refused(string entry) =>
        Assert.False(HostPort.TrySplit(entry, out _, out _));

    [Fact]
    public void The_validators_and_the_endpoints_agree_on_every_host_and_port()
    {
        var hosts = Gen.OneOf(Gen.Const("127.0.0.1"), Gen.Const("0.0.0.0"), Gen.Const("[::1]"), Gen.Const("[::]"), Gen.Const("localhost"), Gen.Const("*"));
        Gen.Select(hosts, Gen.Int[1, 65535]).Sample((host, port) =>
        {
            var entry = host + ":" + port;
            var waitress = ServerBackends.Waitress.Validate(Definition(ServerBackends.Waitress, new WaitressArgs { Listen = [entry] }));
            var gunicorn = ServerBackends.Gunicorn.Validate(Definition(ServerBackends.Gunicorn, new GunicornArgs { Bind = [entry] }));
            var endpoint = ListenEndpoint.Parse(entry, "default", 1);

            Assert.Empty(waitress);
            Assert.Empty(gunicorn);
            Assert.Equal(new ListenEndpoint(host.Trim('[', ']'), port), endpoint);
        });
    }

    private static ProcessDefinition Definition(ServerBackend backend, IServerArgs args) =>
        new("web", backend) { App = "mysite.wsgi:application", Args = args };
}
