using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace ProdServer.Config.Package.Tests.Infrastructure;

/// <summary>Runs the real dotnet CLI (or a built app) with a time limit, capturing everything it writes.</summary>
internal static class Dotnet
{
    public static (int ExitCode, string Output) Run(
        ITestOutputHelper? log, string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunProgram(log, directory, timeout, environment,
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", arguments);

    /// <summary>As <see cref="Run"/>, for another program (a published app's own executable), in the same environment.</summary>
    public static (int ExitCode, string Output) RunProgram(
        ITestOutputHelper? log, string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No build servers left behind (the test stops everything it starts), no telemetry, English messages.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var text = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (text) { text.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (text) { text.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}:\n{text}");
        }

        process.WaitForExit();
        string result;
        lock (text)
        {
            result = text.ToString();
        }

        log?.WriteLine($"$ (in {directory}) {program} {string.Join(' ', arguments)} (exit {process.ExitCode})\n{result}");
        return (process.ExitCode, result);
    }
}
