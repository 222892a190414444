using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
    public void Relative_sockets_that_resolve_to_one_path_from_their_working_directories_are_refused_naming_both_and_the_path()
    {
        // Before, only absolute paths were compared: both passed, and the second server replaced the first one's socket.
        var options = Declare(o =>
        {
            o.Process("a").UseGunicorn("mysite.wsgi:application", g => g with { Bind = ["unix:app.sock"] }).WorkingDirectory("/srv/a");
            o.Process("b").UseUvicorn("mysite.asgi:application", u => u with { Uds = "../a/app.sock" }).WorkingDirectory("/srv/b");
        });

        Assert.Equal(
            "Process 'b': it listens on the Unix socket /srv/a/app.sock (../a/app.sock from /srv/b), as process 'a' does (app.sock from /srv/a): the second server would replace the first one's socket; give one of them another path. (ProdServer:Processes:b:Args)",
            Assert.Single(ProdServerOptionsValidator.Failures(options, ValidationScope.EverythingTogether)));
    }

    [Fact]
    public void Gunicorn_sockets_are_resolved_from_its_chdir_so_two_chdirs_naming_one_socket_are_refused()
    {
        // gunicorn changes into --chdir before it binds: a relative unix: path is the chdir's.
        var options = Declare(o =>
        {
            o.Process("a").UseGunicorn("mysite.wsgi:application", g => g with { Chdir = "/srv/a", Bind = ["unix:run/app.sock"] });
            o.Process("b").UseGunicorn("mysite.wsgi:application", g => g with { Chdir = "../a", Bind = ["unix:./run/app.sock"] }).WorkingDirectory("/srv/b");
        });

        Assert.Equal(
            "Process 'b': it listens on the Unix socket /srv/a/run/app.sock (./run/app.sock from /srv/a), as process 'a' does (run/app.sock from /srv/a): the second server would replace the first one's socket; give one of them another path. (ProdServer:Processes:b:Args)",
            Assert.Single(ProdServerOptionsValidator.Failures(options, ValidationScope.EverythingTogether)));
    }

    [Fact]
    public void Relative_working_directories_are_compared_from_the_content_root_they_share()
    {
        var options = Declare(o =>
        {
            o.Process("a").UseGunicorn("mysite.wsgi:application", g => g with { Bind = ["unix:web.sock"] }).WorkingDirectory("sites/a");
            o.Process("b").UseGunicorn("mysite.wsgi:application", g => g with { Bind = ["unix:../a/web.sock"] }).WorkingDirectory("sites/b");
        });

        Assert.StartsWith("Process 'b': it listens on the Unix socket sites/a/web.sock from the content root (../a/web.sock from sites/b), as process 'a' does",
            Assert.Single(ProdServerOptionsValidator.Failures(options, ValidationScope.EverythingTogether)), StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_hosts_content_root_a_relative_socket_and_an_absolute_one_are_compared()
    {
        // Without the content root, unix:app.sock from it and unix:/srv/site/app.sock could not be told apart or together.
        var root = System.IO.Directory.CreateTempSubdirectory("psc-root-").FullName;
        try
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings
            {
                Args = [],
                ContentRootPath = root,
                DisableDefaults = true,
            });
            builder.Services.AddProdServer(o =>
            {
                o.Process("a").UseGunicorn("mysite.wsgi:application", g => g with { Bind = ["unix:" + root + "/app.sock"] });
                o.Process("b").UseGunicorn("mysite.wsgi:application", g => g with { Bind = ["unix:app.sock"] });
            });
            using var host = builder.Build();
            host.Services.GetRequiredService<ProdServerRunState>().Scope = ValidationScope.EverythingTogether;

            var failure = Assert.Single(Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ProdServerOptions>>().Value).Failures);

            Assert.StartsWith($"Process 'b': it listens on the Unix socket {root}/app.sock (app.sock from {root}), as process 'a' does:", failure, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void One_relative_socket_name_in_two_working_directories_is_two_sockets_and_passes()
    {
        var options = Declare(o =>
        {
            o.Process("a").UseGunicorn("mysite.wsgi:application", g => g with { Bind = ["unix:app.sock"] }).WorkingDirectory("/srv/a");
            o.Process("b").UseGunicorn("mysite.wsgi:application", g => g with { Bind = ["unix:app.sock"] }).WorkingDirectory("/srv/b");
            o.Process("c").UseGunicorn("mysite.wsgi:application", g => g with { Chdir = "/srv/c", Bind = ["unix:app.sock"] }).WorkingDirectory("/srv/a");
        });

        Assert.Empty(ProdServerOptionsValidator.Failures(options, ValidationScope.EverythingTogether));
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
