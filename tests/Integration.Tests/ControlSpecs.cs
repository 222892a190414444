using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// Operating a running group from another terminal, as with supervisorctl: status, restart, stop, start, tail, signal,
/// against the Quickstart sample's waitress plus gunicorn (see <see cref="ControlledSample"/>), and nobody else can.
/// </summary>
public sealed class ControlSpecs(ControlledSample sample) : IClassFixture<ControlledSample>
{
    [Fact]
    public async Task Status_shows_both_processes_ready_with_pid_and_command_line_and_the_table_names_them()
    {
        var status = await sample.StatusAsync();

        Assert.Equal(["web", "admin"], status.Select(p => p.Name));
        Assert.All(status, p => Assert.True(p.Ready && p.Pid is > 0, $"{p}"));
        Assert.Contains("waitress-serve", status[0].CommandLine);
        Assert.Contains("gunicorn", status[1].CommandLine);

        var (code, table, _) = await sample.ClientAsync("status");
        Assert.Equal(0, code);
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAME", lines[0]);
        Assert.Matches(@"^web\s+(ready)\s+\d+\s", lines[1]);
        Assert.Matches(@"^admin\s+(ready)\s+\d+\s", lines[2]);
    }

    [Fact]
    public async Task Restarting_web_changes_only_webs_pid_and_web_serves_again()
    {
        await sample.WaitForStatusAsync(s => s.All(p => p.Ready), "both ready");
        var before = await sample.StatusAsync();

        var (code, stdout, stderr) = await sample.ClientAsync("restart", "web");

        Assert.True(code == 0, stderr + sample.Output);
        Assert.Contains("web: restarted (pid ", stdout);
        // Asked for, so no failure: information, not the warning a crash's restart gets.
        Assert.Contains("web: restarting as asked (the stopped one exited with code ", await sample.WaitForOutputAsync("web: restarting as asked"));
        Assert.DoesNotContain("web: restarting in", sample.Output);
        var after = await sample.StatusAsync();
        Assert.NotEqual(before[0].Pid, after[0].Pid);
        Assert.True(after[0].Ready);
        Assert.Equal(before[1].Pid, after[1].Pid);
        Assert.True(Loopback.IsRunning(before[1].Pid!.Value));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var page = await http.GetAsync($"http://127.0.0.1:{sample.WebPort}/");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Stop_then_start_admin_closes_and_reopens_its_port_while_web_keeps_its_pid()
    {
        await sample.WaitForStatusAsync(s => s.All(p => p.Ready), "both ready");
        var web = await sample.PidOfAsync("web");
        var admin = await sample.PidOfAsync("admin");

        var (stopped, stopOut, stopErr) = await sample.ClientAsync("stop", "admin");

        Assert.True(stopped == 0, stopErr);
        Assert.Contains("admin: stopped", stopOut);
        var status = await sample.StatusAsync();
        Assert.Equal("stopped", status[1].State);
        Assert.Null(status[1].Pid);
        var stoppedWith = status[1];
        Assert.NotNull(stoppedWith.LastExitCode);
        Assert.False(Loopback.IsRunning(admin));
        Assert.False(Loopback.IsListening(sample.AdminPort));
        Assert.Equal(web, status[0].Pid);

        var (started, startOut, startErr) = await sample.ClientAsync("start", "admin");

        Assert.True(started == 0, startErr + sample.Output);
        Assert.Contains("admin: started", startOut);
        status = await sample.StatusAsync();
        Assert.True(status[1].Ready);
        Assert.NotEqual(admin, status[1].Pid);
        // The new start is counted, and the exit that stopped it is still shown until the new server exits.
        Assert.Equal(stoppedWith.Restarts + 1, status[1].Restarts);
        Assert.Equal(stoppedWith.LastExitCode, status[1].LastExitCode);
        Assert.True(Loopback.IsListening(sample.AdminPort));
        Assert.Equal(web, status[0].Pid);
        Assert.Equal(web, await sample.PidOfAsync("web"));
    }

    [Fact]
    public async Task Tail_n_5_prints_the_last_five_lines_of_one_process()
    {
        await sample.WaitForStatusAsync(s => s.All(p => p.Ready), "both ready");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var tag = Guid.NewGuid().ToString("N");
        for (var i = 1; i <= 8; i++)
        {
            using var _ = await http.GetAsync($"http://127.0.0.1:{sample.AdminPort}/?{tag}={i}");
        }

        // gunicorn writes its access line after the response: wait for the last one.
        string stdout = "";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!stdout.Contains($"{tag}=8", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "no access line for the 8th request in tail:\n" + stdout);
            (_, stdout, _) = await sample.ClientAsync("tail", "admin", "-n", "5");
        }

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Equal(Enumerable.Range(4, 5).Select(i => $"{tag}={i}"), lines.Select(l => l[l.IndexOf(tag, StringComparison.Ordinal)..].Split(' ')[0]));
        var (_, web, _) = await sample.ClientAsync("tail", "web", "-n", "5");
        Assert.DoesNotContain(tag, web);
    }

