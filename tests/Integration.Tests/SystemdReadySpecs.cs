using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The sample under a stand-in systemd: READY=1 arrives on NOTIFY_SOCKET only once the page is served.</summary>
public sealed class SystemdReadySpecs
{
    [Fact]
    public async Task The_app_notifies_READY_once_the_server_answers_and_STOPPING_when_it_stops()
    {
        var socketPath = Path.Combine(Path.GetTempPath(), $"psc-notify-{Guid.NewGuid():N}.sock");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(socketPath));
        var port = Loopback.FreePort();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(QuickstartSampleSpecs.SampleDll);
        info.ArgumentList.Add("web");
        info.Environment["ProdServer__Processes__web__Args__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["NOTIFY_SOCKET"] = socketPath;
        using var app = Process.Start(info)!;
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            var ready = await ReceiveAsync(systemd);
            Assert.Equal("READY=1", ready);
            // Ready means serving: the page answers at once, without waiting.
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await client.GetAsync($"http://127.0.0.1:{port}/");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

            Posix.Terminate(app.Id);
            Assert.Equal("STOPPING=1", await ReceiveAsync(systemd));
            await app.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, app.ExitCode);
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }

            File.Delete(socketPath);
        }
    }

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[256];
        var length = await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
