using System;
using System.Linq;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>Two processes run together never listen on one port or one Unix socket.</summary>
public sealed class ListenUniquenessSpecs
{
    private static ProdServerOptions Declare(Action<ProdServerBuilder> configure)
    {
        var options = new ProdServerOptions();
        configure(new ProdServerBuilder(options));
        return options;
    }

    [Fact]
    public void A_second_process_on_a_port_another_listens_on_is_refused_naming_both_when_they_run_together()
    {
        // Before, --all started the first and the second failed at its start; a reload stopped a serving process first.
        var options = Declare(o =>
        {
            o.Process("api").UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1", Port = 8001 });
            o.Process("extra").UseGunicorn("mysite.wsgi:application", g => g with { Bind = ["0.0.0.0:8001"] });
        });

        Assert.Equal(
            "Process 'extra': it listens on 0.0.0.0:8001, where process 'api' listens too (127.0.0.1:8001): two servers cannot bind one port; give one of them another port. (ProdServer:Processes:extra:Args)",
            Assert.Single(ProdServerOptionsValidator.Failures(options, ValidationScope.EverythingTogether)));
        Assert.Single(ProdServerOptionsValidator.Failures(options, ValidationScope.Of(["api", "extra"])));

        // Each run on its own (a django-prodserver configuration's way, and --check's): no clash.
        Assert.Empty(ProdServerOptionsValidator.Failures(options, ValidationScope.Everything));
        Assert.Empty(ProdServerOptionsValidator.Failures(options, ValidationScope.Of(["extra"])));
    }

    [Fact]
    public void A_second_process_on_another_processs_unix_socket_is_refused()
    {
        var options = Declare(o =>
        {
            o.Process("a").UseGunicorn("mysite.wsgi:application", g => g with { Bind = ["unix:/run/site/web.sock"] });
            o.Process("b").UseUvicorn("mysite.asgi:application", u => u with { Uds = "/run/site/web.sock" });
        });

        Assert.StartsWith("Process 'b': it listens on the Unix socket /run/site/web.sock, as process 'a' does",
            Assert.Single(ProdServerOptionsValidator.Failures(options, ValidationScope.EverythingTogether)), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_ports_and_other_addresses_pass()
    {
        var options = Declare(o =>
        {
            o.Process("a").UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1", Port = 8001 });
            o.Process("b").UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.2", Port = 8001 });
            o.Process("c").UseWaitress("mysite.wsgi:application", w => w with { Host = "[::1]", Port = 8001 });
            o.Process("d").UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1", Port = 8002 });
        });

        Assert.Empty(ProdServerOptionsValidator.Failures(options, ValidationScope.EverythingTogether));
    }
}