    [Fact]
    public async Task Tail_f_prints_new_lines_as_they_come_until_the_client_is_stopped()
    {
        await sample.WaitForStatusAsync(s => s.All(p => p.Ready), "both ready");
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var follower = sample.StartClient(lines, "tail", "admin", "-n", "0", "-f");
        try
        {
            // Requests until one of them shows up in the follower: it may connect after the first ones were logged.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var tag = Guid.NewGuid().ToString("N");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; !lines.Any(l => l.Contains(tag, StringComparison.Ordinal)); i++)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "tail -f printed no new line:\n" + string.Join('\n', lines));
                Assert.False(follower.HasExited, "tail -f ended:\n" + string.Join('\n', lines));
                using var _ = await http.GetAsync($"http://127.0.0.1:{sample.AdminPort}/?{tag}={i}");
                await Task.Delay(200);
            }

            Assert.DoesNotContain(lines, l => l.StartsWith("stderr: ", StringComparison.Ordinal));
        }
        finally
        {
            follower.Kill();
            await follower.WaitForExitAsync();
        }

        Assert.All(await sample.StatusAsync(), p => Assert.True(p.Ready));
    }

    [Fact]
    public async Task Signal_TTIN_gives_gunicorn_one_more_worker_and_an_unknown_signal_is_a_usage_error()
    {
        await sample.WaitForStatusAsync(s => s.All(p => p.Ready), "both ready");
        var admin = await sample.PidOfAsync("admin");
        var before = ProcessTable.GroupMembers(admin).Count;

        var (code, stdout, stderr) = await sample.ClientAsync("signal", "admin", "TTIN");

        Assert.True(code == 0, stderr);
        Assert.Contains($"sent SIGTTIN to admin#{admin}", stdout);
        var members = await ProcessTable.WaitForMembersAsync(admin, before + 1, TimeSpan.FromSeconds(30));
        Assert.True(members.Count == before + 1, $"{members.Count} processes in the group, {before} before");

        var (refused, _, error) = await sample.ClientAsync("signal", "admin", "KILL");
        Assert.Equal(2, refused);
        Assert.Contains("is not one of HUP, USR1, USR2, TTIN, TTOU", error);
        Assert.Equal(admin, await sample.PidOfAsync("admin"));
    }

    [Fact]
    public async Task A_signal_the_server_has_no_handler_for_is_refused_and_nothing_is_sent()
    {
        // waitress acts on none: USR1 ended it (exit 138) and TTIN suspended it, and the host restarted or waited on it.
        await sample.WaitForStatusAsync(s => s.All(p => p.Ready), "both ready");
        var web = await sample.PidOfAsync("web");

        var (code, _, stderr) = await sample.ClientAsync("signal", "web", "USR1");
        var (suspend, _, suspendError) = await sample.ClientAsync("signal", "web", "TTIN");

        Assert.Equal(2, code);
        Assert.Contains("web: waitress-serve has no handler for SIGUSR1, which would end it; it acts on none of these signals (restart web restarts it). No signal was sent.", stderr);
        Assert.Equal(2, suspend);
        Assert.Contains("has no handler for SIGTTIN, which would suspend it", suspendError);
        Assert.Equal(web, await sample.PidOfAsync("web"));
        Assert.All(await sample.StatusAsync(), p => Assert.True(p.Ready, $"{p}"));
    }

    [Fact]
    public async Task Signal_HUP_reloads_gunicorn_gracefully_its_workers_are_not_killed_by_it()
    {
        await sample.WaitForStatusAsync(s => s.All(p => p.Ready), "both ready");
        var admin = await sample.PidOfAsync("admin");

        var (code, stdout, stderr) = await sample.ClientAsync("signal", "admin", "HUP");

        Assert.True(code == 0, stderr);
        Assert.Contains($"sent SIGHUP to admin#{admin}, its main process", stdout);
        // gunicorn's reload: the master boots a new worker and tells the old one to finish; the old one does not die of the
        // SIGHUP meant for the master ("Worker with pid N was terminated due to signal 1").
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!sample.Output.Contains("Worker exiting", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the old worker did not exit gracefully:\n" + sample.Output);
            await Task.Delay(100);
        }

        Assert.Contains("Handling signal: hup", sample.Output);
        // Signal 1 exactly: gunicorn 20 may also write "… due to signal 15" for the old worker its own SIGTERM ended.
        Assert.DoesNotMatch(@"was terminated due to signal 1(?!\d)", sample.Output);
        Assert.Equal(admin, await sample.PidOfAsync("admin"));
    }

    [Fact]
    public async Task An_unknown_process_is_a_usage_error_naming_the_processes_the_host_runs()
    {
        var (code, _, stderr) = await sample.ClientAsync("restart", "nosuch");

        Assert.Equal(2, code);
        Assert.Contains("Unknown process 'nosuch'; this host runs web, admin.", stderr);
    }

    [Fact]
    public async Task A_name_with_escapes_and_newlines_reaches_the_hosts_log_escaped_on_one_line_and_a_signal_is_named()
    {
        var hostile = "we\u001b[31mb\ninfo: forged";

        var (code, _, stderr) = await sample.ClientAsync("status", hostile);
        await sample.ClientAsync("signal", "nosuch", "HUP"); // refused, but logged as asked

        Assert.Equal(2, code);
        Assert.Contains("Unknown process 'we\\x1b[31mb\\ninfo: forged'", stderr);
        var logged = await sample.WaitForOutputAsync("Control: status we");
        Assert.Contains("Control: status we\\x1b[31mb\\ninfo: forged (uid ", logged);
        Assert.DoesNotContain('\u001b', sample.Output);
        Assert.DoesNotContain("\ninfo: forged", sample.Output);
        Assert.Contains("Control: signal nosuch HUP (uid ", await sample.WaitForOutputAsync("Control: signal nosuch"));
    }

    [Fact]
    public async Task A_garbage_request_and_a_10_MB_request_get_error_replies_and_the_host_keeps_serving()
    {
        Assert.Contains("\"exitCode\":2", await RawAsync("garbage\n"u8.ToArray()));
        Assert.Contains("\"exitCode\":2", await RawAsync("{\"v\":99,\"command\":\"status\"}\n"u8.ToArray()));
        // A null name and a negative line count: bad requests, not an exception logged by the host (as they were).
        Assert.Contains("A process name in the request is null", await RawAsync("{\"v\":1,\"command\":\"status\",\"names\":[null]}\n"u8.ToArray()));
        Assert.Contains("Lines must be 0 or more, got -5", await RawAsync("{\"v\":1,\"command\":\"tail\",\"names\":[\"web\"],\"lines\":-5}\n"u8.ToArray()));
        Assert.DoesNotContain("Exception", sample.Output, StringComparison.Ordinal);
        var big = Encoding.ASCII.GetBytes(new string('x', 10 * 1024 * 1024));
        var reply = await RawAsync(big);
        Assert.Contains("longer than 65536 bytes", reply);

        var status = await sample.StatusAsync();
        Assert.All(status, p => Assert.True(p.Ready, $"{p}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var page = await http.GetAsync($"http://127.0.0.1:{sample.WebPort}/");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Another_user_is_refused_by_the_socket_directory_and_by_SO_PEERCRED_when_the_modes_are_loosened()
    {
        var socketArg = "--ProdServer:Control:Socket=" + sample.Socket;
        var (code, _, stderr) = await sample.ClientAsync(["status", socketArg], user: "nobody", workingDirectory: "/");

        Assert.Equal(1, code);
        Assert.Contains("Permission denied on the control socket", stderr);

        // Loosened by hand: the kernel lets nobody connect, and the host's peer check refuses it.
        File.SetUnixFileMode(sample.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(sample.Socket, (UnixFileMode)Convert.ToInt32("666", 8));
        try
        {
            (code, _, stderr) = await sample.ClientAsync(["status", socketArg], user: "nobody", workingDirectory: "/");
        }
        finally
        {
            File.SetUnixFileMode(sample.Socket, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(sample.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Assert.True(code == 1, stderr);
        Assert.Contains("Refused: this host answers only its own user (uid 0) and root.", stderr);
        Assert.Contains("refused a connection from uid 65534", sample.Output);
        Assert.All(await sample.StatusAsync(), p => Assert.True(p.Ready));
    }

    [Fact]
    public async Task Status_with_no_running_host_exits_3_with_one_clear_line()
    {
        var missing = Path.Combine(sample.Directory, "nobody-here.sock");

        var (code, stdout, stderr) = await sample.ClientAsync("status", "--ProdServer:Control:Socket=" + missing);

        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        Assert.Equal($"No running host of 'quickstart': nothing answers on {missing}.", stderr.Trim().Split(" Start it")[0]);
    }

    [Fact]
    public async Task A_client_command_says_only_its_answer_not_the_configurations_rule_warnings()
    {
        // The host says the rule warnings once, at its start; `watch quickstart status` printed them before every answer.
        var missing = Path.Combine(sample.Directory, "nobody-here.sock");

        var (code, _, stderr) = await sample.ClientAsync("status", "--ProdServer:Control:Socket=" + missing, "--ProdServer:Processes:web:Args:ExposeTracebacks=true");

        Assert.Equal(3, code);
        Assert.StartsWith("No running host of 'quickstart'", stderr.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("PSC", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("ProdServer.Rules", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("long", "is longer than a Unix socket path may be (107 bytes)")]
    [InlineData("escape", "must be a path without control characters")]
    public async Task A_socket_path_no_socket_can_have_is_one_line_and_exit_1_not_a_stack_trace(string kind, string problem)
    {
        // The client took the raw value past the invalid configuration: a long path threw from the socket's address
        // (exit 134), an escape reached the terminal in "nothing answers on ...".
        var path = kind == "long" ? Path.Combine(sample.Directory, new string('d', 120), "q.sock") : Path.Combine(sample.Directory, "\u001b]0;T\u0007q.sock");

        var (code, stdout, stderr) = await sample.ClientAsync("status", "--ProdServer:Control:Socket=" + path);

        Assert.True(code == 1, stderr);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(problem, line);
        Assert.DoesNotContain('\u001b', line);
    }

    [Fact]
    public async Task An_unknown_signal_is_a_usage_error_with_or_without_a_running_host()
    {
        var missing = Path.Combine(sample.Directory, "nobody-here.sock");

        var (without, _, withoutError) = await sample.ClientAsync("signal", "web", "KILL", "--ProdServer:Control:Socket=" + missing);
        var (with, _, withError) = await sample.ClientAsync("signal", "web", "KILL");

        Assert.Equal(2, without);
        Assert.Equal("Signal 'KILL' is not one of HUP, USR1, USR2, TTIN, TTOU.", withoutError.Trim());
        Assert.Equal(2, with);
        Assert.Equal(withoutError, withError);
    }

    [Fact]
    public async Task A_second_host_of_the_same_app_refuses_to_start_in_one_line_and_the_first_keeps_its_socket()
    {
        var (code, _, stderr) = await sample.ClientAsync("--all");

        Assert.Equal(1, code);
        Assert.Contains($"Another host of 'quickstart' is running: its control socket {sample.Socket} answers.", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.All(await sample.StatusAsync(), p => Assert.True(p.Ready));
    }

    private async Task<string> RawAsync(byte[] request)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(sample.Socket));
        try
        {
            await socket.SendAsync(request, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (SocketException)
        {
            // The host answered and closed before the 10 MB were written: the reply is still there to read.
        }

        var reply = new byte[64 * 1024];
        var length = 0;
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(reply.AsMemory(length), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30))) > 0)
            {
                length += read;
            }
        }
        catch (SocketException) when (length > 0)
        {
            // Reset after the reply: the host closed with the rest of the 10 MB unread.
        }

        var text = Encoding.UTF8.GetString(reply, 0, length);
        using var _ = JsonDocument.Parse(text.Split('\n')[0]);
        return text;
    }
}
