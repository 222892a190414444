using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Only a launcher gives back its start-up memory: the entry points ask for the trim once their server is ready; a host
/// that runs ProdServer among its own work is never paused by a forced collection. A real waitress serves the fixture's
/// Django project. Alone in their collection, so that no other test's run asks for a trim meanwhile.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class WorkingSetOptInSpecs
{
    private const string Python = "/usr/bin/python3";

    private static readonly string Site = Path.Combine(Repository.Root, "tests", "Config.Tests", "Fixtures", "prodserver_site");

    [Fact]
    public async Task The_launcher_entry_point_gives_back_its_start_up_memory_once_the_server_is_ready()
    {
        var before = WorkingSet.Requested;
        var builder = Builder(FreePort());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var run = builder.RunProdServerAsync(["web"], output, error, stop.Token);

        var asked = await WaitAsync(() => WorkingSet.Requested > before || run.IsCompleted, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        var code = await run;
        Environment.ExitCode = 0;

        Assert.True(asked && WorkingSet.Requested > before, $"no trim asked for; exit {code}: {error}");
    }

    [Fact]
    public async Task A_host_that_runs_prodserver_among_its_own_work_is_never_trimmed()
    {
        var before = WorkingSet.Requested;
        var port = FreePort();
        using var host = Builder(port).Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // The host's start completes once every process is ready: where the entry point asks for its trim.
        await host.StartAsync(timeout.Token);
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token); // waitress serves
        }

        var after = WorkingSet.Requested;
        await host.StopAsync(timeout.Token);

        Assert.Equal(before, after);
    }

    private static HostApplicationBuilder Builder(int port)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = ["web"], ContentRootPath = Site });
        builder.Logging.ClearProviders();
        builder.Services.AddProdServer(o => o
            .UseWaitress("prodsite.wsgi:application", w => w with { Host = "127.0.0.1", Port = port })
            .Python(Python));
        return builder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
