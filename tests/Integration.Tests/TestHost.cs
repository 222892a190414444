using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>A Generic Host declared as a user's Program.cs does, with every log line captured, plus a bounded wait on the log.</summary>
internal static class TestHost
{
    public static (IHost Host, CapturingLoggerProvider Logs) Build(Action<ProdServerBuilder> configure, string? appSettings = null)
    {
        // No default configuration sources: the output directory holds the Quickstart sample's appsettings.json (it declares a
        // "web" process), which must not leak into these hosts.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        if (appSettings is not null)
        {
            // Read as the user's appsettings.json would be, after the code: configuration wins over code.
            builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(appSettings)));
        }

        builder.Services.AddProdServer(configure);
        return (builder.Build(), logs);
    }

    /// <summary>Asks the running host's control surface, as the control socket would, and returns its reply.</summary>
    public static async Task<ControlResponse> ControlAsync(IHost host, string command, params string[] names)
    {
        var control = host.Services.GetServices<IHostedService>().OfType<ProdServerHostedService>().Single();
        ControlResponse? reply = null;
        await control.HandleAsync(new ControlRequest { V = 1, Command = command, Names = [.. names] }, r => { reply = r; return Task.CompletedTask; }, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));
        return reply ?? throw new InvalidOperationException($"'{command}' got no reply");
    }

    /// <summary>Waits until the log holds <paramref name="text"/>, failing with the whole log after <paramref name="timeout"/> or when <paramref name="run"/> ends.</summary>
    public static async Task WaitForLogAsync(CapturingLoggerProvider logs, string text, TimeSpan timeout, Task run)
    {
        var clock = Stopwatch.StartNew();
        while (!logs.Text.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(run.IsCompleted, $"the host ended before '{text}' was logged:\n{logs.Text}");
            Assert.True(clock.Elapsed < timeout, $"'{text}' was not logged within {timeout}:\n{logs.Text}");
            await Task.Delay(100);
        }
    }

    /// <summary>Runs a helper Python script to completion (bounded) and returns its exit code and output.</summary>
    public static async Task<(int Code, string Output)> RunScriptAsync(
        string workingDirectory, System.Collections.Generic.IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(Python.Debian)
        {
            WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["PYTHONUNBUFFERED"] = "1";
        foreach (var (name, value) in environment ?? new System.Collections.Generic.Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
