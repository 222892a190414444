using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The exported deployment files, checked by the real tools: systemd-analyze and supervisord.</summary>
public sealed class ExportSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("psc-export-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private async Task<string> ExportSampleAsync(string target)
    {
        var output = Path.Combine(_directory, target);
        var (code, text) = await RunAsync("dotnet", QuickstartSampleSpecs.SampleDll, "export", target, "--out", output);
        Assert.True(code == 0, text);
        return output;
    }

    [Fact]
    public async Task The_exported_systemd_units_pass_systemd_analyze_verify()
    {
        var output = await ExportSampleAsync("systemd");
        var units = Directory.GetFiles(output).Order().ToArray();

        Assert.Equal(["quickstart-web.service", "quickstart.target"], units.Select(Path.GetFileName));
        var service = File.ReadAllText(units[0]);
        // Run as `dotnet quickstart.dll`, the exported command is the same: the shared host and the app's assembly.
        Assert.Contains($" {QuickstartSampleSpecs.SampleDll} web\n", service);
        Assert.Matches("(?m)^ExecStart=/\\S*dotnet ", service);
        Assert.Contains("TimeoutStopSec=15", service); // our 10 s stop timeout + margin: systemd never kills first

        var (code, text) = await RunAsync("systemd-analyze", ["verify", .. units]);

        Assert.True(code == 0 && text.Trim().Length == 0, $"systemd-analyze verify said (exit {code}):\n{text}");
    }

    [Fact]
    public async Task Units_of_dependent_processes_pass_systemd_analyze_verify_too()
    {
        var api = new ProcessDefinition("api", ServerBackends.Waitress) { App = "a:b", Args = new WaitressArgs { Port = 8001 } };
        var web = new ProcessDefinition("web", ServerBackends.Gunicorn) { App = "a:b" };
        web.DependsOn.Add("api");
        var units = new List<string>();
        foreach (var file in Exporter.Export(ExportTarget.Systemd, new Deployment("shop", ["/bin/true"], "/tmp", [web, api])))
        {
            var path = Path.Combine(_directory, file.Name);
            File.WriteAllText(path, file.Content);
            units.Add(path);
        }

        var (code, text) = await RunAsync("systemd-analyze", ["verify", .. units]);

        Assert.Contains("Requires=shop-api.service", File.ReadAllText(Path.Combine(_directory, "shop-web.service")), StringComparison.Ordinal);
        Assert.True(code == 0 && text.Trim().Length == 0, $"systemd-analyze verify said (exit {code}):\n{text}");
    }

    [Fact]
    public async Task A_real_supervisord_runs_the_exported_program_serves_the_page_and_stops_cleanly()
    {
        var output = await ExportSampleAsync("supervisord");
        var port = Loopback.FreePort();
        // The one change to the exported file: a free port instead of the sample's 8000, through the usual override.
        var program = Path.Combine(output, "quickstart.conf");
        File.WriteAllText(program, File.ReadAllText(program).Replace(
            "environment=DOTNET_ENVIRONMENT=\"Production\"",
            $"environment=DOTNET_ENVIRONMENT=\"Production\",ProdServer__Processes__web__Args__Port=\"{port}\""));
        var conf = Path.Combine(output, "supervisord.conf");
        File.WriteAllText(conf, $"""
            [supervisord]
            nodaemon=true
            logfile={output}/supervisord.log
            pidfile={output}/supervisord.pid
            childlogdir={output}

            [unix_http_server]
            file={output}/supervisor.sock

            [rpcinterface:supervisor]
            supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

            [include]
            files = {program}
            """);

        var info = new ProcessStartInfo("/usr/bin/supervisord") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(conf);
        using var supervisord = Process.Start(info)!;
        supervisord.BeginOutputReadLine();
        supervisord.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await Loopback.WaitForResponseAsync(client, $"http://127.0.0.1:{port}/", TimeSpan.FromSeconds(60), () => supervisord.HasExited);

            Assert.Contains("Hello from Django", await response.Content.ReadAsStringAsync());

            var waitress = Process.GetProcesses()
                .Where(p => Loopback.IsRunning(p.Id) && CommandLine(p.Id).Contains($"--port={port}") && !ProcessTree.IsWatchdog(p.Id))
                .Select(p => p.Id)
                .ToArray();
            Assert.Single(waitress);

            // supervisord's own shutdown: TERM to the program (our host), which stops waitress, then supervisord exits.
            Posix.Terminate(supervisord.Id);
            await supervisord.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, supervisord.ExitCode);
            Assert.False(Loopback.IsRunning(waitress[0]), "waitress outlived supervisord's shutdown");
            Assert.False(Loopback.IsListening(port));
            var log = File.ReadAllText(Path.Combine(output, "supervisord.log"));
            // The server leads its own process group, so supervisord's group signal reaches only the host, which stops
            // waitress itself and exits 0.
            Assert.True(log.Contains("stopped: quickstart-web (exit status 0)", StringComparison.Ordinal), log);
        }
        finally
        {
            if (!supervisord.HasExited)
            {
                supervisord.Kill(entireProcessTree: true);
            }
        }
    }
}
