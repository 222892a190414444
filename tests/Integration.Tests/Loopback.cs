using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config.Integration.Tests;

/// <summary>Free ports and bounded HTTP polling on 127.0.0.1 only.</summary>
internal static class Loopback
{
    // Ports for servers come from below the kernel's ephemeral range (net.ipv4.ip_local_port_range), never from it: there,
    // between this call and the server's bind, any test's outgoing connection may take the same number as its source port,
    // or a bind to port 0 hand it out, and a port check that finds it busy then declines an early start (RunBeforeHostSpecs
    // failed once so in CI). Each call in this process takes the next lower number, from a random start so that two test
    // processes seldom meet, and only one that nothing is bound to now.
    private static int s_next = EphemeralRangeStart() - Random.Shared.Next(0, 8000);

    /// <summary>A loopback port nothing is bound to, below the ephemeral range, not handed out before in this process.</summary>
    public static int FreePort()
    {
        while (true)
        {
            var port = Interlocked.Decrement(ref s_next);
            if (port < 1024)
            {
                throw new InvalidOperationException("No free port is left below the ephemeral range.");
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use (another test process, a service of the machine): the next one.
            }
        }
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32768; // Linux's default
        }
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
