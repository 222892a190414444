using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>Release steps (migrate, collectstatic): in order, each must exit 0, or nothing starts.</summary>
public sealed class ReleaseStepSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();
    private readonly StartProbe _probe = new();

    public void Dispose()
    {
        Environment.ExitCode = 0;
        _root.Dispose();
    }

    private string Journal => Path.Combine(_root.Path, "journal.txt");

    private string[] Step(string text, int exitCode = 0) =>
        ["/bin/sh", "-c", $"echo {text} >> '{Journal}'; echo {text}-stderr >&2; exit {exitCode}"];

    private async Task<(int Code, string Output, string Error)> RunAsync(Action<ProdServerBuilder> releases, params string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = _root.Path });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostedService>(_probe);
        builder.Services.AddProdServer(o =>
        {
            // An interpreter that does not exist: if the servers are started after the release steps, the start fails loudly.
            o.UseWaitress("mysite.wsgi:application").Python("/nonexistent/prodserver-tests/python3");
            releases(o);
        });
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var code = await builder.Build().RunProdServerAsync(args, output, error, timeout.Token);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Release_steps_run_in_order_before_the_servers_start()
    {
        var (code, _, error) = await RunAsync(o => o.Release("migrate", Step("migrate")).Release("collectstatic", Step("collectstatic")), "web");

        Assert.Equal(["migrate", "collectstatic"], File.ReadAllLines(Journal));
        // The servers were started next: here that fails on the missing interpreter, which proves the order.
        Assert.True(_probe.Started);
        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("/nonexistent/prodserver-tests/python3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_release_step_stops_the_run_with_its_exit_code_and_nothing_starts()
    {
        var (code, _, error) = await RunAsync(o => o
            .Release("migrate", Step("migrate", exitCode: 3))
            .Release("collectstatic", Step("collectstatic")));

        Assert.Equal(3, code);
        Assert.Equal(["migrate"], File.ReadAllLines(Journal));
        Assert.False(_probe.Started, "the servers were started after a failed release step");
        Assert.Contains("Release step 'migrate' failed with exit code 3", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was started.", error, StringComparison.Ordinal);
        Assert.Contains("migrate-stderr", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_step_whose_program_is_missing_stops_the_run_naming_the_step()
    {
        var (code, _, error) = await RunAsync(o => o.Release("collectstatic", ["/nonexistent/manage.py", "collectstatic"]));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.False(_probe.Started);
        Assert.Contains("Release step 'collectstatic': '/nonexistent/manage.py' (Command) was not found.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task I_can_skip_the_release_steps()
    {
        var (code, _, _) = await RunAsync(o => o.Release("migrate", Step("migrate")), "--skip-release");

        Assert.False(File.Exists(Journal));
        Assert.True(_probe.Started);
        Assert.Equal(ExitCodes.InvalidConfiguration, code); // the (deliberately broken) server start
    }

    [Fact]
    public async Task Release_only_runs_the_release_steps_in_order_and_starts_no_server()
    {
        // What an exported release unit or job runs once, before units that run their process with --skip-release.
        var (code, _, error) = await RunAsync(o => o.Release("migrate", Step("migrate")).Release("collectstatic", Step("collectstatic")), "--release-only");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal(["migrate", "collectstatic"], File.ReadAllLines(Journal));
        Assert.False(_probe.Started, "a server was started by --release-only");
    }

    [Fact]
    public async Task Release_only_ends_with_a_failing_steps_code_and_its_dry_run_shows_only_the_steps()
    {
        var (code, _, _) = await RunAsync(o => o.Release("migrate", Step("migrate", exitCode: 4)), "--release-only");
        var (dryCode, output, _) = await RunAsync(o => o.Release("migrate", ["manage.py", "migrate"], r => r.Python = "/usr/bin/python3"), "--release-only", "--dry-run");

        Assert.Equal(4, code);
        Assert.False(_probe.Started);
        Assert.Equal(ExitCodes.Ok, dryCode);
        Assert.Equal("# release step migrate (must exit 0 before any server starts)\n/usr/bin/python3 manage.py migrate\n", output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--release-only", "web")]
    [InlineData("--release-only", "--skip-release")]
    [InlineData("--release-only", "--all")]
    public async Task Release_only_with_a_server_to_run_is_a_usage_error(params string[] args)
    {
        var (code, _, error) = await RunAsync(o => o.Release("migrate", Step("migrate")), args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--release-only runs the release steps and no server", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Journal));
    }

    [Fact]
    public async Task The_dry_run_shows_the_release_steps_before_the_servers_and_runs_nothing()
    {
        var (code, output, error) = await RunAsync(
            o => o.Release("migrate", ["manage.py", "migrate", "--noinput"], r => r.Python = "/usr/bin/python3"), "--dry-run");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.StartsWith("# release step migrate (must exit 0 before any server starts)\n/usr/bin/python3 manage.py migrate --noinput\n# web", output, StringComparison.Ordinal);
        Assert.False(_probe.Started);
    }

    [Fact]
    public void Release_steps_bind_from_configuration_in_array_order()
    {
        var options = Options.Resolve(o => o.UseWaitress("a:b"), new Dictionary<string, string?>
        {
            ["ProdServer:Release:0:Name"] = "migrate",
            ["ProdServer:Release:0:Command:0"] = "manage.py",
            ["ProdServer:Release:0:Command:1"] = "migrate",
            ["ProdServer:Release:0:Python"] = "/usr/bin/python3",
            ["ProdServer:Release:1:Name"] = "collectstatic",
            ["ProdServer:Release:1:Command:0"] = "manage.py",
            ["ProdServer:Release:1:WorkingDirectory"] = "src",
            ["ProdServer:Release:1:Environment:DJANGO_SETTINGS_MODULE"] = "mysite.settings",
            ["ProdServer:Release:10:Name"] = "tenth",
            ["ProdServer:Release:10:Command:0"] = "true",
        });

        Assert.Equal(["migrate", "collectstatic", "tenth"], options.ReleaseSteps.Select(s => s.Name));
        Assert.Equal(["manage.py", "migrate"], options.ReleaseSteps[0].Command);
        Assert.Equal("/usr/bin/python3", options.ReleaseSteps[0].Python);
        Assert.Equal("src", options.ReleaseSteps[1].WorkingDirectory);
        Assert.Equal("mysite.settings", options.ReleaseSteps[1].Environment["DJANGO_SETTINGS_MODULE"]);
    }

    [Fact]
    public void A_release_step_without_name_or_command_or_declared_twice_is_invalid()
    {
        var failures = Options.Failures(o =>
            {
                o.UseWaitress("a:b");
                o.Release("migrate", []).Release("migrate", ["true"]);
            },
            new Dictionary<string, string?> { ["ProdServer:Release:0:Command:0"] = "true", ["ProdServer:Release:0:Bogus"] = "x" });

        Assert.Contains(failures, f => f.StartsWith("Release step ProdServer:Release:0: Name is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ProdServer:Release:0:Bogus is not a release step setting", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Release step 'migrate': Command is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Release step 'migrate' is declared 2 times", StringComparison.Ordinal));
    }

    private sealed class StartProbe : IHostedService
    {
        public bool Started { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
