using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// <c>app manage COMMAND</c>, as a Django user runs it after a deploy: the sample's own launcher runs the real manage.py
/// with the web server's Python, directory, environment and env files, with the caller's standard streams, and exits
/// with manage.py's exit code; SIGTERM is passed on, and what ignores it is killed one stop timeout later.
/// </summary>
public sealed class ManageCommandSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prodserver-manage-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ProcessStartInfo Launcher(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(QuickstartSampleSpecs.SampleDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        using var launcher = Process.Start(Launcher(args))!;
        var output = launcher.StandardOutput.ReadToEndAsync();
        var error = launcher.StandardError.ReadToEndAsync();
        await launcher.StandardInput.WriteAsync(input);
        launcher.StandardInput.Close();
        await launcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (launcher.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Manage_py_reads_the_callers_input_with_the_servers_settings_and_env_files()
    {
        var envFile = Path.Combine(_directory, "secrets.env");
        await File.WriteAllTextAsync(envFile, "FROM_ENV_FILE=s3cret\n");

        var (code, output, error) = await RunAsync(
            "import os; print('seen', os.environ['DJANGO_SETTINGS_MODULE'], os.environ['FROM_ENV_FILE'], os.environ['FROM_CONFIG'], os.path.basename(os.getcwd()))\n",
            "manage", "--env-file", envFile, "--ProdServer:Processes:web:Environment:FROM_CONFIG=yes", "shell");

        Assert.True(code == 0, error);
        Assert.Contains("seen mysite.settings s3cret yes app", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manage_pys_exit_code_options_and_help_are_its_own()
    {
        var (exit, _, _) = await RunAsync(string.Empty, "manage", "shell", "-c", "raise SystemExit(7)");
        var (help, usage, error) = await RunAsync(string.Empty, "manage", "migrate", "--help");
        var (unknown, _, unknownError) = await RunAsync(string.Empty, "manage", "nosuchcommand");

        Assert.Equal(7, exit);
        Assert.True(help == 0, error);
        Assert.StartsWith("usage: manage.py migrate", usage, StringComparison.Ordinal);
        Assert.Equal(1, unknown);
        Assert.Contains("Unknown command: 'nosuchcommand'", unknownError, StringComparison.Ordinal);
    }

    // "app manage --version" said two errors, the second "manage needs manage.py's command": it is valid Django.
    [Fact]
    public async Task Manage_version_is_manage_pys_djangos_version()
    {
        var django = await DjangoVersionAsync();

        var (code, output, error) = await RunAsync(string.Empty, "manage", "--version");

        Assert.True(code == 0, error);
        Assert.Equal(django + "\n", output);
    }

    // The version of the Django the sample's servers run with (Debian's, under /usr/bin/python3, waitress-serve's #! line).
    private static async Task<string> DjangoVersionAsync()
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import django; print(django.get_version())");
        using var python = Process.Start(info)!;
        var version = await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, python.ExitCode);
        return version.Trim();
    }

    [Fact]
    public async Task Mistakes_before_the_command_are_one_line_and_nothing_runs()
    {
        var noCommand = await RunAsync(string.Empty, "manage");
        var optionFirst = await RunAsync(string.Empty, "manage", "--noinput", "migrate");
        var unknownProcess = await RunAsync(string.Empty, "manage", "--process", "wbe", "check");
        var noManagePy = await RunAsync(string.Empty, "manage", "--ProdServer:Processes:web:ManagePy=nope.py", "check");

        Assert.Equal((2, string.Empty), (noCommand.Code, noCommand.Output));
        Assert.StartsWith("manage needs manage.py's command: app manage migrate, ", noCommand.Error, StringComparison.Ordinal);
        Assert.Equal((2, string.Empty), (optionFirst.Code, optionFirst.Output));
        Assert.StartsWith("Unrecognized option '--noinput' for manage; manage.py's own options go after its command", optionFirst.Error, StringComparison.Ordinal);
        Assert.Equal((2, string.Empty), (unknownProcess.Code, unknownProcess.Output));
        Assert.StartsWith("Unknown process 'wbe'", unknownProcess.Error, StringComparison.Ordinal);
        Assert.Equal((1, string.Empty), (noManagePy.Code, noManagePy.Output));
        Assert.Matches(@"^Process 'web': \S+/app/nope\.py does not exist \(ManagePy\); set WorkingDirectory to the Django project, or ManagePy to its manage\.py\.\n$", noManagePy.Error);
    }

    [Theory]
    [InlineData(false, 143)] // manage.py ends on the SIGTERM passed on
    [InlineData(true, 137)]  // manage.py ignores it: killed one stop timeout (1 s) later
    public async Task SIGTERM_is_passed_on_and_nothing_outlives_the_launcher(bool ignoreTerm, int expected)
    {
        var ignore = ignoreTerm ? "signal.signal(signal.SIGTERM, signal.SIG_IGN); " : string.Empty;
        using var launcher = Process.Start(Launcher(
            "manage", "--ProdServer:Processes:web:StopTimeout=00:00:01", "shell", "-c",
            $"import os, signal, time; {ignore}print(os.getpid(), flush=True); time.sleep(60)"))!;
        try
        {
            // Its standard error is read only once it has ended: manage.py holds it open until then.
            var line = await launcher.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(int.TryParse(line, out var python), $"manage.py printed '{line}', not its pid");

            Posix.Terminate(launcher.Id);
            await launcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(expected, launcher.ExitCode);
            Assert.False(Loopback.IsRunning(python), "manage.py outlived the launcher");
        }
        finally
        {
            if (!launcher.HasExited)
            {
                launcher.Kill(entireProcessTree: true);
            }
        }
    }

    // manage.py counts the SIGINTs it gets; it says "ready" once its handler is in place, and ends a second after the first
    // (long enough for a duplicate passed on by the launcher, which would come within milliseconds).
    private const string CountInterrupts =
        "import signal, time\n"
        + "got = []\n"
        + "signal.signal(signal.SIGINT, lambda *_: got.append(time.monotonic()))\n"
        + "print('ready', flush=True)\n"
        + "deadline = time.monotonic() + 60\n"
        + "while (not got or time.monotonic() < got[0] + 1) and time.monotonic() < deadline:\n"
        + "    time.sleep(0.02)\n"
        + "print('SIGINTs:', len(got), flush=True)\n";

    [Fact]
    public async Task A_SIGINT_sent_to_the_launcher_alone_reaches_manage_py_once()
    {
        // setsid: no controlling terminal, as under a supervisor; the SIGINT is sent to the launcher's pid only. env restores
        // SIGINT's default action: CI runs its script as a background job, which ignores SIGINT, and the runtime keeps an
        // inherited SIG_IGN, so the launcher would never see it.
        var info = Launcher("manage", "shell", "-c", CountInterrupts);
        info.ArgumentList.Insert(0, info.FileName);
        info.ArgumentList.Insert(0, "setsid");
        info.ArgumentList.Insert(0, "--default-signal=INT");
        info.FileName = "env";
        using var launcher = Process.Start(info)!;
        try
        {
            Assert.Equal("ready", await launcher.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)));

            Posix.Interrupt(launcher.Id);
            var said = await launcher.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            await launcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal("SIGINTs: 1", said); // before, the launcher swallowed it: manage.py ran on
            Assert.Equal(0, launcher.ExitCode);
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
    public async Task A_Ctrl_C_typed_at_the_terminal_reaches_manage_py_once_not_again_through_the_launcher()
    {
        // A real terminal (Python's pty): the launcher leads its foreground group, and manage.py runs in that group, so
        // the terminal's SIGINT reaches both; passed on by the launcher as well, manage.py would count two.
        const string Terminal =
            "import os, pty, sys\n"
            + "pid, fd = pty.fork()\n"
            + "if pid == 0:\n"
            + "    os.execvp(sys.argv[1], sys.argv[1:])\n"
            + "seen = b''\n"
            + "def more():\n"
            + "    global seen\n"
            + "    try:\n"
            + "        chunk = os.read(fd, 4096)\n"
            + "    except OSError:\n"
            + "        chunk = b''\n"
            + "    seen += chunk\n"
            + "    return chunk\n"
            + "while b'ready' not in seen and more():\n"
            + "    pass\n"
            + "os.write(fd, b'\\x03')\n"
            + "while more():\n"
            + "    pass\n"
            + "_, status = os.waitpid(pid, 0)\n"
            + "sys.stdout.write(seen.decode(errors='replace'))\n"
            + "print('exit', os.waitstatus_to_exitcode(status))\n";
        var info = new ProcessStartInfo(Python.Debian) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])["-c", Terminal, "env", "--default-signal=INT", "dotnet", QuickstartSampleSpecs.SampleDll, "manage", "shell", "-c", CountInterrupts])
        {
            info.ArgumentList.Add(arg);
        }

        using var terminal = Process.Start(info)!;
        var output = await terminal.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(90));
        await terminal.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("SIGINTs: 1", output, StringComparison.Ordinal);
        Assert.EndsWith("exit 0\n", output, StringComparison.Ordinal);
    }
}
