using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// Serves the test Django site's ASGI application (<c>apps/djsite</c>) through one ASGI backend with Debian's Python, checks
/// its page, stops the host and checks the server exited 0 with nothing left running or listening.
/// </summary>
internal static class DjangoAsgiServing
{
    /// <summary>Runs the whole round and returns the host's log.</summary>
    /// <param name="server">The server's name, for the messages.</param>
    /// <param name="port">The port the declared process listens on.</param>
    /// <param name="declare">Declares the <c>web</c> process with the backend (<c>o =&gt; o.UseDaphne(...)</c>).</param>
    /// <returns>The log text.</returns>
    public static async Task<string> ServePageAndStopAsync(string server, int port, Func<ProdServerBuilder, ProcessBuilder> declare)
    {
        var (host, logs) = ServingHost.Build(o => declare(o)
            .WorkingDirectory("apps")
            .Environment("DJANGO_SETTINGS_MODULE", "djsite.settings")
            .Python(Python.Debian));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        int pid;
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/page", ServingHost.StartBudget, () => run.IsCompleted);
            pid = logs.StartedPid("web");

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Matches(new System.Text.RegularExpressions.Regex(@"^django 3\.2\.\d+ over asgi\n$"), await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await stop.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, $"{server} exited {exitCode}.\n{logs.Text}");
        }

        Assert.False(Loopback.IsRunning(pid), $"{server} (pid {pid}) still runs after the stop.\n{logs.Text}");
        Assert.False(Loopback.IsListening(port));
        return logs.Text;
    }
}
