using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// <c>--env-file</c> with a real FIFO, in a real host process: the secret written once is there at every restart, and a
/// FIFO nobody finishes writing neither hangs the host past its time limit nor stops SIGTERM from ending it.
/// </summary>
public sealed class EnvFileHostSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prodserver-envfile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_secret_from_a_fifo_written_once_is_there_at_every_restart()
    {
        var fifo = MakeFifo();
        var (host, lines) = StartHost(fifo);
        using var stop = new KillOnDispose(host);
        {
            // Like <(printf …): the writer writes once and closes; the host reads it at start.
            await Task.Run(() => File.WriteAllText(fifo, "SECRET=s3cret\n")).WaitAsync(TimeSpan.FromSeconds(30));
            var clock = Stopwatch.StartNew();
            while (lines.Count(l => l.Contains("SECRET=s3cret", StringComparison.Ordinal)) < 3)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "fewer than 3 starts with the secret:\n" + string.Join('\n', lines));
                await Task.Delay(100);
            }

            Assert.DoesNotContain(lines, l => l.Contains("SECRET unset", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SIGTERM_ends_a_host_waiting_for_a_fifo_nobody_finishes()
    {
        var fifo = MakeFifo();
        var (host, lines) = StartHost(fifo);
        using var stop = new KillOnDispose(host);
        {
            // Opening for writing without blocking succeeds only once the host has the FIFO open for reading; this writer
            // then never writes nor closes until the end, so the host's read cannot finish.
            var writer = -1;
            var clock = Stopwatch.StartNew();
            while ((writer = open(fifo, OWriteOnly | ONonBlock)) < 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30) && !host.HasExited, "the host never opened the FIFO:\n" + string.Join('\n', lines));
                await Task.Delay(50);
            }

            try
            {
                Assert.Equal(0, kill(host.Id, 15));
                await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
                Assert.NotEqual(0, host.ExitCode);
            }
            finally
            {
                close(writer);
            }
        }
    }

    [Fact]
    public async Task A_fifo_nobody_writes_fails_the_start_in_one_line_within_the_time_limit()
    {
        var fifo = MakeFifo();
        var (host, lines) = StartHost(fifo);
        using var stop = new KillOnDispose(host);
        {
            await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1, host.ExitCode);
            Assert.Contains(lines, l => l.Contains("not read to its end within 10 s", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        }
    }

    private string MakeFifo()
    {
        var path = Path.Combine(_directory, "secret.env");
        Assert.Equal(0, mkfifo(path, Convert.ToInt32("600", 8)));
        return path;
    }

    private static (Process Host, ConcurrentQueue<string> Lines) StartHost(string envFile)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in new[] { "host", "envfile", "-", envFile })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Logging__Console__FormatterName"] = "simple";
        var lines = new ConcurrentQueue<string>();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, lines);
    }

    private const int OWriteOnly = 1;
    private const int ONonBlock = 0x800; // Linux

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    // The host may be left running by a failed assertion (or restart for ever): it must not outlive the test.
    private sealed class KillOnDispose(Process host) : IDisposable
    {
        public void Dispose()
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            host.Dispose();
        }
    }
}
