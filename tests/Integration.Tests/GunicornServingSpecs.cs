using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The SDK starts Debian's gunicorn 20.1 (with /usr/bin/python3) on a free loopback port.</summary>
public sealed class GunicornServingSpecs : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("psc-gunicorn-").FullName;

    public void Dispose()
    {
        Environment.ExitCode = 0;
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task I_can_serve_a_wsgi_app_with_two_gunicorn_workers_and_stop_it_leaving_no_worker()
    {
        var port = Loopback.FreePort();
        var (host, logs) = ServingHost.Build(o => o
            .UseGunicorn("hello:app", g => g with { Bind = [$"127.0.0.1:{port}"], Workers = 2, GracefulTimeout = 10 })
            .WorkingDirectory("apps")
            .Python(Python.Debian));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/ping", ServingHost.StartBudget, () => run.IsCompleted);
        var body = await response.Content.ReadAsStringAsync();
        var master = logs.StartedPid("web");
        var workers = await WaitForChildrenAsync(master, 2);

        Assert.Equal("hello from psc GET /ping\n", body);
        Assert.Contains("--workers=2", logs.Text);
        Assert.Equal(2, workers.Count);

        await stop.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(40));

        Assert.Equal(0, exitCode);
        Assert.False(Loopback.IsRunning(master), $"the gunicorn master (pid {master}) still runs.\n{logs.Text}");
        Assert.All(workers, w => Assert.False(Loopback.IsRunning(w), $"gunicorn worker {w} still runs after the stop.\n{logs.Text}"));
        Assert.False(Loopback.IsListening(port));
        Assert.Contains($"web#{master} stopped gracefully", logs.Text);
        // A graceful stop is information, worker by worker: gunicorn 20 writes "[WARNING] Worker with pid N was terminated
        // due to signal 15" for those its SIGTERM ended (when it does depends on timing), which later gunicorns log at INFO.
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Warning ProdServer.Process.web: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task I_can_serve_a_django_site_through_gunicorn()
    {
        var port = Loopback.FreePort();
        var (host, logs) = ServingHost.Build(o => o
            .UseGunicorn("djsite.wsgi:application", g => g with { Bind = [$"127.0.0.1:{port}"], Workers = 2, WorkerClass = "gthread", Threads = 2 })
            .WorkingDirectory("apps")
            .Environment("DJANGO_SETTINGS_MODULE", "djsite.settings")
            .Python(Python.Debian));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/page", ServingHost.StartBudget, () => run.IsCompleted);

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Matches(new Regex(@"^django 3\.2\.\d+ over wsgi\n$"), await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await stop.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(40));
            Assert.True(exitCode == 0, $"gunicorn exited {exitCode}.\n{logs.Text}");
        }

        Assert.Contains("Booting worker", logs.Text, StringComparison.Ordinal);
    }

    // GunicornArgs flags that the all-at-once check below leaves unset, besides every flag with a Since (20.1 lacks those).
    private static readonly Dictionary<string, string> NotInTheCheck = new(StringComparer.Ordinal)
    {
        [nameof(GunicornArgs.Daemon)] = "the validator refuses it: a daemon escapes supervision",
        [nameof(GunicornArgs.CheckConfig)] = "the validator refuses it: gunicorn would exit at once (the launcher's --check adds it itself)",
        [nameof(GunicornArgs.PrintConfig)] = "the validator refuses it: gunicorn would print its configuration and exit",
        [nameof(GunicornArgs.Paste)] = "replaces the app target, so it cannot be checked together with one",
        [nameof(GunicornArgs.PasteGlobals)] = "only with Paste",
        [nameof(GunicornArgs.ProxyProtocol)] = "its value form needs gunicorn 24.1.0; 20.1 has only the bare switch",
        [nameof(GunicornArgs.ExtraArgs)] = "not a flag",
    };

    [Fact]
    public async Task Every_flag_gunicorn_20_1_knows_set_at_once_is_accepted_by_gunicorn_check_config()
    {
        var config = Path.Combine(_scratch, "gunicorn.conf.py");
        File.WriteAllText(config, "# typed configuration is the whole truth\n");
        var logConfig = Path.Combine(_scratch, "logging.ini");
        File.WriteAllText(logConfig, string.Join('\n',
            "[loggers]", "keys=root", "[handlers]", "keys=console", "[formatters]", "keys=plain",
            "[logger_root]", "level=INFO", "handlers=console",
            "[handler_console]", "class=StreamHandler", "args=(sys.stderr,)", "formatter=plain",
            "[formatter_plain]", "format=%(message)s", ""));
        var watched = Path.Combine(_scratch, "watched.txt");
        File.WriteAllText(watched, "x");
        var apps = Path.Combine(AppContext.BaseDirectory, "apps");
        var (uid, gid) = (Id("-u"), Id("-g"));

        var args = new GunicornArgs
        {
            Config = config, Bind = [$"127.0.0.1:{Loopback.FreePort()}"], Backlog = 64, Workers = 2, WorkerClass = "sync", Threads = 1,
            WorkerConnections = 100, MaxRequests = 100, MaxRequestsJitter = 10, Timeout = 30, GracefulTimeout = 5, KeepAlive = 2,
            LimitRequestLine = 4094, LimitRequestFields = 100, LimitRequestFieldSize = 8190, Reload = true,
            ReloadEngine = GunicornReloadEngine.Poll, ReloadExtraFiles = [watched], Spew = true,
            Preload = true, Sendfile = false, ReusePort = true, Chdir = apps, Env = ["PSC_CHECK=1"], Pid = Path.Combine(_scratch, "gunicorn.pid"),
            WorkerTmpDir = _scratch, User = uid, Group = gid, Umask = "022", Initgroups = true, ForwardedAllowIps = "127.0.0.1",
            AccessLogfile = "-", DisableRedirectAccessToSyslog = true, AccessLogformat = "%(h)s %(r)s %(s)s", ErrorLogfile = "-",
            LogLevel = GunicornLogLevel.Info, CaptureOutput = true, LoggerClass = "gunicorn.glogging.Logger", LogConfig = logConfig,
            LogSyslogTo = "udp://127.0.0.1:514", LogSyslog = true, LogSyslogPrefix = "psc", LogSyslogFacility = SyslogFacility.Local0,
            EnableStdioInheritance = true, StatsdHost = "127.0.0.1:8125", DogstatsdTags = "env:test", StatsdPrefix = "psc",
            Name = "psc-check", Pythonpath = apps, ProxyAllowFrom = "127.0.0.1", Keyfile = Path.Combine(_scratch, "key.pem"),
            Certfile = Path.Combine(_scratch, "cert.pem"), SslVersion = 2, CertReqs = CertRequirements.None,
            CaCerts = Path.Combine(_scratch, "ca.pem"), SuppressRaggedEofs = true, DoHandshakeOnConnect = true, Ciphers = "HIGH",
            StripHeaderSpaces = true,
        };

        // The check is only as good as its coverage: every 20.1 flag must be set here, or listed above with a reason.
        var unset = GunicornArgs.ServerFlags
            .Where(f => f.Since is null && !NotInTheCheck.ContainsKey(f.Property))
            .Where(f => typeof(GunicornArgs).GetProperty(f.Property)!.GetValue(args) is null)
            .Select(f => f.Property)
            .ToList();
        Assert.True(unset.Count == 0, "flags gunicorn 20.1 knows that the check leaves unset: " + string.Join(", ", unset));

        var (host, logs) = ServingHost.Build(o => o.UseGunicorn("hello:app", _ => args).WorkingDirectory("apps").Python(Python.Debian));
        using var error = new StringWriter();
        // --check runs the server once as a check (gunicorn exits at once by design), outside the restart policy.
        var exitCode = await host.RunProdServerAsync(["web", "--check"], TextWriter.Null, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"gunicorn --check-config exited {exitCode}.\n{error}\n{logs.Text}");

        // gunicorn's --print-config (refused as a setting: it exits at once) on the same command shows what gunicorn
        // understood: 022 with its leading zero is octal 22, i.e. 18.
        var plan = ProdServerPlan.Create(o => o.UseGunicorn("hello:app", _ => args).WorkingDirectory(apps).Python(Python.Debian)).Process("web");
        var print = new ProcessStartInfo(plan.Executable) { WorkingDirectory = plan.WorkingDirectory, RedirectStandardOutput = true };
        foreach (var argument in plan.Arguments.SkipLast(1).Append("--print-config").Append(plan.Arguments[^1]))
        {
            print.ArgumentList.Add(argument);
        }

        using var printing = Process.Start(print)!;
        var printed = await printing.StandardOutput.ReadToEndAsync();
        await printing.WaitForExitAsync();
        Assert.Matches(new Regex(@"umask\s+= 18\b"), printed);
        Assert.Matches(new Regex(@"limit_request_field_size\s+= 8190\b"), printed);
        Assert.Matches(new Regex(@"sendfile\s+= False\b"), printed);
    }

    [Fact]
    public async Task A_flag_gunicorn_20_1_lacks_is_reported_before_launch_with_the_release_it_needs()
    {
        var (host, logs) = ServingHost.Build(o => o
            .UseGunicorn("hello:app", g => g with { Bind = [$"127.0.0.1:{Loopback.FreePort()}"], LogConfigJson = "logging.json" })
            .WorkingDirectory("apps")
            .Python(Python.Debian));
        using var error = new StringWriter();

        var exitCode = await host.RunProdServerAsync(["web"], TextWriter.Null, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "Process 'web': LogConfigJson (--log-config-json) needs gunicorn 21.0.0 or newer, but the installed gunicorn is 20.1.0.",
            error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Starting", logs.Text, StringComparison.Ordinal); // gunicorn itself was never started
    }

    private static async Task<IReadOnlyList<int>> WaitForChildrenAsync(int parent, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var children = ProcessTree.Workers(parent);
            if (children.Count >= count || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                return children;
            }

            await Task.Delay(100);
        }
    }

    private static string Id(string option)
    {
        using var id = Process.Start(new ProcessStartInfo("id", option) { RedirectStandardOutput = true })!;
        var value = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        return value;
    }
}
