using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The readiness path's GET (a plain socket, as Kubernetes' httpGet probe asks) against a real waitress-serve: a
/// redirect is an answer, not followed; a 500 is not ready; a hostile path cannot add a header; every wait is bounded.
/// </summary>
public sealed class HttpProbeSpecs : IAsyncLifetime
{
    private readonly int _port = Loopback.FreePort();
    private Process? _waitress;

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/waitress-serve", ["--host=127.0.0.1", $"--port={_port}", "statuses:app"])
        {
            WorkingDirectory = Python.AppsDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _waitress = Process.Start(start)!;
        var clock = Stopwatch.StartNew();
        while (!Loopback.IsListening(_port))
        {
            if (_waitress.HasExited)
            {
                Assert.Fail("waitress-serve exited: " + await _waitress.StandardError.ReadToEndAsync());
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "waitress-serve did not listen within 30 s");
            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        _waitress?.Kill();
        _waitress?.WaitForExit(10_000);
        _waitress?.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(204, true)]
    [InlineData(302, true)]
    [InlineData(308, true)]
    [InlineData(404, false)]
    [InlineData(500, false)]
    public async Task With_the_default_status_any_2xx_or_3xx_is_ready_and_a_redirect_is_not_followed(int answered, bool ready)
    {
        var status = await HttpProbe.StatusAsync(IPAddress.Loopback, _port, $"/status/{answered}", CancellationToken.None);

        Assert.Equal(answered, status);
        Assert.Equal(ready, HttpProbe.IsReady(status!.Value, ReadinessProbe.DefaultStatus));
    }

    [Fact]
    public async Task A_configured_status_other_than_200_must_be_answered_exactly()
    {
        var status = await HttpProbe.StatusAsync(IPAddress.Loopback, _port, "/status/200", CancellationToken.None);

        Assert.Equal(200, status);
        Assert.False(HttpProbe.IsReady(200, 204));
        Assert.True(HttpProbe.IsReady(await HttpProbe.StatusAsync(IPAddress.Loopback, _port, "/status/401", CancellationToken.None) ?? 0, 401));
    }

    [Theory]
    [InlineData("/hostile\r\nX-Injected: 1")]
    [InlineData("/hostile HTTP/1.0\r\nX-Injected: 1\r\n\r\nGET /")]
    [InlineData("/hostile/é\u2028\0")]
    public async Task A_path_with_line_breaks_spaces_or_other_bytes_is_percent_encoded_and_adds_no_header(string path)
    {
        Assert.Equal(200, await HttpProbe.StatusAsync(IPAddress.Loopback, _port, path, CancellationToken.None));
    }

    [Fact]
    public async Task A_port_that_accepts_but_never_answers_is_not_ready_after_the_probe_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // the kernel completes the connection from its backlog; nobody ever answers
        var clock = Stopwatch.StartNew();

        var status = await HttpProbe.StatusAsync(IPAddress.Loopback, ((IPEndPoint)silent.LocalEndpoint).Port, "/health", CancellationToken.None);

        Assert.Null(status);
        Assert.InRange(clock.Elapsed, HttpProbe.Timeout - TimeSpan.FromMilliseconds(100), HttpProbe.Timeout + TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task An_answer_without_a_status_line_within_its_size_limit_is_not_ready()
    {
        using var endless = new TcpListener(IPAddress.Loopback, 0);
        endless.Start();
        var serve = Task.Run(async () =>
        {
            using var client = await endless.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var junk = new byte[HttpProbe.MaxStatusLineBytes];
            Array.Fill(junk, (byte)'A');
            try
            {
                // A status line that starts well but has no line break within the limit: the probe stops reading at
                // the limit and hangs up, without taking the 200.
                await stream.WriteAsync("HTTP/1.1 200 "u8.ToArray());
                for (var i = 0; i < 64; i++)
                {
                    await stream.WriteAsync(junk);
                }
            }
            catch (IOException)
            {
            }
        });

        var status = await HttpProbe.StatusAsync(IPAddress.Loopback, ((IPEndPoint)endless.LocalEndpoint).Port, "/health", CancellationToken.None);

        Assert.Null(status);
        await serve.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
