using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The launcher's memory while a server writes without newlines, measured from inside the host process (its peak RSS,
/// <c>VmHWM</c>), with the host's real console logger, and every byte counted at the other end.
/// </summary>
public sealed class LogBoundsSpecs(ITestOutputHelper output)
{
    private const long MiB = 1024 * 1024;

    /// <summary>Runs this assembly's host program with the dummy server; returns its exit code, peak RSS and the 'x' bytes it logged.</summary>
    private static async Task<(int Code, long PeakBytes, long LoggedX, string Errors)> RunHostAsync(params string[] words)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "host", "dummy", "-" }.Concat(words))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["PRODSERVER_TEST_PEAK"] = "1";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        // The console logger's own queue (2500 messages by default, up to ~150 MB of 16 KiB pieces when the reader is
        // slower than the server; docs/operations.md#logs) is its setting, not the engine's: kept small here so that what
        // is measured is the launcher's own bound.
        info.Environment["Logging__Console__MaxQueueLength"] = "100";
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        // Streamed, never kept: the pieces of the long line are indented message lines made of 'x' only.
        var logged = Task.Run(async () =>
        {
            long count = 0;
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                var text = line.AsSpan().Trim();
                if (text.Length > 0 && !text.ContainsAnyExcept('x'))
                {
                    count += text.Length;
                }
            }

            return count;
        });
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var stderr = await errors;
        var peak = stderr.Split('\n').Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = long.Parse(peak["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        return (process.ExitCode, kilobytes * 1024, await logged, stderr);
    }

    [Fact]
    public async Task A_server_writing_hundreds_of_MB_without_a_newline_leaves_the_launcher_memory_bounded_and_every_byte_reaches_the_log()
    {
        var baseline = await RunHostAsync("lines", "10");
        var flood = await RunHostAsync("blob", "100");
        var larger = await RunHostAsync("blob", "300");

        output.WriteLine($"exit codes {baseline.Code}, {flood.Code}, {larger.Code}; peak RSS: {baseline.PeakBytes / MiB} MiB for 10 short lines, "
            + $"{flood.PeakBytes / MiB} MiB for 100 MiB in one line, {larger.PeakBytes / MiB} MiB for 300 MiB; logged {flood.LoggedX} and {larger.LoggedX} bytes");
        // No exit code asserted: a run may end within StartSeconds, a failed start (1) with Restart=Never.
        Assert.Equal(100 * MiB, flood.LoggedX);
        Assert.Equal(300 * MiB, larger.LoggedX);
        // Bounded, not proportional: three times the output, the same memory: the buffer (2 MiB), the pipe and the pieces
        // in flight.
        Assert.True(larger.PeakBytes - flood.PeakBytes < 24 * MiB, $"the launcher grew by {(larger.PeakBytes - flood.PeakBytes) / MiB} MiB more for 200 MiB more output");
        Assert.True(larger.PeakBytes - baseline.PeakBytes < 64 * MiB,
            $"the launcher grew by {(larger.PeakBytes - baseline.PeakBytes) / MiB} MiB for 300 MiB of output without a newline");
    }
}
