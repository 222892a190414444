using System;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The SDK starts Debian's daphne 4.0.0 (<c>/usr/bin/python3 -m daphne</c>) for Django's ASGI application and stops it cleanly.</summary>
public sealed class DaphneServingSpecs : IDisposable
{
    public void Dispose() => Environment.ExitCode = 0;

    [Fact]
    public async Task I_can_serve_djangos_asgi_application_through_daphne_and_stop_it_leaving_nothing()
    {
        var port = Loopback.FreePort();

        var log = await DjangoAsgiServing.ServePageAndStopAsync("daphne", port, o => o
            .UseDaphne("djsite.asgi:application", d => d with { Bind = "127.0.0.1", Port = port, Verbosity = 1, ServerName = "psc-daphne" }));

        Assert.Contains($"-m daphne --bind=127.0.0.1 --port={port} --verbosity=1 --server-name=psc-daphne djsite.asgi:application", log, StringComparison.Ordinal);
    }
}
