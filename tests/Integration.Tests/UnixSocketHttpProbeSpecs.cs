using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The readiness path's GET over a Unix socket (a server behind a front proxy), against a real waitress-serve on one: the
/// status as answered, a hostile path adds no header, and every wait is bounded.
/// </summary>
public sealed class UnixSocketHttpProbeSpecs : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("psc-probe-").FullName;
    private Process? _waitress;

    private string Socket => Path.Combine(_scratch, "w.sock");

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/waitress-serve", [$"--unix-socket={Socket}", "statuses:app"])
        {
            WorkingDirectory = Python.AppsDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _waitress = Process.Start(start)!;
        var clock = Stopwatch.StartNew();
        while (!UnixSockets.Answers(Socket))
        {
            if (_waitress.HasExited)
            {
                Assert.Fail("waitress-serve exited: " + await _waitress.StandardError.ReadToEndAsync());
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "waitress-serve did not answer on its socket within 30 s");
            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        _waitress?.Kill();
        _waitress?.WaitForExit(10_000);
        _waitress?.Dispose();
        Directory.Delete(_scratch, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(302, true)]
    [InlineData(503, false)]
    public async Task The_status_is_the_one_answered_over_the_socket(int answered, bool ready)
    {
        var status = await HttpProbe.StatusAsync(Socket, $"/status/{answered}", CancellationToken.None);

        Assert.Equal(answered, status);
        Assert.Equal(ready, HttpProbe.IsReady(status!.Value, ReadinessProbe.DefaultStatus));
    }

    [Fact]
    public async Task A_socket_path_longer_than_a_socket_address_holds_is_asked_through_its_directory()
    {
        // Before, such a path answered null at once ("nothing can answer there"), though a server binds it relatively.
        var deep = Directory.CreateDirectory(Path.Combine(_scratch, new string('d', 60), new string('e', 60))).FullName;
        var link = Path.Combine(deep, "w.sock");
        File.CreateSymbolicLink(link, Socket);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(link) > UnixSockets.MaxPathBytes);

        Assert.Equal(200, await HttpProbe.StatusAsync(link, "/status/200", CancellationToken.None));
        Assert.Null(await HttpProbe.StatusAsync(Path.Combine(deep, "none", "w.sock"), "/status/200", CancellationToken.None));
    }

    [Theory]
    [InlineData("/hostile\r\nX-Injected: 1")]
    [InlineData("/hostile HTTP/1.0\r\nX-Injected: 1\r\n\r\nGET /")]
    public async Task A_path_with_line_breaks_is_percent_encoded_and_adds_no_header(string path)
    {
        Assert.Equal(200, await HttpProbe.StatusAsync(Socket, path, CancellationToken.None));
    }

    [Fact]
    public async Task A_socket_that_accepts_but_never_answers_is_not_ready_after_the_probe_timeout()
    {
        var silentPath = Path.Combine(_scratch, "silent.sock");
        using var silent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        silent.Bind(new UnixDomainSocketEndPoint(silentPath));
        silent.Listen(); // the kernel completes the connection from its backlog; nobody ever answers
        var clock = Stopwatch.StartNew();

        var status = await HttpProbe.StatusAsync(silentPath, "/health", CancellationToken.None);

        Assert.Null(status);
        Assert.InRange(clock.Elapsed, HttpProbe.Timeout - TimeSpan.FromMilliseconds(100), HttpProbe.Timeout + TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task No_socket_or_a_path_longer_than_a_socket_address_is_not_ready_at_once()
    {
        var clock = Stopwatch.StartNew();

        Assert.Null(await HttpProbe.StatusAsync(Path.Combine(_scratch, "none.sock"), "/health", CancellationToken.None));
        Assert.Null(await HttpProbe.StatusAsync("/" + new string('x', 200), "/health", CancellationToken.None));
        Assert.True(clock.Elapsed < HttpProbe.Timeout, $"took {clock.Elapsed}");
    }
}
