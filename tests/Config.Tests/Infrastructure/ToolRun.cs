using System;
using System.Collections.Generic;
using System.Diagnostics;
using Xunit;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>Runs a real consumer of what a test wrote (systemd-analyze, docker-compose, supervisord) to its end, within 60 s.</summary>
internal static class ToolRun
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>; its exit code and its output (stdout, then stderr).</summary>
    public static (int Code, string Output) Run(string file, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} did not finish within 60 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
