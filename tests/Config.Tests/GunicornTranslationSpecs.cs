using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>What <c>gunicorn</c> receives: the spellings its argparse parser needs (see ../shared/reference/README.md) and the launch shape.</summary>
public sealed class GunicornTranslationSpecs
{
    private static string[] Translate(GunicornArgs args)
    {
        var argv = new List<string>();
        args.AppendArguments(argv);
        return [.. argv];
    }

    private static ProcessDefinition Web(GunicornArgs args, string? app = "mysite.wsgi:application") =>
        new("web", ServerBackends.Gunicorn) { App = app, Args = args };

    [Fact]
    public void The_request_field_size_limit_is_written_with_gunicorns_underscore()
    {
        // gunicorn rejects --limit-request-field-size; its flag really is --limit-request-field_size.
        Assert.Equal(["--limit-request-field_size=16380"], Translate(new() { LimitRequestFieldSize = 16380 }));
    }

    [Theory]
    [InlineData(GunicornProxyProtocol.Auto, "--proxy-protocol=auto")]
    [InlineData(GunicornProxyProtocol.V1, "--proxy-protocol=v1")]
    [InlineData(GunicornProxyProtocol.V2, "--proxy-protocol=v2")]
    [InlineData(GunicornProxyProtocol.Off, "--proxy-protocol=off")]
    public void The_proxy_protocol_is_always_written_with_its_value_so_it_cannot_swallow_the_app(GunicornProxyProtocol mode, string expected)
    {
        var argv = ServerBackends.Gunicorn.BuildArguments(Web(new() { ProxyProtocol = mode }));

        Assert.Equal([expected, "mysite.wsgi:application"], argv);
    }

    [Fact]
    public void Booleans_are_set_only_switches_because_gunicorn_rejects_a_value_and_has_no_no_form()
    {
        Assert.Equal(["--reload", "--preload"], Translate(new() { Reload = true, Preload = true }));
        Assert.Empty(Translate(new() { Reload = false, Preload = false, CaptureOutput = false }));
    }

    [Fact]
    public void Sendfile_and_the_control_socket_are_turned_off_with_gunicorns_negative_only_flags()
    {
        Assert.Equal(["--no-sendfile"], Translate(new() { Sendfile = false }));
        Assert.Empty(Translate(new() { Sendfile = true }));
        Assert.Equal(["--no-control-socket"], Translate(new() { NoControlSocket = true }));
    }

    [Theory]
    [InlineData("022")]
    [InlineData("0o22")]
    [InlineData("0")]
    public void The_umask_is_passed_as_written_so_a_leading_zero_keeps_it_octal(string umask)
    {
        Assert.Equal(["--umask=" + umask], Translate(new() { Umask = umask }));
    }

    [Fact]
    public void Options_come_before_the_app_target_and_lists_repeat_the_flag()
    {
        var argv = ServerBackends.Gunicorn.BuildArguments(Web(new()
        {
            Bind = ["127.0.0.1:8000", "unix:/run/web.sock"], Workers = 4, WorkerClass = "gthread", Threads = 2,
            HttpProtocols = [GunicornHttpProtocol.Http1, GunicornHttpProtocol.Http2],
        }));

        Assert.Equal(
            ["--bind=127.0.0.1:8000", "--bind=unix:/run/web.sock", "--workers=4", "--worker-class=gthread", "--threads=2",
             "--http-protocols=h1,h2", "mysite.wsgi:application"],
            argv);
    }

    [Fact]
    public void With_a_paste_file_no_app_target_is_written_or_required()
    {
        var process = Web(new() { Paste = "production.ini" }, app: null);

        Assert.Equal(["--paste=production.ini"], ServerBackends.Gunicorn.BuildArguments(process));
        Assert.Empty(ServerBackends.Gunicorn.Validate(process));
    }

