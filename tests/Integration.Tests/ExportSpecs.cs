using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The exported deployment files, checked by the real tools: <c>systemd-analyze verify</c> and <c>security</c>,
/// supervisord, <c>docker-compose config</c>.
/// </summary>
public sealed class ExportSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("psc-export-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Task<(int Code, string Output)> RunAsync(string file, params string[] args) => RunAsync(new Dictionary<string, string>(), file, args);

    private static async Task<(int Code, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

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

    private static async Task WaitForHostLogAsync(string directory, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Directory.GetFiles(directory, "quickstart-web-stdout*.log").Any(f => File.ReadAllText(f).Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the host's log said no '{text}' within {timeout}");
            await Task.Delay(100);
        }
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

    // --exec: the tests run the sample's Debug build, which export refuses to put into units unless named explicitly.
    private async Task<string> ExportSampleAsync(string target, params string[] options)
    {
        var output = Path.Combine(_directory, target);
        var (code, text) = await RunAsync("dotnet", [QuickstartSampleSpecs.SampleDll, "export", target, "--out", output, "--exec", QuickstartSampleSpecs.SampleDll, .. options]);
        Assert.True(code == 0, text);
        return output;
    }

    private static async Task<double> SecurityExposureAsync(string unit)
    {
        var (code, text) = await RunAsync("systemd-analyze", "security", "--offline=true", unit);
        Assert.True(code == 0, text);
        var score = System.Text.RegularExpressions.Regex.Match(text, @"Overall exposure level for \S+: (\d+\.\d)");
        Assert.True(score.Success, text);
        return double.Parse(score.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_exported_systemd_units_pass_systemd_analyze_verify()
    {
        var output = await ExportSampleAsync("systemd");
        var units = Directory.GetFiles(output).Order().ToArray();

        Assert.Equal(["quickstart-web.service", "quickstart.target"], units.Select(Path.GetFileName));
        var service = File.ReadAllText(units[0]);
        // Run as `dotnet quickstart.dll`, the exported command is the same: the shared host and the app's assembly.
        Assert.Contains($" \"{QuickstartSampleSpecs.SampleDll}\" \"web\"\n", service);
        Assert.Matches("(?m)^ExecStart=\"/\\S*dotnet\" ", service);
        Assert.Contains("TimeoutStopSec=15", service); // our 10 s stop timeout + margin: systemd never kills first

        var (code, text) = await RunAsync("systemd-analyze", ["verify", .. units]);

        Assert.True(code == 0 && text.Trim().Length == 0, $"systemd-analyze verify said (exit {code}):\n{text}");
    }

    // The export compares the server command its own PATH finds (here an activated virtualenv's) with what the unit's finds.
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_export_command_compares_the_server_it_finds_on_its_own_path_with_the_units()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_directory, "venv", "bin")).FullName;
        var waitress = Path.Combine(bin, "waitress-serve");
        File.WriteAllText(waitress, "#!/bin/sh\nexec /usr/bin/waitress-serve \"$@\"\n");
        File.SetUnixFileMode(waitress, (UnixFileMode)0b111_101_101);
        var output = Path.Combine(_directory, "systemd");

        var (code, text) = await RunAsync(new Dictionary<string, string> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") },
            "dotnet", QuickstartSampleSpecs.SampleDll, "export", "systemd", "--out", output, "--exec", QuickstartSampleSpecs.SampleDll);

        Assert.True(code == 0, text);
        Assert.Contains($"the launcher here runs {waitress} (found on this shell's PATH), but the unit's PATH", text);
    }

    [Fact]
    public async Task The_exported_sample_unit_is_rated_ok_by_systemd_analyze_security()
    {
        var output = await ExportSampleAsync("systemd");

        var exposure = await SecurityExposureAsync(Path.Combine(output, "quickstart-web.service"));

        Assert.True(exposure <= 2.0, $"systemd-analyze security rated the unit {exposure} (> 2.0)");
    }

    [Theory]
    [InlineData(80)] // CAP_NET_BIND_SERVICE kept, no private user namespace
    [InlineData(8000)]
    public async Task Strict_units_stay_rated_ok_with_a_low_port_writable_paths_and_an_env_file(int port)
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "a:b", Args = new WaitressArgs { Host = "0.0.0.0", Port = port } };
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj", Args = new CeleryBeatArgs { Schedule = "/var/lib/shop/schedule" } };
        var units = new List<string>();
        foreach (var file in Exporter.Export(ExportTarget.Systemd, new Deployment("shop", ["/bin/true"], "/tmp", [web, beat]) { EnvFiles = ["/etc/shop/env"] }))
        {
            var path = Path.Combine(_directory, file.Name);
            File.WriteAllText(path, file.Content);
            units.Add(path);
        }

        var (code, text) = await RunAsync("systemd-analyze", ["verify", .. units]);
        Assert.True(code == 0 && text.Trim().Length == 0, $"systemd-analyze verify said (exit {code}):\n{text}");
        foreach (var unit in units.Where(u => u.EndsWith(".service", StringComparison.Ordinal)))
        {
            var exposure = await SecurityExposureAsync(unit);
            Assert.True(exposure <= 2.0, $"systemd-analyze security rated {Path.GetFileName(unit)} {exposure} (> 2.0)");
        }
    }

    [Fact]
    public async Task Units_binding_paths_from_homes_and_tmp_into_their_sandbox_pass_verify_and_stay_rated_ok()
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "a:b", Venv = "/home/alice/.venvs/shop", Args = new WaitressArgs { Port = 8000 } };
        web.EnvFiles.Add("/home/alice/shop secrets.env"); // the app reads it at every start: a file bound alone
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj", Args = new CeleryBeatArgs { Schedule = "/var/tmp/shop/schedule" } };
        var units = new List<string>();
        foreach (var file in Exporter.Export(ExportTarget.Systemd, new Deployment("shop", ["/bin/true"], "/root/shop", [web, beat]) { EnvFiles = ["/tmp/shop/%h.env"] }))
        {
            var path = Path.Combine(_directory, file.Name);
            File.WriteAllText(path, file.Content);
            units.Add(path);
        }

        Assert.Contains("\nProtectHome=tmpfs\n", File.ReadAllText(units[0]), StringComparison.Ordinal);
        var boundReadOnly = File.ReadAllText(units[0]).Split('\n').Single(l => l.StartsWith("BindReadOnlyPaths=", StringComparison.Ordinal));
        Assert.Contains(" \"-/home/alice/shop secrets.env\" \"-/tmp/shop/%%h.env\"", boundReadOnly, StringComparison.Ordinal);
        Assert.Contains(" \"--env-file\" \"/tmp/shop/%%h.env\" \"web\"\n", File.ReadAllText(units[0]), StringComparison.Ordinal);
        Assert.Contains("\nBindPaths=\"-/var/tmp/shop\"\n", File.ReadAllText(units[1]), StringComparison.Ordinal);
        var (code, text) = await RunAsync("systemd-analyze", ["verify", .. units]);
        Assert.True(code == 0 && text.Trim().Length == 0, $"systemd-analyze verify said (exit {code}):\n{text}");
        foreach (var unit in units.Where(u => u.EndsWith(".service", StringComparison.Ordinal)))
        {
            var exposure = await SecurityExposureAsync(unit);
            Assert.True(exposure <= 2.0, $"systemd-analyze security rated {Path.GetFileName(unit)} {exposure} (> 2.0)");
        }
    }

    [Fact]
    public async Task Memory_deny_write_execute_is_left_out_because_dotnet_dies_under_it_though_python_runs()
    {
        // The same policy as systemd's MemoryDenyWriteExecute=, applied with prctl(PR_SET_MDWE) (Linux 6.3+) before exec.
        var wrapper = Path.Combine(_directory, "mdwe.py");
        File.WriteAllText(wrapper, """
            import ctypes, os, sys
            if ctypes.CDLL(None, use_errno=True).prctl(65, 1, 0, 0, 0) != 0:
                sys.exit(3)
            os.execvp(sys.argv[1], sys.argv[1:])
            """);

        var (python, pythonOutput) = await RunAsync("/usr/bin/python3", wrapper, "/usr/bin/python3", "-c", "import ctypes, django, waitress; print('ok')");
        if (python == 3)
        {
            Assert.True(Environment.OSVersion.Version < new Version(6, 3), $"prctl(PR_SET_MDWE) was refused on Linux {Environment.OSVersion.Version}");
            return;
        }

        var (app, appOutput) = await RunAsync("/usr/bin/python3", wrapper, "dotnet", QuickstartSampleSpecs.SampleDll, "--list");
        var (plain, plainOutput) = await RunAsync("dotnet", QuickstartSampleSpecs.SampleDll, "--list");

        Assert.True(python == 0, pythonOutput);
        Assert.True(plain == 0, plainOutput);
        Assert.True(app != 0, $"the app ran under MDWE, so MemoryDenyWriteExecute= could be exported: {appOutput}");
        Assert.DoesNotContain("MemoryDenyWriteExecute", File.ReadAllText(Path.Combine(await ExportSampleAsync("systemd"), "quickstart-web.service")), StringComparison.Ordinal);
    }

    // In a container, 127.0.0.1 answers the container's own health check and nothing else: the sample (bound there for
    // local use) is refused, naming what could not reach it, and exported once configuration binds every interface.
    private async Task<string> ExportOnceBoundToEveryInterfaceAsync(string target, string exec, string unreachableBy)
    {
        var output = Path.Combine(_directory, target);
        string[] export = [QuickstartSampleSpecs.SampleDll, "export", target, "--out", output, "--exec", exec, "--image", "quickstart:1.0"];

        var (refused, message) = await RunAsync("dotnet", export);

        Assert.Equal(1, refused);
        Assert.Contains($"process 'web': its listen address is 127.0.0.1:8000, a loopback address {unreachableBy} cannot reach", message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));

        var (code, text) = await RunAsync(new Dictionary<string, string> { ["ProdServer__Processes__web__Args__Host"] = "0.0.0.0" }, "dotnet", export);

        Assert.True(code == 0, text);
        return output;
    }

    [Fact]
    public async Task Compose_export_of_the_loopback_bound_sample_is_refused_and_once_bound_to_every_interface_passes_docker_compose_config()
    {
        var output = await ExportOnceBoundToEveryInterfaceAsync("compose", QuickstartSampleSpecs.SampleDll, "its published port and the other services");

        var (code, text) = await RunAsync("docker-compose", "-f", Path.Combine(output, "compose.yaml"), "config");

        Assert.True(code == 0, $"docker-compose config said (exit {code}):\n{text}");
        Assert.Contains("image: quickstart:1.0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubernetes_export_of_the_loopback_bound_sample_is_refused_until_it_binds_every_interface()
    {
        var output = await ExportOnceBoundToEveryInterfaceAsync("kubernetes", "/app/quickstart", "the pod's probes and Service");

        Assert.Contains("readOnlyRootFilesystem: true", File.ReadAllText(Path.Combine(output, "quickstart-web.yaml")), StringComparison.Ordinal);
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
            // Spawn-first: the page answers before the host has finished building; its stop is tested once the host says
            // the server is ready (its signal handling is in place by then).
            await WaitForHostLogAsync(output, " is ready (", TimeSpan.FromSeconds(60));

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
