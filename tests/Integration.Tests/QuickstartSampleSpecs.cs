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

    // `dotnet quickstart.dll web` on its own port, its output redirected, the console log one line per entry.
    private static ProcessStartInfo SampleWeb(int port)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(SampleDll);
        info.ArgumentList.Add("web");
        info.Environment["ProdServer__Processes__web__Args__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Logging__Console__FormatterName"] = "simple";
        return info;
    }

    [Fact]
    public async Task The_quickstart_sample_serves_its_django_page_and_SIGTERM_stops_host_and_server()
    {
        var port = Loopback.FreePort();
        var info = SampleWeb(port);
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

    // The sample's launcher (ProdServerHost.RunAsync) piped to "head -1": it keeps serving, says once that its standard
    // output is closed, and when SIGTERM stops it, how many log lines could not be written (waitress's stop lines among them).
    [Fact]
    public async Task The_quickstart_sample_piped_to_head_keeps_serving_and_says_its_standard_output_is_closed()
    {
        var port = Loopback.FreePort();
        var info = SampleWeb(port);
        var errors = new ConcurrentQueue<string>();
        using var host = Process.Start(info)!;
        host.ErrorDataReceived += (_, e) => { if (e.Data is not null) errors.Enqueue(e.Data); };
        host.BeginErrorReadLine();
        try
        {
            Assert.NotNull(await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))); // head -1
            host.StandardOutput.Close();

            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/", TimeSpan.FromSeconds(60), () => host.HasExited);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

            // waitress logs no request: the lines that find the reader gone may be the stop's own.
            Posix.Terminate(host.Id);
            await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(0, host.ExitCode);
            var said = errors.ToArray();
            Assert.True(said.Length == 2, string.Join('\n', said));
            Assert.StartsWith("Standard output is closed (its reader is gone): log lines are no longer written to it; ", said[0], StringComparison.Ordinal);
            Assert.Matches(@"^Standard output was closed: [0-9]+ log lines could not be written to it\.$", said[1]);
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