    [Fact]
    public void Gunicorn_gets_its_graceful_timeout_plus_a_margin_to_stop()
    {
        Assert.Equal(TimeSpan.FromSeconds(35), Web(new()).EffectiveStopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), Web(new() { GracefulTimeout = 10 }).EffectiveStopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), new ProcessDefinition("web", ServerBackends.Gunicorn) { StopTimeout = TimeSpan.FromSeconds(3) }.EffectiveStopTimeout);
        Assert.Equal(15, ServerBackends.Gunicorn.StopSignal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sync")]
    [InlineData("gthread")]
    [InlineData("gevent")]
    [InlineData("asgi")]
    public void The_stop_signal_is_repeated_every_second_for_gunicorns_own_workers(string? workerClass)
    {
        var process = Web(new() { WorkerClass = workerClass });

        Assert.Equal(TimeSpan.FromSeconds(1), ServerBackends.Gunicorn.GetStopSignalRepeat(process));
        Assert.Equal(TimeSpan.FromSeconds(1), LaunchPlanner.Plan(process, System.IO.Path.GetTempPath()).StopSignalRepeat);
    }

    [Fact]
    public void The_stop_signal_is_sent_once_where_another_worker_class_may_run()
    {
        // A third-party worker's SIGTERM handler is not known (a second signal may mean "exit now" to it); a configuration
        // file, a paste file or a verbatim flag may name such a class where the typed options do not.
        Assert.Null(ServerBackends.Gunicorn.GetStopSignalRepeat(Web(new() { WorkerClass = "uvicorn.workers.UvicornWorker" })));
        Assert.Null(ServerBackends.Gunicorn.GetStopSignalRepeat(Web(new() { Config = "gunicorn.conf.py" })));
        Assert.Null(ServerBackends.Gunicorn.GetStopSignalRepeat(Web(new() { Paste = "production.ini" }, app: null)));
        Assert.Null(ServerBackends.Gunicorn.GetStopSignalRepeat(Web(new() { ExtraArgs = ["--worker-cl=uvicorn.workers.UvicornWorker"] })));
        Assert.Null(ServerBackends.Waitress.GetStopSignalRepeat(new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application" }));
    }

    [Fact]
    public void The_stop_signal_is_sent_once_when_gunicorn_finds_its_own_configuration_file()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("gunicorn-conf-").FullName;
        try
        {
            var process = Web(new());
            Assert.NotNull(LaunchPlanner.Plan(process, directory).StopSignalRepeat);

            System.IO.File.WriteAllText(System.IO.Path.Combine(directory, "gunicorn.conf.py"), "worker_class = 'uvicorn.workers.UvicornWorker'\n");

            Assert.Null(LaunchPlanner.Plan(process, directory).StopSignalRepeat);
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void With_an_interpreter_gunicorn_runs_through_its_own_entry_point()
    {
        var process = Web(new() { Workers = 2 });
        process.Python = "/usr/bin/python3";

        var plan = LaunchPlanner.Plan(process, "/", requireExecutable: false, hostEnvironment: new Dictionary<string, string>());

        Assert.Equal(["-c", ServerBackends.Gunicorn.PythonEntryPoint!, "--workers=2", "mysite.wsgi:application"], plan.Arguments);
    }

    [Fact]
    public void Variables_that_feed_gunicorns_options_are_removed_unless_the_process_sets_them()
    {
        var process = Web(new());
        process.Environment["WEB_CONCURRENCY"] = "3";
        var inherited = new Dictionary<string, string>
        {
            ["GUNICORN_CMD_ARGS"] = "--workers=9", ["PORT"] = "80", ["WEB_CONCURRENCY"] = "9", ["FORWARDED_ALLOW_IPS"] = "*",
            ["SENDFILE"] = "0", ["HOME"] = "/root",
        };

        var plan = LaunchPlanner.Plan(process, "/", requireExecutable: false, hostEnvironment: inherited);

        Assert.Equal(["FORWARDED_ALLOW_IPS", "GUNICORN_CMD_ARGS", "PORT", "SENDFILE"], plan.RemovedEnvironment);
    }
}

/// <summary><c>--dry-run</c> for Gunicorn, pinned: the command line a typical production process runs and the variables it removes.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class GunicornDryRunSpecs
{
    private static void Production(ProdServerBuilder o) =>
        o.UseGunicorn("mysite.wsgi:application", g => g with
        {
            Bind = ["127.0.0.1:8000"], Workers = 4, WorkerClass = "gthread", Threads = 2, Timeout = 60, GracefulTimeout = 20,
            MaxRequests = 1000, MaxRequestsJitter = 50, ForwardedAllowIps = "127.0.0.1", AccessLogfile = "-",
            LimitRequestFieldSize = 16380, Umask = "0027",
        })
        .WorkingDirectory("src")
        .Python("/usr/bin/python3")
        .Environment("DJANGO_SETTINGS_MODULE", "mysite.settings");

    [Fact]
    public async Task A_typical_production_gunicorn_prints_this_command_line()
    {
        using var _ = DryRunner.WithoutVariables(ServerBackends.Gunicorn.ScrubbedEnvironment);

        var output = await DryRunner.RunAsync(Production);

        Assert.Equal(
            "# web (Gunicorn) in <root>/src\n" +
            "# env PYTHONUNBUFFERED=1\n" +
            "# env DJANGO_SETTINGS_MODULE=mysite.settings\n" +
            "/usr/bin/python3 -c 'import sys; sys.argv[0] = '\\''gunicorn'\\''; from gunicorn.app.wsgiapp import run; sys.exit(run())' " +
            "--bind=127.0.0.1:8000 --workers=4 --worker-class=gthread --threads=2 --max-requests=1000 --max-requests-jitter=50 " +
            "--timeout=60 --graceful-timeout=20 --limit-request-field_size=16380 --umask=0027 --forwarded-allow-ips=127.0.0.1 " +
            "--access-logfile=- mysite.wsgi:application\n",
            output);
    }

    [Fact]
    public async Task The_dry_run_says_which_inherited_variables_gunicorn_will_not_see()
    {
        using var _ = DryRunner.WithVariables(ServerBackends.Gunicorn.ScrubbedEnvironment,
            new Dictionary<string, string> { ["GUNICORN_CMD_ARGS"] = "--workers=9", ["PORT"] = "80" });

        var output = await DryRunner.RunAsync(Production);

        Assert.Contains("# unset GUNICORN_CMD_ARGS (it would override the typed configuration)\n", output, StringComparison.Ordinal);
        Assert.Contains("# unset PORT (it would override the typed configuration)\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dry_run_names_the_gunicorn_release_a_newer_flag_needs()
    {
        using var _ = DryRunner.WithoutVariables(ServerBackends.Gunicorn.ScrubbedEnvironment);

        var output = await DryRunner.RunAsync(o => o.UseGunicorn("mysite.wsgi:application", g => g with { LogConfigJson = "logging.json" }).Python("/usr/bin/python3"));

        Assert.Contains("# needs gunicorn 21.0.0 or newer for LogConfigJson (--log-config-json) (checked at start)\n", output, StringComparison.Ordinal);
    }
}
