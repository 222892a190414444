using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace ProdServer.Config.Integration.Tests;

/// <summary>Free ports and bounded HTTP polling on 127.0.0.1 only.</summary>
internal static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>GETs the URL until it answers, for at most <paramref name="timeout"/>.</summary>
    public static async Task<HttpResponseMessage> WaitForResponseAsync(HttpClient client, string url, TimeSpan timeout, Func<bool>? giveUp = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await client.GetAsync(url);
            }
            catch (HttpRequestException) when (clock.Elapsed < timeout && giveUp?.Invoke() != true)
            {
                await Task.Delay(100);
            }
        }
    }

    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
