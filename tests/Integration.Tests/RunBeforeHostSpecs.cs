using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// <c>ProdServerHost.RunAsync(args, configure, configureHost)</c>: the server is planned from the app's declarations,
/// appsettings*.json and the environment and spawned before the host builder exists; the host then adopts it when it
/// plans the same launch, replaces it when not, and kills it when the configuration is invalid.
/// </summary>
public sealed class RunBeforeHostSpecs : IDisposable
{
    private readonly string _appDirectory = Directory.CreateTempSubdirectory("prodserver-run-before-host-").FullName;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly int _port = Loopback.FreePort();

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_appDirectory, recursive: true);
    }

    // The threads the next run declares in code (appsettings.json can still override them).
    private int _threads = 2;

    private void Declare(ProdServerBuilder o, Witness witness)
    {
        witness.DeclaredBeforeBuilder |= witness.AtBuilder is null;
        Declare(o);
    }

    private void Declare(ProdServerBuilder o) => o
        .UseWaitress("hello:app", w => w with { Host = "127.0.0.1", Port = _port, Threads = _threads, Ident = "run-before-host" })
        .WorkingDirectory(Path.Combine(AppContext.BaseDirectory, "apps"))
        .Python(Python.Debian);

    // The app's appsettings.json, in the content root the run is given.
    private void AppSettings(string json) => File.WriteAllText(Path.Combine(_appDirectory, "appsettings.json"), json);

    private string Marker => $"--port={_port}";

    // Runs the entry with configureHost recording whether the server was already running when the host's builder existed.
    private Task<int> RunAsync(Witness witness, Action<HostApplicationBuilder>? more, TextWriter error, CancellationToken cancellationToken, string? planCache = null) =>
        ProdServerHost.RunAsync(["web"], o => Declare(o, witness), builder =>
        {
            // Listening first: finding the server in /proc may take a while, and the server may listen meanwhile.
            witness.ListeningAtBuilder = Loopback.IsListening(_port);
            witness.AtBuilder = ServersAlreadyStarted();
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(_logs);
            more?.Invoke(builder);
            builder.ConfigureContainer(witness.AtBuild);
        }, _appDirectory, AppContext.BaseDirectory, () => planCache, TextWriter.Null, error, cancellationToken);

    // The servers started before the host's builder exists, seen from /proc. One look at that moment missed the early server
    // in about a third of this class's runs (3 of 8 here, once in CI), though it was running: the host then adopted that
    // very pid. Why the scan misses it is not pinned down; looking again for up to 5 s saw it in 8 runs of 8. Nothing else
    // can start one meanwhile: the host starts its own only after this delegate has returned.
    private int[] ServersAlreadyStarted()
    {
        var clock = Stopwatch.StartNew();
        int[] found;
        while ((found = EarlyLaunchSpecs.BuildWitness.FindServers(Marker, includeLauncher: true)).Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(20);
        }

        return found;
    }

    [Fact]
    public async Task The_server_runs_before_the_host_builder_exists_with_appsettings_applied_and_the_host_adopts_it()
    {
        AppSettings("""{ "ProdServer": { "Processes": { "web": { "Args": { "Threads": 3 } } } } }""");
        var witness = new Witness(Marker);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var run = RunAsync(witness, null, TextWriter.Null, stop.Token);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{_port}/ping", TimeSpan.FromSeconds(30), () => run.IsCompleted);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(witness.AtBuilder is { Length: > 0 }, "waitress-serve was not started before the host's builder existed");
        var pid = _logs.StartedPid("web");
        Assert.Equal([pid], witness.AtBuild.Servers); // adopted: no second server was started
        Assert.Contains("--threads=3", _logs.Text, StringComparison.Ordinal); // appsettings.json read before the host

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(Loopback.IsRunning(pid), "waitress-serve outlived the host");
    }

    [Fact]
    public async Task An_invalid_configuration_kills_the_server_started_before_the_host_and_exits_1_leaving_nothing()
    {
        AppSettings("""{ "ProdServer": { "Processes": { "web": { "Args": { "Threads": 0 } } } } }""");
        var witness = new Witness(Marker);
        var error = new StringWriter();

        var code = await RunAsync(witness, null, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("Process 'web': Threads must be at least 1, got 0. (ProdServer:Processes:web:Args:Threads)", error.ToString(), StringComparison.Ordinal);
        Assert.True(witness.AtBuilder is { Length: > 0 }, "the test needs the server to have started before the host; the run's log:\n" + _logs.Text);
        Assert.Empty(EarlyLaunchSpecs.BuildWitness.FindServers(Marker));
    }

    [Fact]
    public async Task A_launch_the_host_configures_differently_replaces_the_early_server_with_the_hosts_own()
    {
        var witness = new Witness(Marker);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var run = RunAsync(witness, b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ProdServer:Processes:web:Args:Threads"] = "5" }), TextWriter.Null, stop.Token);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{_port}/ping", TimeSpan.FromSeconds(30), () => run.IsCompleted);

        Assert.True(witness.AtBuilder is { Length: > 0 }, "the test needs the server to have started before the host; the run's log:\n" + _logs.Text);
        var servers = EarlyLaunchSpecs.BuildWitness.FindServers(Marker);
        var server = Assert.Single(servers);
        Assert.Contains("--threads=5", File.ReadAllText($"/proc/{server}/cmdline").Replace('\0', ' '), StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Empty(EarlyLaunchSpecs.BuildWitness.FindServers(Marker));
    }

    [Fact]
    public async Task A_release_step_added_on_the_host_builder_stops_the_early_server_before_the_host_is_built()
    {
        var witness = new Witness(Marker);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var run = RunAsync(witness, b => b.Services.Configure<ProdServerOptions>(o => new ProdServerBuilder(o).Release("noop", ["/bin/true"])), TextWriter.Null, stop.Token);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{_port}/ping", TimeSpan.FromSeconds(30), () => run.IsCompleted);

        Assert.True(witness.AtBuilder is { Length: > 0 }, "the test needs the server to have started before the host; the run's log:\n" + _logs.Text);
        Assert.False(witness.AtBuild.ServerRunningAtBuild, "the early server still ran when the host was built, before its release step");
        Assert.Contains("noop", _logs.Text, StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // the plan cache is Linux-only (a private tmpfs directory)
    public async Task A_second_identical_run_forks_the_server_from_the_cached_plan_before_planning_and_the_host_adopts_it()
    {
        using var cache = new PrivateCacheDirectory();
        var first = new Witness(Marker);
        await ServeAndStopAsync(first, cache.Path, () => Directory.GetFiles(cache.Path, "*.plan").Length == 1);
        Assert.True(first.DeclaredBeforeBuilder, "the first run had nothing cached and must have planned from the declarations");
        var entry = Assert.Single(Directory.GetFiles(cache.Path, "*.plan"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(entry));

        var second = new Witness(Marker);
        var pid = await ServeAndStopAsync(second, cache.Path, () => true);

        Assert.False(second.DeclaredBeforeBuilder, "the second run planned before the host instead of using the cached plan");
        Assert.Contains(pid, second.AtBuilder ?? []); // started before the host's builder existed, and adopted: the same process serves
        Assert.True(File.Exists(entry), "an adopted cached plan stays cached");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_run_from_the_cached_plan_lets_waitress_import_the_app_alone_and_builds_the_host_once_it_listens()
    {
        using var cache = new PrivateCacheDirectory();
        await ServeAndStopAsync(new Witness(Marker), cache.Path, () => Directory.GetFiles(cache.Path, "*.plan").Length == 1);

        var second = new Witness(Marker);
        await ServeAndStopAsync(second, cache.Path, () => true);

        Assert.False(second.DeclaredBeforeBuilder, "the test needs the second run to start from the cached plan");
        Assert.True(second.ListeningAtBuilder, "the host's builder was created before waitress listened");
    }

    [Fact]
    public async Task A_first_run_that_passes_the_hosts_validators_lets_waitress_import_the_app_alone_and_builds_the_host_once_it_listens()
    {
        var first = new Witness(Marker);

        await ServeAndStopAsync(first, cache: null, () => true);

        Assert.True(first.DeclaredBeforeBuilder, "the test needs a run with nothing cached, planned from the declarations");
        Assert.True(first.ListeningAtBuilder, "the host's builder was created before waitress listened");
    }

    [Fact]
    public async Task A_server_that_fails_before_the_host_is_built_has_its_lines_logged_before_its_failure_and_none_said_lost()
    {
        // Waitress prints "Error: Bad module" and its usage text, and exits 1, before the host exists to log them.
        AppSettings("""{ "ProdServer": { "Processes": { "web": { "App": "no_such_module_here:app", "Restart": "Never" } } } }""");
        var witness = new Witness(Marker);

        var code = await RunAsync(witness, null, TextWriter.Null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, code);
        Assert.True(witness.DeclaredBeforeBuilder, "the test needs the launch planned and spawned before the host");
        var lines = _logs.Lines;
        Assert.DoesNotContain(lines, l => l.Contains("stopped waiting", StringComparison.Ordinal));
        var said = FindIndex(lines, "Error: Bad module 'no_such_module_here'");
        var failed = FindIndex(lines, "failed with exit code 1");
        Assert.True(said >= 0 && failed > said, "the server's own lines should come before the engine's failure:\n" + _logs.Text);
    }

    private static int FindIndex(IReadOnlyList<string> lines, string text)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    [Fact]
    public async Task A_first_run_the_validators_refuse_does_not_wait_for_the_server_and_the_host_kills_it()
    {
        AppSettings("""{ "ProdServer": { "Processes": { "web": { "Args": { "Threads": 0 } } } } }""");
        var witness = new Witness(Marker);

        var code = await RunAsync(witness, null, TextWriter.Null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.True(witness.AtBuilder is { Length: > 0 }, "the test needs the server to have started before the host; the run's log:\n" + _logs.Text);
        Assert.False(witness.ListeningAtBuilder, "a launch the validators refuse was left to serve before the host was built");
        Assert.Empty(EarlyLaunchSpecs.BuildWitness.FindServers(Marker));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_cached_plan_the_host_now_plans_differently_is_replaced_by_the_hosts_launch_and_forgotten()
    {
        using var cache = new PrivateCacheDirectory();
        await ServeAndStopAsync(new Witness(Marker), cache.Path, () => Directory.GetFiles(cache.Path, "*.plan").Length == 1);

        // Nothing the cache's key covers changed (arguments, environment, files), only what the declarations compute.
        _threads = 4;
        var second = new Witness(Marker);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = RunAsync(second, null, TextWriter.Null, stop.Token, cache.Path);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{_port}/ping", TimeSpan.FromSeconds(30), () => run.IsCompleted);

        Assert.False(second.DeclaredBeforeBuilder, "the test needs the second run to start from the cached plan");
        var server = Assert.Single(EarlyLaunchSpecs.BuildWitness.FindServers(Marker));
        Assert.Contains("--threads=4", File.ReadAllText($"/proc/{server}/cmdline").Replace('\0', ' '), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(cache.Path, "*.plan"));

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Empty(EarlyLaunchSpecs.BuildWitness.FindServers(Marker));
    }

    // One run until the page is served and `done` holds, then stopped; returns the server's pid.
    private async Task<int> ServeAndStopAsync(Witness witness, string? cache, Func<bool> done)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = RunAsync(witness, null, TextWriter.Null, stop.Token, cache);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{_port}/ping", TimeSpan.FromSeconds(30), () => run.IsCompleted);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var pid = Assert.Single(EarlyLaunchSpecs.BuildWitness.FindServers(Marker));
        for (var waited = 0; !done() && waited < 100; waited++)
        {
            await Task.Delay(100); // the entry is written in the background once the host has adopted the server
        }

        Assert.True(done(), "the run did not reach the expected state within 10 s");
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Empty(EarlyLaunchSpecs.BuildWitness.FindServers(Marker));
        return pid;
    }

    // A private directory in memory, as $XDG_RUNTIME_DIR/prodserver would be.
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private sealed class PrivateCacheDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateDirectory(
            "/dev/shm/prodserver-plan-cache-" + Guid.NewGuid().ToString("N"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    private sealed class Witness(string marker)
    {
        // Null until the host's builder exists.
        public int[]? AtBuilder { get; set; }

        // Whether the server accepted connections when the host's builder was created.
        public bool ListeningAtBuilder { get; set; }

        // Whether the declarations ran before the host's builder existed (to plan the early launch): not when the
        // launch came from the plan cache.
        public bool DeclaredBeforeBuilder { get; set; }

        public EarlyLaunchSpecs.BuildWitness AtBuild { get; } = new(marker);
    }
}
