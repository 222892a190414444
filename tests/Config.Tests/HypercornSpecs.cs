using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>What <c>python -m hypercorn</c> receives for both variants, and what is refused before it could be ignored or crash (see ../shared/reference/README.md).</summary>
public sealed class HypercornSpecs
{
    private static ProcessDefinition Web(ServerBackend<HypercornArgs> backend, HypercornArgs args, string app = "mysite.asgi:application") =>
        new("web", backend) { App = app, Args = args };

    private static IReadOnlyList<string> Problems(HypercornArgs args, string app = "mysite.asgi:application") =>
        ServerBackends.Hypercorn.Validate(Web(ServerBackends.Hypercorn, args, app)).Select(p => $"{p.Key}: {p.Message}").ToList();

    [Fact]
    public void The_asgi_variant_writes_the_options_then_the_target_as_given()
    {
        var argv = ServerBackends.Hypercorn.BuildArguments(Web(ServerBackends.Hypercorn, new()
        {
            Bind = ["127.0.0.1:8000", "unix:/run/h.sock"], Workers = 2, WorkerClass = HypercornWorkerClass.Uvloop, VerifyMode = HypercornVerifyMode.Required,
            CertFile = "c.pem", KeyFile = "k.pem", Reload = false,
        }));

        Assert.Equal(LaunchKind.PythonModule, ServerBackends.Hypercorn.LaunchKind);
        Assert.Equal(
            ["--bind=127.0.0.1:8000", "--bind=unix:/run/h.sock", "--workers=2", "--worker-class=uvloop", "--certfile=c.pem", "--keyfile=k.pem", "--verify-mode=CERT_REQUIRED", "mysite.asgi:application"],
            argv);
    }

    [Fact]
    public void The_wsgi_variant_prefixes_the_target_and_needs_hypercorn_0_14()
    {
        var process = Web(ServerBackends.HypercornWsgi, new(), "mysite.wsgi:application");

        Assert.Equal("wsgi:mysite.wsgi:application", ServerBackends.HypercornWsgi.BuildArguments(process)[^1]);
        Assert.Contains(ServerBackends.HypercornWsgi.GetVersionRequirements(process), r => r.Since == "0.14.0");
        Assert.Same(ServerBackends.HypercornWsgi, ServerBackends.Find("hypercornwsgi"));
    }

    [Fact]
    public void Serving_in_the_main_process_needs_hypercorn_0_15_where_0_13_would_exit_at_once()
    {
        Assert.Contains(ServerBackends.Hypercorn.GetVersionRequirements(Web(ServerBackends.Hypercorn, new() { Workers = 0 })), r => r.Since == "0.15.0");
        Assert.Empty(ServerBackends.Hypercorn.GetVersionRequirements(Web(ServerBackends.Hypercorn, new() { Workers = 2 })));
    }

    [Fact]
    public void Settings_hypercorn_would_ignore_or_crash_on_are_refused_before_launch()
    {
        var problems = Problems(new()
        {
            InsecureBind = ["0.0.0.0:80"], CertFile = "c.pem", User = 1000, LogLevel = "verbose", Reload = true, Workers = 4, MaxRequestsJitter = 5,
            Bind = ["127.0.0.1:99999"],
        });

        Assert.Contains(problems, p => p.Contains("KeyFile is required with CertFile", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("InsecureBind needs CertFile and KeyFile", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("User needs Group", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("LogLevel 'verbose' must be debug, info, warning, error or critical", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Reload needs Workers = 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MaxRequestsJitter needs MaxRequests", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Bind entry '127.0.0.1:99999'", StringComparison.Ordinal));
        Assert.Empty(Problems(new() { Bind = ["127.0.0.1:8000", "fd://3"], CertFile = "c.pem", KeyFile = "k.pem", InsecureBind = ["127.0.0.1:8080"], LogLevel = "WARNING" }));
    }

    [Theory]
    [InlineData("wsgi:mysite.wsgi:application", "must not carry the asgi:/wsgi: prefix")]
    [InlineData("mysite.asgi.application", "must be 'module:object'")]
    public void A_target_the_backend_should_write_or_cannot_import_is_refused(string app, string message)
    {
        Assert.Contains(Problems(new(), app), p => p.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_stop_waits_for_the_graceful_timeout_plus_a_margin_and_readiness_probes_the_tcp_binds()
    {
        Assert.Equal(TimeSpan.FromSeconds(8), Web(ServerBackends.Hypercorn, new()).EffectiveStopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(25), Web(ServerBackends.Hypercorn, new() { GracefulTimeout = 20 }).EffectiveStopTimeout);
        Assert.Equal([new ListenEndpoint("127.0.0.1", 8000)], ServerBackends.Hypercorn.GetListenEndpoints(Web(ServerBackends.Hypercorn, new())));
        Assert.Equal([new ListenEndpoint("0.0.0.0", 9000)], ServerBackends.Hypercorn.GetListenEndpoints(Web(ServerBackends.Hypercorn, new() { Bind = ["unix:/run/h.sock", "0.0.0.0:9000"] })));
    }
}
