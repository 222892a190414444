using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The host as its own process (this assembly's Program): killed with SIGKILL, and its exit code.</summary>
public sealed class HostProcessSpecs(ITestOutputHelper output)
{
    private static string HostDll => typeof(Program).Assembly.Location;

    private sealed class RunningHost(Process process, ConcurrentQueue<string> lines) : IDisposable
    {
        public Process Process => process;

        public string Output => string.Join('\n', lines);

        /// <summary>The server's pid (and group id) from the engine's "web#PID started" line.</summary>
        public async Task<int> ServerPidAsync()
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
                var started = lines.FirstOrDefault(l => l.Contains("web#", StringComparison.Ordinal) && l.EndsWith(" started", StringComparison.Ordinal));
                if (started is not null)
                {
                    return int.Parse(started[(started.IndexOf('#') + 1)..started.LastIndexOf(' ')], CultureInfo.InvariantCulture);
                }

                await Task.Delay(50);
            }

            throw new TimeoutException("The host never started its server:\n" + Output);
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }

    private static RunningHost StartHost(params string[] args)
    {
        // Through env(1) with SIGHUP's and SIGINT's default actions restored: a test run started under nohup, or as a
        // background job of a script (CI's, which has no job control and so ignores SIGINT in it), passes the ignored
        // disposition down, and the runtime keeps an inherited SIG_IGN, so the host would never see the signals the tests send.
        var info = new ProcessStartInfo("/usr/bin/env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--default-signal=HUP,INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(HostDll);
        foreach (var arg in args)
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
        return new RunningHost(process, lines);
    }

    [Fact]
    public async Task When_the_host_is_killed_with_SIGKILL_gunicorn_and_its_workers_are_gone_within_2_seconds()
    {
        var port = Loopback.FreePort();
        using var host = StartHost("host", "gunicorn", port.ToString(CultureInfo.InvariantCulture));
        var pgid = 0;
        try
        {
            pgid = await host.ServerPidAsync();
            // Master, two workers and the watchdog.
            var members = await ProcessTable.WaitForMembersAsync(pgid, 4, TimeSpan.FromSeconds(30));
            Assert.True(members.Count >= 4, $"group {pgid}: [{string.Join(", ", members)}]\n{host.Output}");

            Assert.Equal(0, ProcessTable.Signal(host.Process.Id, 9));
            var gone = await ProcessTable.WaitUntilGoneAsync(pgid, TimeSpan.FromSeconds(2));

            output.WriteLine($"group {pgid} ({members.Count} processes) gone {gone?.TotalMilliseconds:0} ms after the host's SIGKILL");
            Assert.True(gone is not null, $"still running 2 s after the host died: [{string.Join(", ", ProcessTable.GroupMembers(pgid))}]");
            Assert.False(Loopback.IsListening(port));
        }
        finally
        {
            ProcessTable.KillGroup(pgid);
        }
    }

    [Fact]
    public async Task When_its_watchdog_is_killed_the_host_says_so_and_a_new_one_still_stops_the_server_when_the_host_is_killed()
    {
        var port = Loopback.FreePort();
        var portText = port.ToString(CultureInfo.InvariantCulture);
        using var host = StartHost("host", "dummy", portText, "http", portText, "0");
        var pgid = 0;
        try
        {
            pgid = await host.ServerPidAsync();
            // The server and the watchdog, the group's only other member (the audit killed it as a stray `sh`).
            var members = await ProcessTable.WaitForMembersAsync(pgid, 2, TimeSpan.FromSeconds(30));
            var watchdog = Assert.Single(members, pid => pid != pgid);
            await WaitForAsync(host, () => Loopback.IsListening(port), "the server never listened");

            Assert.Equal(0, ProcessTable.Signal(watchdog, 9));
            await WaitForAsync(host, () => host.Output.Contains("its watchdog is gone", StringComparison.Ordinal), "the host never noticed its watchdog was gone");
            var warning = Assert.Single(host.Output.Split('\n'), l => l.Contains("watchdog", StringComparison.Ordinal));
            Assert.Contains($"web#{pgid}: its watchdog is gone", warning, StringComparison.Ordinal);
            Assert.True(Loopback.IsListening(port), "the server was stopped, not left serving under a new watchdog");

            Assert.Equal(0, ProcessTable.Signal(host.Process.Id, 9));
            var gone = await ProcessTable.WaitUntilGoneAsync(pgid, TimeSpan.FromSeconds(2));

            Assert.True(gone is not null, $"still running 2 s after the host died: [{string.Join(", ", ProcessTable.GroupMembers(pgid))}]\n{host.Output}");
            Assert.False(Loopback.IsListening(port));
        }
        finally
        {
            ProcessTable.KillGroup(pgid);
        }
    }

    [Fact]
    public async Task A_port_held_by_a_server_a_dead_host_left_behind_is_named_as_such_with_the_command_that_stops_it()
    {
        // A server that outlived its host (as one did whose watchdog had been killed): its tag names a host pid gone now.
        using var exited = Process.Start("/bin/true")!;
        await exited.WaitForExitAsync();
        var port = Loopback.FreePort();
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo(Python.Debian, ["dummy.py", "http", portText, "0"]) { WorkingDirectory = Python.AppsDirectory, UseShellExecute = false };
        info.Environment["PRODSERVER_INSTANCE"] = $"{exited.Id}.1";
        using var leftBehind = Process.Start(info)!;
        try
        {
            var clock = Stopwatch.StartNew();
            while (!Loopback.IsListening(port))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30) && !leftBehind.HasExited, "the left-behind server never listened");
                await Task.Delay(20);
            }

            using var host = StartHost("host", "dummy", portText, "serve");
            await host.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            AssertOneClearLine(host, $"port {port}");
            Assert.Contains(
                $"is already in use by pid {leftBehind.Id} (python3), a server left behind by a ProdServer host (pid {exited.Id}) that no longer runs; stop it with kill {leftBehind.Id}.",
                host.Output,
                StringComparison.Ordinal);
        }
        finally
        {
            leftBehind.Kill();
        }
    }

    private static async Task WaitForAsync(RunningHost host, Func<bool> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30) && !host.Process.HasExited, $"{failure}:\n{host.Output}");
            await Task.Delay(20);
        }
    }

    [Theory]
    [InlineData(new[] { "exit", "3" }, 3)]
    [InlineData(new[] { "kill-self", "15" }, 143)] // SIGTERM: 128 + 15, as a shell reports it
    [InlineData(new[] { "kill-self", "9" }, 137)]
    public async Task The_host_exits_with_the_server_exit_code_or_128_plus_the_signal_that_killed_it(string[] words, int expected)
    {
        using var host = StartHost(["host", "dummy", "-", .. words]);

        await host.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(expected == host.Process.ExitCode, $"exit code {host.Process.ExitCode}, expected {expected}:\n{host.Output}");
    }

    [Fact]
    public async Task A_server_killed_by_SIGKILL_is_said_to_be_killed_not_to_have_died_of_what_it_wrote_last()
    {
        // Before, a worker killed by the OOM killer was reported with the task failure it had logged and lived on after.
        using var host = StartHost(["host", "dummy", "-", "kill-self", "9", "ZeroDivisionError: division by zero"]);

        await host.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(137, host.Process.ExitCode);
        Assert.Contains("killed by SIGKILL (the kernel's out-of-memory killer or another process: see dmesg)", host.Output);
        Assert.DoesNotContain("it said: ZeroDivisionError", host.Output);
    }

    [Fact]
    public async Task A_second_Ctrl_C_kills_a_server_that_ignores_its_stop_signal_instead_of_waiting_its_stop_timeout()
    {
        // As docker compose and honcho: the first Ctrl+C stops gracefully; a server that ignores it was waited for the
        // whole stop timeout, whatever the user pressed.
        using var host = StartHost("host", "dummy", "-", "ignore-sigterm");
        var pid = await host.ServerPidAsync();
        await WaitForAsync(host, () => host.Output.Split('\n').Any(l => l.Trim() == "ready"), "the server never said ready");

        Assert.Equal(0, ProcessTable.Signal(host.Process.Id, Posix.SIGINT));
        await SecondCtrlCKillsAsync(host, "the host never began to stop");
        Assert.False(ProcessTable.IsAlive(pid), "the server outlived the host");
    }

    // Once the first Ctrl+C has begun a graceful stop (with its whole stop timeout ahead), a second one ends the host at once.
    private async Task SecondCtrlCKillsAsync(RunningHost host, string neverStopped)
    {
        await WaitForAsync(host, () => host.Output.Contains("Stopping web#", StringComparison.Ordinal), neverStopped);
        var waiting = System.Text.RegularExpressions.Regex.Match(host.Output, @"waiting up to (\d\d:\d\d:\d\d)");
        Assert.True(TimeSpan.Parse(waiting.Groups[1].Value, CultureInfo.InvariantCulture) >= TimeSpan.FromSeconds(10), host.Output);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, ProcessTable.Signal(host.Process.Id, Posix.SIGINT));

        await host.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(host.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the host took {clock.Elapsed} after the second Ctrl+C:\n{host.Output}");
        Assert.Contains("A second Ctrl+C (SIGINT): the servers still running are killed now", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Ctrl_C_while_the_host_is_still_being_built_counts_as_the_first_so_the_next_one_kills()
    {
        // The Ctrl+C held during the start stopped the host gracefully once it had started; the next one was taken for
        // the first again, and a server ignoring its stop signal was waited for its whole stop timeout.
        var gate = Path.Combine(Path.GetTempPath(), $"prodserver-gate-{Guid.NewGuid():N}");
        using var host = StartHost("host", "early", "-", gate, "ignore-sigterm");
        try
        {
            await WaitForAsync(host, "building"); // the server is spawned; the host's build is held at the gate
            Assert.Equal(0, ProcessTable.Signal(host.Process.Id, Posix.SIGINT));
            await File.WriteAllTextAsync(gate, "go");
            await SecondCtrlCKillsAsync(host, "the held Ctrl+C never stopped the host");
            var started = host.Output.Split('\n').Single(l => l.Contains("web#", StringComparison.Ordinal) && l.EndsWith(" started", StringComparison.Ordinal));
            var pid = int.Parse(started[(started.IndexOf('#') + 1)..started.LastIndexOf(' ')], CultureInfo.InvariantCulture);
            Assert.False(ProcessTable.IsAlive(pid), "the server outlived the host");
        }
        finally
        {
            File.Delete(gate);
        }
    }

    [Fact]
    public async Task SIGHUP_to_the_host_re_reads_the_configuration_and_leaves_an_unchanged_gunicorn_alone()
    {
        var port = Loopback.FreePort();
        using var host = StartHost("host", "gunicorn", port.ToString(CultureInfo.InvariantCulture));
        var pgid = 0;
        try
        {
            pgid = await host.ServerPidAsync();
            var before = await ProcessTable.WaitForMembersAsync(pgid, 4, TimeSpan.FromSeconds(30));
            Assert.True(before.Count >= 4, host.Output);

            Assert.Equal(0, ProcessTable.Signal(host.Process.Id, 1));

            // As 'reload' (supervisorctl update): nothing changed, so nothing restarts; 'signal web HUP' reloads gunicorn's code.
            var clock = Stopwatch.StartNew();
            while (!host.Output.Contains("reload: web: unchanged", StringComparison.Ordinal))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"no reload outcome after SIGHUP:\n{host.Output}");
                await Task.Delay(100);
            }

            Assert.Equal(before.Order(), ProcessTable.GroupMembers(pgid).Order());
            Assert.False(host.Process.HasExited);
        }
        finally
        {
            ProcessTable.KillGroup(pgid);
        }
    }

    [Fact]
    public async Task SIGTERM_while_the_host_is_still_being_built_stops_the_early_server_gracefully_instead_of_killing_the_launcher()
    {
        var gate = Path.Combine(Path.GetTempPath(), $"prodserver-gate-{Guid.NewGuid():N}");
        using var host = StartHost("host", "early", "-", gate);

        await WaitForAsync(host, "building"); // the server is spawned; the host's build is held at the gate
        Assert.Equal(0, ProcessTable.Signal(host.Process.Id, Posix.SIGTERM)); // the host's own lifetime is not there yet
        await File.WriteAllTextAsync(gate, "go");

        await host.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(host.Output);
        Assert.Equal(0, host.Process.ExitCode); // a graceful stop; dying by the signal would be 143
        var started = host.Output.Split('\n').Single(l => l.Contains("web#", StringComparison.Ordinal) && l.EndsWith(" started", StringComparison.Ordinal));
        var pid = int.Parse(started[(started.IndexOf('#') + 1)..started.LastIndexOf(' ')], CultureInfo.InvariantCulture);
        Assert.Contains("stopped gracefully", host.Output, StringComparison.Ordinal);
        Assert.False(ProcessTable.IsAlive(pid), "the early server outlived the host");
        File.Delete(gate);
    }

    [Fact]
    public async Task SIGHUP_while_the_host_is_still_being_built_is_held_and_applied_as_a_reload_once_it_has_started()
    {
        var gate = Path.Combine(Path.GetTempPath(), $"prodserver-gate-{Guid.NewGuid():N}");
        using var host = StartHost("host", "early", "-", gate);

        await WaitForAsync(host, "building"); // the server is spawned; the host's build is held at the gate
        Assert.Equal(0, ProcessTable.Signal(host.Process.Id, 1)); // SIGHUP's default action would kill the launcher
        await File.WriteAllTextAsync(gate, "go");

        var clock = Stopwatch.StartNew();
        while (!host.Output.Contains("reload: web: unchanged", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60) && !host.Process.HasExited, $"the held SIGHUP was not applied:\n{host.Output}");
            await Task.Delay(50);
        }

        Assert.Contains("reload requested (SIGHUP)", host.Output, StringComparison.Ordinal);
        Assert.Equal(0, ProcessTable.Signal(host.Process.Id, Posix.SIGTERM));
        await host.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(host.Output);
        Assert.Equal(0, host.Process.ExitCode);
        File.Delete(gate);
    }

    private static async Task WaitForAsync(RunningHost host, string line)
    {
        var clock = Stopwatch.StartNew();
        while (!host.Output.Split('\n').Contains(line))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60) && !host.Process.HasExited, $"never said '{line}':\n{host.Output}");
            await Task.Delay(20);
        }
    }

    // "app web | head -1": once the pipe's reader was gone the host served on and its log lines went nowhere, without a
    // word (.NET's console stream drops a write that fails with EPIPE). It still serves (a log reader gone must not stop
    // production), but says so once on standard error, and the total of lines not written when it stops.
    [Fact]
    public async Task When_standard_outputs_reader_is_gone_the_host_keeps_serving_says_so_once_and_counts_the_lines_lost()
    {
        const string Closed = "Standard output is closed (its reader is gone): log lines are no longer written to it; ";
        var said = await ServeWithStandardOutputClosedAsync("spawnfirst", Closed);

        var total = Assert.Single(said, e => e.StartsWith("Standard output was closed: ", StringComparison.Ordinal));
        var match = System.Text.RegularExpressions.Regex.Match(total, @"^Standard output was closed: (\d+) log lines could not be written to it\.$");
        Assert.True(match.Success, total);
        // Four requests, each a line of the server's logged as two (the simple formatter's header and message), and the stop's.
        Assert.True(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) >= 8, total);
    }

    // The same with a host the caller built (builder.Build().RunProdServerAsync): its console logger has the console's
    // stream before the run, so the lines cannot be counted; before, they went nowhere without a word.
    [Fact]
    public async Task When_standard_outputs_reader_is_gone_a_host_the_caller_built_keeps_serving_and_says_the_lines_are_lost()
    {
        const string Closed = "Standard output is closed (its reader is gone): log lines are no longer written to it, and this host cannot count them ";
        var said = await ServeWithStandardOutputClosedAsync("dummy", Closed);

        Assert.Single(said, e => e == "Standard output was closed during the run: the log lines written after its reader went away were lost, and this host cannot count them (its console logger was made before the run).");
    }

    // Runs the test host's SCENARIO with the dummy's HTTP server logging each request, reads standard output until the
    // server is ready, then closes it (as head -1 goes), and serves four requests; waits for the line starting with
    // closedNotice on standard error, stops the host with SIGTERM and returns what it said there, having checked that the
    // notice came once, that it served on and that it stopped cleanly.
    private async Task<string[]> ServeWithStandardOutputClosedAsync(string scenario, string closedNotice)
    {
        var port = Loopback.FreePort();
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo("/usr/bin/env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["--default-signal=HUP,INT", "dotnet", HostDll, "host", scenario, portText, "http-log", portText])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Logging__Console__FormatterName"] = "simple";
        using var launcher = Process.Start(info)!;
        var errors = new ConcurrentQueue<string>();
        launcher.ErrorDataReceived += (_, e) => { if (e.Data is not null) errors.Enqueue(e.Data); };
        launcher.BeginErrorReadLine();
        try
        {
            // Standard output is read until the server's "ready" is logged there, then its reader is gone, as head -1 goes.
            var seen = new System.Collections.Generic.List<string>();
            while (await launcher.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
            {
                seen.Add(line);
                if (line.EndsWith("ready", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.True(seen.Count > 0 && seen[^1].EndsWith("ready", StringComparison.Ordinal), $"never logged ready:\n{string.Join('\n', seen)}\n{string.Join('\n', errors)}");
            launcher.StandardOutput.Close();

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using (var first = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/")))
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
            }

            var clock = Stopwatch.StartNew();
            while (!errors.Any(e => e.StartsWith(closedNotice, StringComparison.Ordinal)))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30) && !launcher.HasExited, $"never said standard output is closed:\n{string.Join('\n', errors)}");
                await Task.Delay(20);
            }

            // Still serving, and still logging into the void.
            for (var i = 0; i < 3; i++)
            {
                using var again = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
                Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
            }

            Posix.Terminate(launcher.Id);
            await launcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            var said = errors.ToArray();
            output.WriteLine(string.Join('\n', said));
            Assert.Equal(0, launcher.ExitCode);
            Assert.Single(said, e => e.StartsWith(closedNotice, StringComparison.Ordinal));
            Assert.False(Loopback.IsListening(port));
            return said;
        }
        finally
        {
            if (!launcher.HasExited)
            {
                launcher.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task A_missing_interpreter_is_said_in_one_line_without_a_stack_trace_and_the_host_exits_1()
    {
        using var host = StartHost("host", "missing", "-", "serve");

        await host.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        AssertOneClearLine(host, "/nonexistent/python3");
    }

    [Fact]
    public async Task A_port_in_use_is_said_in_one_line_without_a_stack_trace_and_the_host_exits_1()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        using var host = StartHost("host", "dummy", port.ToString(CultureInfo.InvariantCulture), "serve");

        await host.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        AssertOneClearLine(host, $"port {port}");
    }

    private void AssertOneClearLine(RunningHost host, string subject)
    {
        output.WriteLine(host.Output);
        Assert.Equal(ExitCodes.InvalidConfiguration, host.Process.ExitCode);
        Assert.Single(host.Output.Split('\n'), l => l.Contains(subject, StringComparison.Ordinal));
        Assert.DoesNotContain("Hosting failed to start", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Application started", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Output.Split('\n'), l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
