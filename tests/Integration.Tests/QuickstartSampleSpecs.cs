using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The sample run as a user runs it: its own process, a real Django page, stopped with SIGTERM.</summary>
public sealed class QuickstartSampleSpecs
{
    // tests/Integration.Tests/bin/<Configuration>/net10.0/ → samples/Quickstart/bin/<Configuration>/net10.0/quickstart.dll
    internal static string SampleDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = testBin.Parent!.Name;
            var root = testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(root, "samples", "Quickstart", "bin", configuration, testBin.Name, "quickstart.dll");
        }
    }

    [Fact]
    public async Task The_quickstart_sample_serves_its_django_page_and_SIGTERM_stops_host_and_server()
    {
        var port = Loopback.FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(SampleDll);
        info.ArgumentList.Add("web");
        info.Environment["ProdServer__Processes__web__Args__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Logging__Console__FormatterName"] = "simple";
        var output = new ConcurrentQueue<string>();
        using var host = Process.Start(info)!;
        host.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        host.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/", TimeSpan.FromSeconds(60), () => host.HasExited);
            var page = await response.Content.ReadAsStringAsync();

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Hello from Django, served by Waitress through ProdServer.Config", page);
            Assert.Equal("quickstart", response.Headers.Server.ToString());

            // Spawn first: the page can answer before the host's logging is up and replays the early lines, so wait for it.
            var clock = Stopwatch.StartNew();
            string? started;
            while ((started = output.FirstOrDefault(l => l.Contains("web#", StringComparison.Ordinal) && l.EndsWith(" started", StringComparison.Ordinal))) is null)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "no 'web#<pid> started' line:\n" + string.Join('\n', output));
                await Task.Delay(50);
            }

            var pid = int.Parse(started[(started.IndexOf('#') + 1)..started.LastIndexOf(' ')], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Loopback.IsRunning(pid));

            Posix.Terminate(host.Id);
            await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(0, host.ExitCode);
            Assert.False(Loopback.IsRunning(pid), "waitress-serve outlived the host:\n" + string.Join('\n', output));
            Assert.False(Loopback.IsListening(port));
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }
        }
    }
}
