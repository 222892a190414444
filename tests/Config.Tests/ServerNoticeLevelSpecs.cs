using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// uWSGI writes its start-up banner and its stop notices on stderr with no level: about 25 lines per start, which were all
/// warnings. Its facts are information; its advice and warnings keep stderr's level. The lines are Debian's uWSGI 2.0.21,
/// started and stopped as the SDK does (master, two workers, the graceful stop hook).
/// </summary>
public sealed class ServerNoticeLevelSpecs
{
    [Theory]
    [InlineData("*** Starting uWSGI 2.0.21-debian (64bit) on [Thu Dec  3 13:30:04 2026] ***")]
    [InlineData("compiled with version: 12.2.0 on 19 May 2023 13:59:29")]
    [InlineData("os: Linux-6.18.44-fc-v1045 #1 SMP PREEMPT_DYNAMIC @0")]
    [InlineData("nodename: vm")]
    [InlineData("machine: x86_64")]
    [InlineData("clock source: unix")]
    [InlineData("pcre jit disabled")]
    [InlineData("detected number of CPU cores: 2")]
    [InlineData("current working directory: /work/main/tests/Integration.Tests/apps")]
    [InlineData("detected binary path: /usr/bin/uwsgi-core")]
    [InlineData("your processes number limit is 96362")]
    [InlineData("your memory page size is 4096 bytes")]
    [InlineData("detected max file descriptor number: 20000")]
    [InlineData("lock engine: pthread robust mutexes")]
    [InlineData("thunder lock: disabled (you can enable it with --thunder-lock)")]
    [InlineData("uwsgi socket 0 bound to TCP address 127.0.0.1:8799 fd 3")]
    [InlineData("Python version: 3.11.2 (main, Apr 28 2025, 14:11:48) [GCC 12.2.0]")]
    [InlineData("Python main interpreter initialized at 0x7f9ad5b60018")]
    [InlineData("your server socket listen backlog is limited to 100 connections")]
    [InlineData("your mercy for graceful operations on workers is 60 seconds")]
    [InlineData("mapped 218760 bytes (213 KB) for 2 cores")]
    [InlineData("*** Operational MODE: preforking ***")]
    [InlineData("WSGI app 0 (mountpoint='') ready in 0 seconds on interpreter 0x7f9ad5b60018 pid: 11316 (default app)")]
    [InlineData("*** uWSGI is running in multiple interpreter mode ***")]
    [InlineData("spawned uWSGI master process (pid: 11316)")]
    [InlineData("spawned uWSGI worker 1 (pid: 11318, cores: 1)")]
    [InlineData("spawned uWSGI worker 2 (pid: 11319, cores: 1)")]
    [InlineData("running \"unix_signal:15 gracefully_kill_them_all\" (master-start)...")]
    [InlineData("Thu Dec  3 13:30:06 2026 - graceful shutdown triggered...")]
    [InlineData("Gracefully killing worker 1 (pid: 11318)...")]
    [InlineData("Gracefully killing worker 2 (pid: 11319)...")]
    [InlineData("worker 1 buried after 1 seconds")]
    [InlineData("worker 2 buried after 1 seconds")]
    [InlineData("goodbye to uWSGI.")]
    [InlineData("worker: Warm shutdown (MainProcess)")]
    public void Its_banner_and_stop_notices_are_information(string line) =>
        Assert.Equal(LogLevel.Information, ServerLineLevel.Find(line));

    [Theory]
    [InlineData("uWSGI running as root, you can use --uid/--gid/--chroot options")]
    [InlineData("*** WARNING: you are running uWSGI as root !!! (use the --uid flag) ***")]
    [InlineData("*** Python threads support is disabled. You can enable it with --enable-threads ***")]
    [InlineData("worker 1 died, respawning")]
    [InlineData("mapped nothing")]
    [InlineData("unable to load app 0 (mountpoint='') (callable not found or import error)")]
    [InlineData("*** no app loaded. going in full dynamic mode ***")]
    [InlineData("bind(): Address already in use [core/socket.c line 769]")]
    [InlineData("worker: Cold shutdown (MainProcess)")]
    public void Its_advice_warnings_and_errors_keep_stderrs_level(string line) =>
        Assert.Null(ServerLineLevel.Find(line));
}
