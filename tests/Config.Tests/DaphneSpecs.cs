using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>What <c>python -m daphne</c> receives and what is refused before it could fail with a traceback (see ../shared/reference/README.md).</summary>
public sealed class DaphneSpecs
{
    private static ProcessDefinition Web(DaphneArgs args, string app = "mysite.asgi:application") =>
        new("web", ServerBackends.Daphne) { App = app, Args = args };

    private static IReadOnlyList<string> Problems(DaphneArgs args, string app = "mysite.asgi:application") =>
        ServerBackends.Daphne.Validate(Web(args, app)).Select(p => $"{p.Key}: {p.Message}").ToList();

    [Fact]
    public void Daphne_runs_as_a_python_module_with_its_options_first_and_the_app_last()
    {
        var argv = ServerBackends.Daphne.BuildArguments(Web(new()
        {
            Bind = "127.0.0.1", Port = 8000, ProxyHeaders = true, ProxyHeadersHost = "X-Real-IP", WebSocketTimeout = -1, Endpoints = ["unix:/run/d.sock"],
        }));

        Assert.Equal(LaunchKind.PythonModule, ServerBackends.Daphne.LaunchKind);
        Assert.Equal(
            ["--bind=127.0.0.1", "--port=8000", "--endpoint=unix:/run/d.sock", "--websocket_timeout=-1", "--proxy-headers", "--proxy-headers-host=X-Real-IP", "mysite.asgi:application"],
            argv);
        Assert.Same(ServerBackends.Daphne, ServerBackends.Find("daphne"));
    }

    [Fact]
    public void Switches_are_written_bare_because_daphne_refuses_a_value_and_only_when_on()
    {
        Assert.Equal(["--no-server-name", "a:b"], ServerBackends.Daphne.BuildArguments(Web(new() { NoServerName = true, ProxyHeaders = false }, "a:b")));
    }

    [Theory]
    [InlineData("mysite.asgi.application")]
    [InlineData("mysite.asgi")]
    public void An_app_without_a_colon_is_refused_because_daphne_would_stop_with_a_traceback(string app)
    {
        Assert.Contains(Problems(new(), app), p => p.Contains("must be 'module:object'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_daphne_only_rejects_after_parsing_are_refused_before_launch()
    {
        var problems = Problems(new() { Verbosity = 4, ProxyHeadersHost = "X-Real-IP", ServerName = "x", NoServerName = true, Port = 70000 });

        Assert.Contains(problems, p => p.StartsWith("Args:Verbosity: Verbosity must be between 0 and 3", System.StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ProxyHeadersHost needs ProxyHeaders", System.StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ServerName cannot be combined with NoServerName", System.StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Port must be between 1 and 65535", System.StringComparison.Ordinal));
        Assert.Empty(Problems(new() { Verbosity = 3, ProxyHeaders = true, ProxyHeadersHost = "X-Real-IP", Port = 8000 }));
    }

    [Fact]
    public void Readiness_probes_the_bound_address_with_daphnes_defaults_and_nothing_for_a_socket_alone()
    {
        Assert.Equal([new ListenEndpoint("127.0.0.1", 8000)], ServerBackends.Daphne.GetListenEndpoints(Web(new())));
        Assert.Equal([new ListenEndpoint("0.0.0.0", 8000)], ServerBackends.Daphne.GetListenEndpoints(Web(new() { Bind = "0.0.0.0" })));
        Assert.Empty(ServerBackends.Daphne.GetListenEndpoints(Web(new() { UnixSocket = "/run/d.sock" })));
    }

    [Fact]
    public void Flags_daphne_4_0_lacks_ask_for_the_release_that_added_them()
    {
        var requirement = Assert.Single(ServerBackends.Daphne.GetVersionRequirements(Web(new() { WebSocketMaxMessageSize = 65536 })));

        Assert.Equal("4.2.2", requirement.Since);
    }
}
