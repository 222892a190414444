using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The Quickstart sample run with <c>--all</c> as its own process, in a directory of its own whose appsettings.json adds
/// a second process: <c>admin</c>, gunicorn serving the same Django site with an access log on stdout. The control
/// socket is in that directory (0700); <see cref="ClientAsync"/> runs the sample's client commands against it.
/// </summary>
public sealed class ControlledSample : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Lazy<string> _sampleForOthers = new(() => OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException("another user: setpriv") : CopySampleForOthers());
    private Process? _host;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("prodserver-control-").FullName;

    public int WebPort { get; } = Loopback.FreePort();

    public int AdminPort { get; } = Loopback.FreePort();

    public string Socket => Path.Combine(Directory, "control.sock");

    public string AppSettings => Path.Combine(Directory, "appsettings.json");

    public string Output => string.Join('\n', _output);

    public Process Host => _host!;

    /// <summary>The appsettings.json the host starts with; a test may write another one and reload.</summary>
    public string Settings(int webThreads = 4, string adminIdent = "admin", string? extra = null) => $$"""
        {
          "Logging": { "Console": { "FormatterName": "simple" } },
          "ProdServer": {
            "Control": { "Socket": "{{Socket}}" },
            "Processes": {
              "web": {
                "Environment": { "DJANGO_SETTINGS_MODULE": "mysite.settings" },
                "Args": { "Port": {{WebPort}}, "Threads": {{webThreads}} }
              },
              "admin": {
                "Backend": "Gunicorn",
                "App": "mysite.wsgi:application",
                "WorkingDirectory": "{{SampleApp}}",
                "Environment": { "DJANGO_SETTINGS_MODULE": "mysite.settings" },
                "StopTimeout": "00:00:05",
                "Args": { "Bind": [ "127.0.0.1:{{AdminPort}}" ], "Workers": 1, "AccessLogfile": "-", "Name": "{{adminIdent}}" }
              }{{extra}}
            }
          }
        }
        """;

    private static string SampleApp => Path.Combine(Path.GetDirectoryName(QuickstartSampleSpecs.SampleDll)!, "app");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(AppSettings, Settings());
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Directory };
        info.ArgumentList.Add(QuickstartSampleSpecs.SampleDll);
        info.ArgumentList.Add("--all");
        _host = Process.Start(info)!;
        _host.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _host.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();
        await WaitForStatusAsync(s => s.Count == 2 && s.All(p => p.Ready), "both processes ready");
    }

    public async Task DisposeAsync()
    {
        if (_host is { HasExited: false })
        {
            Posix.Terminate(_host.Id);
            if (!_host.WaitForExit(20_000))
            {
                _host.Kill(entireProcessTree: true);
            }
        }

        _host?.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
        if (_sampleForOthers.IsValueCreated)
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(_sampleForOthers.Value)!, recursive: true);
        }
    }

    // The sample's build, copied where any user can read it: another user cannot reach the one in the checkout when the
    // checkout itself is private (a clone in `mktemp -d`, mode 0700).
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string CopySampleForOthers()
    {
        const UnixFileMode Directories = (UnixFileMode)0b111_101_101; // 0755
        const UnixFileMode Files = (UnixFileMode)0b110_100_100; // 0644
        var source = Path.GetDirectoryName(QuickstartSampleSpecs.SampleDll)!;
        var copy = System.IO.Directory.CreateTempSubdirectory("prodserver-sample-for-others-").FullName;
        File.SetUnixFileMode(copy, Directories);
        foreach (var directory in System.IO.Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            System.IO.Directory.CreateDirectory(Path.Combine(copy, Path.GetRelativePath(source, directory)), Directories);
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, Files);
        }

        return Path.Combine(copy, Path.GetFileName(QuickstartSampleSpecs.SampleDll));
    }

    /// <summary>Runs <c>quickstart.dll ARGS</c> in the sample's directory (as <paramref name="user"/> with setpriv when given).</summary>
    public async Task<(int Code, string Out, string Err)> ClientAsync(IEnumerable<string> args, string? user = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(user is null ? "dotnet" : "setpriv")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? Directory,
        };
        if (user is not null)
        {
            foreach (var word in new[] { $"--reuid={user}", "--regid=nogroup", "--clear-groups", "dotnet" })
            {
                info.ArgumentList.Add(word);
            }

            info.Environment["DOTNET_CLI_HOME"] = "/tmp";
            info.Environment["HOME"] = "/tmp";
        }

        info.ArgumentList.Add(user is null ? QuickstartSampleSpecs.SampleDll : _sampleForOthers.Value);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var client = Process.Start(info)!;
        var stdout = client.StandardOutput.ReadToEndAsync();
        var stderr = client.StandardError.ReadToEndAsync();
        await client.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (client.ExitCode, await stdout, await stderr);
    }

    public Task<(int Code, string Out, string Err)> ClientAsync(params string[] args) => ClientAsync((IEnumerable<string>)args);

    /// <summary>Starts <c>quickstart.dll ARGS</c> and leaves it running (<c>tail -f</c>); its stdout lines go to <paramref name="lines"/>.</summary>
    public Process StartClient(ConcurrentQueue<string> lines, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Directory };
        info.ArgumentList.Add(QuickstartSampleSpecs.SampleDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var client = Process.Start(info)!;
        client.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        client.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue("stderr: " + e.Data); };
        client.BeginOutputReadLine();
        client.BeginErrorReadLine();
        return client;
    }

    /// <summary>Every process's status, from <c>status --json</c>.</summary>
    public async Task<List<ProcessRow>> StatusAsync()
    {
        var (code, stdout, stderr) = await ClientAsync("status", "--json");
        Assert.True(code == 0, $"status exited {code}: {stderr}\n{Output}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return new ProcessRow(
                root.GetProperty("name").GetString()!,
                root.GetProperty("state").GetString()!,
                root.GetProperty("ready").GetBoolean(),
                root.TryGetProperty("pid", out var pid) ? pid.GetInt32() : null,
                root.GetProperty("restarts").GetInt32(),
                root.TryGetProperty("commandLine", out var command) ? command.GetString() : null,
                root.TryGetProperty("lastExitCode", out var exit) ? exit.GetInt32() : null);
        }).ToList();
    }

    public async Task<List<ProcessRow>> WaitForStatusAsync(Func<List<ProcessRow>, bool> condition, string what, double seconds = 90)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_host!.HasExited)
            {
                Assert.Fail($"the host exited ({_host.ExitCode}) while waiting for {what}:\n{Output}");
            }

            if (File.Exists(Socket))
            {
                var status = await StatusAsync();
                if (condition(status))
                {
                    return status;
                }
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), $"{what} did not happen within {seconds} s:\n{Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits until the host has written a line containing <paramref name="text"/>, and returns that line.</summary>
    public async Task<string> WaitForOutputAsync(string text, double seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_output.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), $"no line with '{text}' within {seconds} s:\n{Output}");
            await Task.Delay(100);
        }
    }

    public async Task<int> PidOfAsync(string name) => (await StatusAsync()).Single(p => p.Name == name).Pid!.Value;

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One row of <c>status --json</c>.</summary>
public sealed record ProcessRow(string Name, string State, bool Ready, int? Pid, int Restarts, string? CommandLine, int? LastExitCode = null);
