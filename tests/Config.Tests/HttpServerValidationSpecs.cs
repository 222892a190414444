using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Mistakes caught at start for Gunicorn, Uvicorn and Granian rather than by a server's usage error or a silently ignored
/// option; each message names the process and the key.
/// </summary>
public sealed class HttpServerValidationSpecs
{
    private static void AssertNames(string failure, string key, string problem)
    {
        Assert.StartsWith("Process 'web': ", failure, StringComparison.Ordinal);
        Assert.Contains(problem, failure, StringComparison.Ordinal);
        Assert.EndsWith($"(ProdServer:Processes:web:{key})", failure, StringComparison.Ordinal);
    }

    private static string Gunicorn(Func<GunicornArgs, GunicornArgs> configure, string app = "mysite.wsgi:application") =>
        Options.SingleFailure(o => o.UseGunicorn(app, configure));

    private static string Uvicorn(Func<UvicornArgs, UvicornArgs> configure, string app = "mysite.asgi:application") =>
        Options.SingleFailure(o => o.UseUvicorn(app, configure));

    private static string Granian(Func<GranianArgs, GranianArgs> configure, string app = "mysite.asgi:application") =>
        Options.SingleFailure(o => o.UseGranian(app, configure));

    [Fact]
    public void Typical_configurations_of_each_server_start_without_complaint()
    {
        var options = Options.Resolve(o =>
        {
            o.UseGunicorn("mysite.wsgi:application", g => g with
            {
                Bind = ["127.0.0.1:8000", "unix:/run/web.sock", "fd://3", "[::1]:8000"], Workers = 4, WorkerClass = "uvicorn.workers.UvicornWorker",
                Umask = "0022", ControlSocketMode = "0o600", Certfile = "c.pem", Keyfile = "k.pem", Env = ["A=1"],
            });
            o.Process("app").UseGunicorn("app:create_app('production')");
            o.Process("asgi").UseUvicorn("mysite.asgi:application", u => u with { Host = "127.0.0.1", Port = 8010, Workers = 2, Headers = ["X-Env:prod"] });
            o.Process("wsgi").UseUvicornWsgi("mysite.wsgi:application", u => u with { Uds = "/run/u.sock" });
            o.Process("dev").UseUvicorn("mysite.asgi:application", u => u with { Port = 8011, Reload = true, Workers = 1 }); // uvicorn's own default count
            o.Process("granian").UseGranian("mysite.asgi:application", g => g with { Port = 8001, WorkersKillTimeout = "1m", BlockingThreads = 1 });
            o.Process("granian-wsgi").UseGranianWsgi("src/mysite/wsgi.py:application", g => g with
            {
                Uds = "/run/g.sock", UdsPermissions = "0660", BlockingThreads = 8, StaticPathRoutes = ["/static"], StaticPathMounts = ["static"],
            });
        });

        Assert.Equal(7, options.Processes.Count);
    }

    [Theory]
    [InlineData("22", "Umask '22' has no leading 0, so the server reads it as decimal 22 (octal 26); write '022' for the octal mode 22.")]
    [InlineData("0999", "Umask must be an octal file mode with a leading 0")]
    [InlineData("01777", "Umask '01777' is above the largest mode 777 (octal).")]
    public void A_gunicorn_umask_without_a_leading_zero_is_refused_because_gunicorn_would_read_it_as_decimal(string umask, string problem)
    {
        AssertNames(Gunicorn(g => g with { Umask = umask }), "Args:Umask", problem);
    }

    [Fact]
    public void Granian_socket_permissions_without_a_leading_zero_are_refused_because_granian_would_read_them_as_decimal()
    {
        AssertNames(Granian(g => g with { Uds = "/run/g.sock", UdsPermissions = "660" }), "Args:UdsPermissions",
            "UdsPermissions '660' has no leading 0, so the server reads it as decimal 660 (octal 1224); write '0660'");
    }

    [Fact]
    public void A_gunicorn_told_to_check_or_print_its_configuration_is_refused_because_it_would_exit_at_once_and_never_serve()
    {
        // Before, both passed validation and the process restarted until it gave up ("exited with code 0").
        AssertNames(Gunicorn(g => g with { CheckConfig = true }), "Args:CheckConfig", "CheckConfig cannot be on");
        AssertNames(Gunicorn(g => g with { PrintConfig = true }), "Args:PrintConfig", "PrintConfig cannot be on");
    }

    [Fact]
    public void Port_0_is_refused_because_no_probe_check_or_export_could_know_the_port_the_server_picks()
    {
        // Before, uvicorn served on a random port while readiness waited on 127.0.0.1:0 until it gave up.
        AssertNames(Uvicorn(u => u with { Port = 0 }), "Args:Port", "Port must be between 1 and 65535, got 0.");
    }

