using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// A server behind a front proxy, on a Unix socket (Debian's gunicorn): ready when the socket answers, and never started
/// over a socket another server answers on.
/// </summary>
public sealed class UnixSocketServingSpecs : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("psc-uds-").FullName;

    public void Dispose()
    {
        Environment.ExitCode = 0;
        Directory.Delete(_scratch, recursive: true);
    }

    private static Action<ProdServerBuilder> Gunicorn(string bind) => o => o
        .UseGunicorn("hello:app", g => g with { Bind = [bind], Workers = 1 })
        .WorkingDirectory("apps")
        .Python(Python.Debian)
        .Restart(RestartPolicy.OnFailure, startRetries: 0);

    // Polls a condition, bounded: the start's own time, not a fixed sleep.
    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan budget)
    {
        using var timeout = new CancellationTokenSource(budget);
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task<string> GetAsync(string socket)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                using var address = UnixSocketAddress.For(socket)!; // a path of any length
                await client.ConnectAsync(address.EndPoint, token);
                return new NetworkStream(client, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        return await http.GetStringAsync(new Uri("http://localhost/ping"));
    }

    [Fact]
    public async Task A_server_on_a_unix_socket_is_ready_when_the_socket_answers_and_a_second_start_over_it_is_refused()
    {
        var socket = Path.Combine(_scratch, "g.sock");
        var (host, logs) = ServingHost.Build(Gunicorn("unix:" + socket));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await WaitUntilAsync(() => logs.Text.Contains("is ready", StringComparison.Ordinal) || run.IsCompleted, ServingHost.StartBudget);

            // Ready means answering: before, it meant "running for a second", whatever the socket did.
            Assert.Contains($"unix:{socket} accepting connections", logs.Text, StringComparison.Ordinal);
            Assert.Equal("hello from psc GET /ping\n", await GetAsync(socket));

            // A second host of the same app: refused before its server starts, and the first one's socket still serves.
            var (second, secondLogs) = ServingHost.Build(Gunicorn("unix:" + socket));
            using var error = new StringWriter();
            var code = await second.RunProdServerAsync(["web"], TextWriter.Null, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(ExitCodes.InvalidConfiguration, code);
            Assert.Contains($"Process 'web': its Unix socket {socket} is in use: a server already answers on it", secondLogs.Text + error, StringComparison.Ordinal);
            Assert.Equal("hello from psc GET /ping\n", await GetAsync(socket));
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(40));
        }
    }

    [Fact]
    public async Task A_readiness_path_is_asked_over_the_unix_socket_503_is_not_ready_and_200_then_is()
    {
        // Before, Readiness:Path needed a TCP port: a server behind a proxy on a socket could only be called ready when
        // its socket accepted, while the app behind it still answered 503.
        var socket = Path.Combine(_scratch, "r.sock");
        var flag = Path.Combine(_scratch, "ready");
        var (host, logs) = ServingHost.Build(o => o
            .UseGunicorn("ready_flag:app", g => g with { Bind = ["unix:" + socket], Workers = 1, AccessLogfile = "-" })
            .WorkingDirectory("apps")
            .Python(Python.Debian)
            .Environment("READY_FLAG", flag)
            .Readiness("/health", timeout: TimeSpan.FromSeconds(60))
            .Restart(RestartPolicy.OnFailure, startRetries: 0));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            // Asked over the socket (gunicorn's access log says so) and told 503: not ready.
            await WaitUntilAsync(() => logs.Text.Contains("\"GET /health HTTP/1.1\" 503", StringComparison.Ordinal) || run.IsCompleted, ServingHost.StartBudget);
            Assert.False(run.IsCompleted, logs.Text);
            Assert.DoesNotContain("is ready", logs.Text, StringComparison.Ordinal);

            await File.WriteAllTextAsync(flag, "");
            await WaitUntilAsync(() => logs.Text.Contains("is ready", StringComparison.Ordinal) || run.IsCompleted, ServingHost.StartBudget);

            Assert.Contains($"is ready (GET /health on unix:{socket} answers 200-399)", logs.Text, StringComparison.Ordinal);
            Assert.Contains("\"GET /health HTTP/1.1\" 200", logs.Text, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(40));
        }
    }

    [Fact]
    public async Task Gunicorn_with_chdir_is_ready_when_the_socket_it_binds_there_answers()
    {
        // gunicorn changes into --chdir before it binds: a relative socket is there, not in the working directory, where
        // the engine looked for it (and never called the server ready).
        var sub = Directory.CreateDirectory(Path.Combine(_scratch, "sub")).FullName;
        await AssertReadyOnItsRelativeSocketAsync(_scratch, "sub", sub);
    }

    [Fact]
    public async Task A_server_in_a_directory_deeper_than_a_socket_address_holds_is_ready_on_its_relative_socket()
    {
        // gunicorn binds "rel.sock" relative to its directory, which works at any depth; the engine asked the socket by its
        // absolute path, longer than a socket address holds (107 bytes), so it never answered and the start timed out.
        var deep = Directory.CreateDirectory(Path.Combine(_scratch, new string('d', 60), new string('e', 60))).FullName;
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(Path.Combine(deep, "rel.sock")) > UnixSockets.MaxPathBytes);
        await AssertReadyOnItsRelativeSocketAsync(deep, null, deep);
    }

    // gunicorn binding unix:rel.sock from workingDirectory, changing into chdir first when given; the socket (and the app)
    // is then in bindDirectory. Ready, and serving through the socket.
    private async Task AssertReadyOnItsRelativeSocketAsync(string workingDirectory, string? chdir, string bindDirectory)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "apps", "hello.py"), Path.Combine(bindDirectory, "hello.py"));
        var (host, logs) = ServingHost.Build(o => o
            .UseGunicorn("hello:app", g => g with { Bind = ["unix:rel.sock"], Chdir = chdir, Workers = 1 })
            .WorkingDirectory(workingDirectory)
            .Python(Python.Debian)
            .Restart(RestartPolicy.OnFailure, startRetries: 0));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await WaitUntilAsync(() => logs.Text.Contains("is ready", StringComparison.Ordinal) || run.IsCompleted, ServingHost.StartBudget);

            Assert.False(run.IsCompleted, logs.Text);
            Assert.Contains("is ready", logs.Text, StringComparison.Ordinal);
            Assert.Equal("hello from psc GET /ping\n", await GetAsync(Path.Combine(bindDirectory, "rel.sock")));
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(40));
        }
    }

    [Fact]
    public async Task A_server_that_cannot_bind_its_socket_fails_its_start_instead_of_being_called_ready()
    {
        // gunicorn retries a bind it cannot make for about 5 s, which passed StartSeconds: it was "ready" and restarted forever.
        var socket = Path.Combine(_scratch, "no-such-directory", "g.sock");
        var (host, logs) = ServingHost.Build(o => Gunicorn("unix:" + socket)(o));
        // (the process's own builder: no retries, so the one failed start ends the run)

        var code = await host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.NotEqual(0, code);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("is ready", StringComparison.Ordinal));
    }
}
