using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The SDK starts Debian's hypercorn 0.13.2 (<c>/usr/bin/python3 -m hypercorn</c>) for Django's ASGI application, and refuses what 0.13.2 lacks before launch.</summary>
public sealed class HypercornServingSpecs : IDisposable
{
    public void Dispose() => Environment.ExitCode = 0;

    [Fact]
    public async Task I_can_serve_djangos_asgi_application_through_hypercorn_and_stop_it_gracefully_leaving_nothing()
    {
        var port = Loopback.FreePort();

        var log = await DjangoAsgiServing.ServePageAndStopAsync("hypercorn", port, o => o
            .UseHypercorn("djsite.asgi:application", h => h with { Bind = [$"127.0.0.1:{port}"], Workers = 2, GracefulTimeout = 2, AccessLogfile = "-" }));

        Assert.Contains($"-m hypercorn --bind=127.0.0.1:{port} --workers=2", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wsgi_app_on_debians_asgi_only_hypercorn_is_refused_before_launch_with_the_release_it_needs()
    {
        var (host, _) = ServingHost.Build(o => o
            .UseHypercornWsgi("hello:app", h => h with { Bind = [$"127.0.0.1:{Loopback.FreePort()}"] })
            .WorkingDirectory("apps")
            .Python(Python.Debian));
        using var error = new StringWriter();

        var exitCode = await host.RunProdServerAsync(["web"], TextWriter.Null, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("needs hypercorn 0.14.0 or newer, but the installed hypercorn is 0.13.2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_that_fails_to_import_in_a_worker_is_a_failed_start_although_hypercorn_exits_0()
    {
        var port = Loopback.FreePort();
        var (host, logs) = ServingHost.Build(o => o
            .UseHypercorn("psc_no_such_module:app", h => h with { Bind = [$"127.0.0.1:{port}"], Workers = 2 })
            .WorkingDirectory("apps")
            .Restart(RestartPolicy.Never)
            .Python(Python.Debian));

        var exitCode = await host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode != 0, $"the run passed as a clean exit.\n{logs.Text}");
        Assert.Contains("psc_no_such_module", logs.Text, StringComparison.Ordinal);
    }
}