    [Fact]
    public void A_value_holding_a_NUL_is_refused_naming_its_key_before_any_launch()
    {
        // Before, validation, --dry-run and --check passed it; only the launch refused it ("argument 9 holds a NUL character").
        AssertNames(Gunicorn(g => g with { Name = "my\0app" }), "Args:Name", "Name holds a NUL character");
        AssertNames(Gunicorn(g => g with { Env = ["A=1", "B=\0"] }), "Args:Env", "Env holds a NUL character");
    }

    [Fact]
    public void A_daemonised_gunicorn_is_refused_because_it_would_escape_supervision()
    {
        AssertNames(Gunicorn(g => g with { Daemon = true }), "Args:Daemon", "Daemon cannot be on");
    }

    [Theory]
    [InlineData("mysite.wsgi")]
    [InlineData("mysite.wsgi:application")]
    [InlineData("app:create_app()")]
    public void Gunicorn_accepts_a_module_with_or_without_an_object(string app)
    {
        Assert.Single(Options.Resolve(o => o.UseGunicorn(app)).Processes);
    }

    [Theory]
    [InlineData("mysite/wsgi.py")]
    [InlineData("mysite.wsgi:")]
    public void A_malformed_gunicorn_app_target_is_refused(string app)
    {
        AssertNames(Gunicorn(g => g, app), "App", $"App '{app}' must be 'module' or 'module:object'");
    }

    [Fact]
    public void A_gunicorn_worker_class_must_be_an_alias_or_a_dotted_path()
    {
        AssertNames(Gunicorn(g => g with { WorkerClass = "fast" }), "Args:WorkerClass", "WorkerClass must be one of sync, gthread");
    }

    [Fact]
    public void Gunicorns_request_line_limit_is_capped_as_gunicorn_caps_it()
    {
        AssertNames(Gunicorn(g => g with { LimitRequestLine = 9000 }), "Args:LimitRequestLine", "LimitRequestLine must be between 0 and 8190, got 9000.");
    }

    [Fact]
    public void Uvicorn_refuses_module_dot_object_so_the_app_must_be_module_colon_object()
    {
        AssertNames(Uvicorn(u => u, "mysite.asgi.application"), "App", "App 'mysite.asgi.application' must be 'module:object'");
    }

    [Fact]
    public void A_uvicorn_unix_socket_cannot_be_combined_with_host_and_port_which_uvicorn_would_silently_ignore()
    {
        AssertNames(Uvicorn(u => u with { Uds = "/run/u.sock", Port = 8000 }), "Args:Uds", "Uds cannot be combined with Host, Port or Fd");
    }

    [Fact]
    public void A_unix_socket_path_longer_than_a_socket_address_holds_is_refused_for_every_server_on_one()
    {
        // It passed validation and --check; every start then failed with gunicorn's "Can't connect to ..." until it gave up.
        var path = "/run/" + new string('s', 110) + ".sock";

        AssertNames(Gunicorn(g => g with { Bind = ["unix:" + path] }), "Args", "is longer than a socket path may be (107 bytes)");
        AssertNames(Uvicorn(u => u with { Uds = path }), "Args", "is longer than a socket path may be (107 bytes)");
        AssertNames(Granian(g => g with { Uds = path }), "Args", "is longer than a socket path may be (107 bytes)");
    }

    [Fact]
    public void Uvicorn_workers_cannot_be_combined_with_reload_which_ignores_them()
    {
        AssertNames(Uvicorn(u => u with { Reload = true, Workers = 4 }), "Args:Workers", "Workers above 1 cannot be combined with Reload");
    }

    [Theory]
    [InlineData("--interface=asgi2")]
    [InlineData("--interface")]
    public void The_interface_cannot_be_smuggled_in_through_extra_arguments(string extra)
    {
        AssertNames(Uvicorn(u => u with { ExtraArgs = [extra] }), "Args:ExtraArgs:0", "ExtraArgs cannot set --interface");
        AssertNames(Granian(g => g with { ExtraArgs = [extra] }), "Args:ExtraArgs:0", "ExtraArgs cannot set --interface");
    }

    [Fact]
    public void Granian_takes_more_than_one_blocking_thread_only_for_a_wsgi_app()
    {
        AssertNames(Granian(g => g with { BlockingThreads = 4 }), "Args:BlockingThreads", "BlockingThreads must be 1 for an ASGI app, got 4");
    }

    [Theory]
    [InlineData("WorkersKillTimeout", "0")]
    [InlineData("WorkersKillTimeout", "1x")]
    [InlineData("WorkersLifetime", "30s")]
    public void Granian_durations_out_of_granians_range_are_refused(string property, string value)
    {
        var args = new GranianArgs();
        typeof(GranianArgs).GetProperty(property)!.SetValue(args, value);

        AssertNames(Granian(_ => args), "Args:" + property, $"{property} must be a duration");
    }

    [Fact]
    public void Granian_static_routes_and_mounts_must_pair_up()
    {
        AssertNames(Granian(g => g with { StaticPathRoutes = ["/a", "/b"], StaticPathMounts = ["a"] }), "Args:StaticPathMounts",
            "StaticPathMounts and StaticPathRoutes must have as many entries");
    }
}
