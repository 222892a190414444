using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// Spawn first (<c>builder.RunProdServerAsync(args)</c>): the server starts before the host is built, the supervisor adopts
/// it, and an invalid configuration kills it so that nothing is left.
/// </summary>
public sealed class EarlyLaunchSpecs
{
    private static (HostApplicationBuilder Builder, CapturingLoggerProvider Logs, BuildWitness Witness) Builder(int port, int threads)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddProdServer(o => o
            .UseWaitress("hello:app", w => w with { Host = "127.0.0.1", Port = port, Threads = threads, Ident = "early-test" })
            .WorkingDirectory("apps")
            .Python(Python.Debian));
        var witness = new BuildWitness($"--port={port}");
        builder.ConfigureContainer(witness);
        return (builder, logs, witness);
    }

    [Fact]
    public async Task The_server_is_already_running_when_the_host_is_built_and_the_supervisor_adopts_it()
    {
        var port = Loopback.FreePort();
        var (builder, logs, witness) = Builder(port, threads: 2);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var run = builder.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/ping", TimeSpan.FromSeconds(30), () => run.IsCompleted);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(witness.ServerRunningAtBuild, "waitress-serve was not running yet when the host was built");
        var pid = logs.StartedPid("web");
        Assert.Equal([pid], witness.Servers); // the supervisor runs the early server: no second one was started
        Assert.Contains("--threads=2", logs.Text, StringComparison.Ordinal); // the early start's own log lines reach the host's log

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(Loopback.IsRunning(pid), "waitress-serve outlived the host");
    }

    [Fact]
    public async Task An_invalid_configuration_found_while_the_server_starts_kills_it_and_leaves_nothing()
    {
        // The early start is declined when its port is taken (the host then names the holder), and the tests running beside
        // this one take free ports too: a port taken between FreePort() and the start is tried again with another.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = Loopback.FreePort();
            var (builder, _, witness) = Builder(port, threads: 0); // binds fine, so it starts early; the validator refuses it
            var error = new StringWriter();

            var code = await builder.RunProdServerAsync(["web"], TextWriter.Null, error).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(ExitCodes.InvalidConfiguration, code);
            Assert.Contains("Process 'web': Threads must be at least 1, got 0. (ProdServer:Processes:web:Args:Threads)", error.ToString(), StringComparison.Ordinal);
            Assert.Empty(BuildWitness.FindServers($"--port={port}"));
            if (witness.ServerRunningAtBuild)
            {
                return;
            }
        }

        Assert.Fail("the server was never started early (its port taken each time?): the test needs it to have been");
    }

    [Fact]
    public async Task A_dry_run_starts_nothing_early()
    {
        var port = Loopback.FreePort();
        var (builder, _, witness) = Builder(port, threads: 2);
        var output = new StringWriter();

        var code = await builder.RunProdServerAsync(["web", "--dry-run"], output, TextWriter.Null).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"--port={port}", output.ToString(), StringComparison.Ordinal);
        Assert.False(witness.ServerRunningAtBuild);
    }

    private static (HostApplicationBuilder Builder, CapturingLoggerProvider Logs) DummyBuilder(Action<ProcessBuilder> configure, params string[] words)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddProdServer(o => configure(TestBackend.Declare(o, "web", TestBackend.Dummy, null, words)));
        return (builder, logs);
    }

    [Fact]
    public async Task A_flood_written_before_logging_is_up_reaches_the_log_whole_with_no_line_lost()
    {
        var (builder, logs) = DummyBuilder(p => p.Restart(RestartPolicy.Never), "lines", "100000");
        // The host is built only once the early server has written everything it can: it exited, or it waits on its pipe.
        var marker = new EarlyChildWitness("lines");
        builder.ConfigureContainer(marker);

        var code = await builder.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null).WaitAsync(TimeSpan.FromSeconds(60));

        var lines = logs.Text.Split('\n');
        Assert.InRange(code, 0, 1); // 1 when it ended within StartSeconds: a failed start, with Restart=Never
        Assert.True(marker.SawEarlyChild, "the test needs the server to have started before the host was built");
        Assert.Equal(100_000, lines.Count(l => l.Contains("ProdServer.Process.web: line ", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_early_start_counts_against_StartRetries_and_a_run_whose_every_start_failed_never_says_Application_started()
    {
        var starts = Path.GetTempFileName();
        try
        {
            var (builder, logs) = DummyBuilder(
                p => p.Restart(RestartPolicy.OnFailure, startRetries: 1).RestartDelay(TimeSpan.FromMilliseconds(50)),
                "--count", starts, "exit", "3");
            var marker = new EarlyChildWitness("exit");
            builder.ConfigureContainer(marker);

            var code = await builder.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.True(marker.SawEarlyChild, "the test needs the early server to have started (and died) before the host was built");
            Assert.Equal(3, code);
            Assert.True(2 == File.ReadAllLines(starts).Length, $"StartRetries=1 allows 2 starts in all, the early one included; started {File.ReadAllLines(starts).Length}:\n{logs.Text}");
            Assert.DoesNotContain("Application started", logs.Text, StringComparison.Ordinal);
            Assert.Contains("gave up after 2 failed starts", logs.Text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(starts);
        }
    }

    /// <summary>
    /// While the host is being built, records whether the run started a server early and waits (at most 10 s) until every
    /// dummy server whose command line holds <paramref name="command"/> has exited or waits on its output pipe, so that
    /// what happens before logging is up is the same on every run.
    /// </summary>
    private sealed class EarlyChildWitness(string command) : IServiceProviderFactory<IServiceCollection>
    {
        public bool SawEarlyChild { get; private set; }

        public IServiceCollection CreateBuilder(IServiceCollection services) => services;

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
        {
            // RunProdServerAsync registers its EarlyLaunch only when it started something.
            SawEarlyChild = containerBuilder.Any(d => d.ServiceType.Name == "EarlyLaunch");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (SawEarlyChild && clock.Elapsed < TimeSpan.FromSeconds(10) && ProcessTree.Children(Environment.ProcessId)
                .Any(pid => CommandLine(pid) is { } line && line.Contains("dummy", StringComparison.Ordinal) && line.Contains(command, StringComparison.Ordinal)
                    && ProcessTable.IsAlive(pid) && !ProcessTable.WaitChannel(pid).Contains("pipe_write", StringComparison.Ordinal)))
            {
                Thread.Sleep(20);
            }

            return containerBuilder.BuildServiceProvider();
        }

        private static string? CommandLine(int pid)
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>Looks, while the host is being built, for a server whose command line holds a marker (its unique port).</summary>
    internal sealed class BuildWitness(string marker) : IServiceProviderFactory<IServiceCollection>
    {
        public bool ServerRunningAtBuild { get; private set; }

        public int[] Servers => FindServers(marker);

        public IServiceCollection CreateBuilder(IServiceCollection services) => services;

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
        {
            // Counting the launcher shell too: it may not have exec'd into waitress-serve yet, but the server is under way.
            ServerRunningAtBuild = Find(marker, includeLauncher: true).Length > 0;
            return containerBuilder.BuildServiceProvider();
        }

        // The server itself, not the watchdog shell around it (whose command line quotes the same arguments), unless
        // includeLauncher: then also a start under way that has not exec'd into waitress-serve yet.
        public static int[] FindServers(string marker, bool includeLauncher = false) => Find(marker, includeLauncher);

        private static int[] Find(string marker, bool includeLauncher) => Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId && (includeLauncher || !ProcessTree.IsWatchdog(pid)) && CommandLine(pid) is { } line
                && line.Contains(marker, StringComparison.Ordinal) && line.Contains("waitress", StringComparison.Ordinal))
            .ToArray();

        private static string? CommandLine(int pid)
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
