using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary><c>--check</c>: validation, a real launch plan, and the server's own check where it has one.</summary>
public sealed class CheckCommandSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose()
    {
        Environment.ExitCode = 0;
        _root.Dispose();
    }

    // A server whose "own check" is a shell command, standing in for gunicorn --check-config.
    private sealed class CheckedBackend(int checkExitCode, string said = "config problem on line 3") : ServerBackend<WaitressArgs>
    {
        public override string Name => "Checked";
        public override string Command => "sh";
        public override string InstallHint => "apt-get install dash";
        protected override IValidator<WaitressArgs> CreateArgsValidator() => new InlineValidator<WaitressArgs>();

        public override LaunchPlan? CreateCheckPlan(LaunchPlan run) =>
            run with { Executable = "/bin/sh", Arguments = ["-c", $"printf '{said}\\n' >&2; exit {checkExitCode}"] };
    }

    // A server run as `python -m MODULE`, for the module check of --check.
    private sealed class ModuleBackend(string module) : ServerBackend<WaitressArgs>
    {
        public override string Name => "Module";
        public override string Command => module;
        public override LaunchKind LaunchKind => LaunchKind.PythonModule;
        public override string InstallHint => "pip install " + module;
        protected override IValidator<WaitressArgs> CreateArgsValidator() => new InlineValidator<WaitressArgs>();
    }

    private Task<(int Code, string Output, string Error)> RunAsync(Action<ProdServerBuilder> processes, params string[] args) =>
        RunAsync(processes, null, args);

    private async Task<(int Code, string Output, string Error)> RunAsync(Action<ProdServerBuilder> processes, CapturingLogger? log, params string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = _root.Path });
        builder.Logging.ClearProviders();
        if (log is not null)
        {
            builder.Logging.AddProvider(new CapturingLoggerProvider(log));
        }

        builder.Services.AddProdServer(processes);
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var code = await builder.Build().RunProdServerAsync(args, output, error, timeout.Token);
        return (code, output.ToString(), error.ToString());
    }

    // A project the server's Python can import from the working directory: mysite/wsgi.py with its application.
    private void WriteProject()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "mysite"));
        File.WriteAllText(Path.Combine(_root.Path, "mysite", "__init__.py"), "");
        File.WriteAllText(Path.Combine(_root.Path, "mysite", "wsgi.py"), "application = object()\n");
    }

    [Fact]
    public async Task A_valid_waitress_process_checks_out_with_its_app_imported_by_the_servers_python()
    {
        WriteProject();

        var (code, output, error) = await RunAsync(o => o.UseWaitress("mysite.wsgi:application").Python("/usr/bin/python3"), "--check");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal("web: valid, and the app 'mysite.wsgi:application' imports with the server's Python (waitress-serve has no check of its own)\n", output);
    }

    [Fact]
    public async Task A_check_that_ends_before_its_limit_leaves_no_timer_running()
    {
        // The limit's Task.Delay was never cancelled: a passed check kept its timer to the end of Readiness:Timeout + StartSeconds.
        WriteProject();
        var processes = Options.Resolve(o => o.UseWaitress("mysite.wsgi:application").Python("/usr/bin/python3").WorkingDirectory(_root.Path)).Processes;
        var time = new LiveTimers(TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CheckCommand.RunAsync(processes, _root.Path, development: true, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, output, error, CancellationToken.None, time);

        Assert.True(code == ExitCodes.Ok, error.ToString());
        Assert.Equal(0, time.Live);
    }

    [Theory]
    [InlineData("nosuch.wsgi:application", "No module named 'nosuch'", "the project's module nosuch was not found from the working directory")]
    [InlineData("mysite.wsgi:app", "has no attribute 'app'", null)]
    // The package found, its module not (a project from before Django 3.0 has no asgi.py): the working directory is right.
    [InlineData("mysite.noasgi:application", "No module named 'mysite.noasgi'", "Python found the project's package mysite, but no module mysite.noasgi in it (mysite/noasgi.py): check App (ProdServer:Processes:web:App), or add the file")]
    public async Task An_app_the_servers_python_cannot_import_fails_the_check_with_what_to_change(string app, string said, string? hint)
    {
        // Before, --check said "valid" and every start then failed with the same import error.
        WriteProject();

        var (code, _, error) = await RunAsync(o => o.UseWaitress(app).Python("/usr/bin/python3"), "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains($"Process 'web': importing the app '{app}' with the server's Python failed (exit code 1)", error, StringComparison.Ordinal);
        Assert.Contains(said, error, StringComparison.Ordinal);
        if (hint is not null)
        {
            Assert.Contains(hint, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_app_whose_import_hangs_fails_the_check_once_a_start_would_have_given_up()
    {
        // Before, --check waited on the import for ever: an app waiting for its database hung the deploy script.
        WriteProject();
        File.WriteAllText(Path.Combine(_root.Path, "mysite", "hangs.py"), "import time\ntime.sleep(3600)\napplication = object()\n");

        var (code, _, error) = await RunAsync(o => o.UseWaitress("mysite.hangs:application").Python("/usr/bin/python3")
            .Readiness(null, timeout: TimeSpan.FromSeconds(2)).StartSeconds(TimeSpan.FromSeconds(1)), "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.StartsWith("Process 'web': importing the app 'mysite.hangs:application' with the server's Python did not finish within 3 s", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_names_every_process_is_checked_and_with_names_those()
    {
        WriteProject();
        void Configure(ProdServerBuilder o)
        {
            o.UseWaitress("mysite.wsgi:application").Python("/usr/bin/python3");
            o.Process("worker").Use(new CheckedBackend(2), "mysite.wsgi:application");
        }

        // The worker's failing check fails the whole command: before, only the default process (web) was checked.
        var (code, output, error) = await RunAsync(Configure, "--check");
        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.StartsWith("web: valid, and the app 'mysite.wsgi:application' imports with the server's Python", output, StringComparison.Ordinal);
        Assert.Contains("Process 'worker': the server's own check failed (exit code 2)", error, StringComparison.Ordinal);

        (code, output, error) = await RunAsync(Configure, "--check", "web");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal("web: valid, and the app 'mysite.wsgi:application' imports with the server's Python (waitress-serve has no check of its own)\n", output);
    }

    [Fact]
    public async Task An_invalid_configuration_fails_the_check()
    {
        var (code, _, error) = await RunAsync(o => o.UseWaitress("mysite.wsgi:application", w => w with { Threads = 0 }), "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("Process 'web': Threads must be at least 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_that_could_not_be_launched_fails_the_check()
    {
        var (code, _, error) = await RunAsync(o => o.UseWaitress("mysite.wsgi:application").Python("/nonexistent/python3"), "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("Process 'web': the Python interpreter '/nonexistent/python3'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_own_check_passing_is_reported()
    {
        var (code, output, error) = await RunAsync(o => o.Process("web").Use(new CheckedBackend(0), "mysite.wsgi:application"), "--check");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.StartsWith("web: valid, and /bin/sh -c ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_own_check_failing_fails_with_its_output()
    {
        var (code, _, error) = await RunAsync(o => o.Process("web").Use(new CheckedBackend(2), "mysite.wsgi:application"), "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("Process 'web': the server's own check failed (exit code 2)", error, StringComparison.Ordinal);
        Assert.Contains("config problem on line 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_checks_output_is_logged_as_it_comes_and_summed_up_once_not_repeated_by_the_engine()
    {
        var log = new CapturingLogger();

        var (code, _, error) = await RunAsync(o => o.Process("web").Use(new CheckedBackend(2), "mysite.wsgi:application"), log, "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Single(log.Lines, l => l.Text == "config problem on line 3");
        Assert.False(log.Said("failed with exit code"), string.Join('\n', log.Lines));
        Assert.Single(EntryPoint.Lines(error), l => l == "config problem on line 3");
    }

    [Fact]
    public async Task The_server_own_check_output_reaches_the_terminal_escaped()
    {
        // printf turns \033 into ESC: a sequence that would clear the screen if written as it is.
        var (code, _, error) = await RunAsync(o => o.Process("web").Use(new CheckedBackend(2, @"bad \033[2J line"), "mysite.wsgi:application"), "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains(@"bad \u001b[2J line", error, StringComparison.Ordinal); // as the pump escapes every line it reads
        Assert.DoesNotContain('\x1b', error);
    }

    [Fact]
    public void A_django_management_command_is_checked_with_manage_py_check_on_the_same_settings()
    {
        var python = _root.CreateExecutable("py/python3");
        File.WriteAllText(Path.Combine(_root.Path, "manage.py"), "");
        var process = new ProcessDefinition("worker", ServerBackends.DjangoQ)
        {
            Python = python,
            Args = new DjangoQArgs { Settings = "mysite.settings", PythonPath = "src", Verbosity = DjangoVerbosity.Verbose },
        };
        var run = LaunchPlanner.Plan(process, _root.Path, _root.CreateDirectory("empty"));

        var check = ServerBackends.DjangoQ.CreateCheckPlan(run);

        Assert.NotNull(check);
        Assert.Equal(python, check.Executable);
        // manage.py check, wrapped so the same Python then asks Django for the command (DjangoCommandCheckSpecs runs it).
        Assert.Equal([Path.Combine(_root.Path, "manage.py"), "check", "--settings=mysite.settings", "--pythonpath=src"], check.Arguments.TakeLast(4));
        Assert.Equal(["-c"], check.Arguments.Take(1));
        Assert.Equal($"{python} {Path.Combine(_root.Path, "manage.py")} check --settings=mysite.settings --pythonpath=src", DjangoCommandCheck.Shown(check));
    }

    [Fact]
    public void Waitress_has_no_check_of_its_own()
    {
        var process = new ProcessDefinition("web", ServerBackends.Waitress) { App = "a:b", Python = _root.CreateExecutable("py/python3") };

        Assert.Null(ServerBackends.Waitress.CreateCheckPlan(LaunchPlanner.Plan(process, _root.Path, _root.CreateDirectory("empty"))));
    }

    [Fact]
    public async Task A_python_m_server_the_interpreter_does_not_have_fails_the_check_naming_the_interpreter_and_the_settings_that_choose_it()
    {
        var (code, output, error) = await RunAsync(
            o => o.Process("worker").Use(new ModuleBackend("no_such_server_module"), "app").Python("/usr/bin/python3"), "worker", "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            "Process 'worker': /usr/bin/python3 has no module no_such_server_module, which it would run (-m no_such_server_module): install it for " +
            "that interpreter (pip install no_such_server_module), or set Python or Venv to one that has it (ProdServer:Processes:worker:Python).\n",
            error);
    }

    [Fact]
    public async Task A_python_m_server_the_interpreter_has_passes_the_module_check()
    {
        var (code, output, error) = await RunAsync(
            o => o.Process("worker").Use(new ModuleBackend("json"), "app").Python("/usr/bin/python3"), "worker", "--check");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal("worker: valid (json has no check of its own)\n", output);
    }

    // A virtualenv without the system's packages stands for the pyenv shim or other python3 that comes first on PATH and
    // lacks the server: Debian's /usr/bin/python3, later on PATH, has waitress (scripts/setup-python.sh).
    [Fact]
    public void Another_python_on_PATH_that_has_the_module_is_found_and_none_when_no_python_has_it()
    {
        var venv = Path.Combine(_root.Path, "bare-venv");
        using (var create = Process.Start("/usr/bin/python3", ["-m", "venv", "--without-pip", venv]))
        {
            create.WaitForExit();
            Assert.Equal(0, create.ExitCode);
        }

        var python = Path.Combine(venv, "bin", "python3");
        var plan = new LaunchPlan("worker", python, ["-m", "waitress"], _root.Path, new System.Collections.Generic.Dictionary<string, string>());
        var searchPath = Path.Combine(venv, "bin") + Path.PathSeparator + "/usr/bin";

        Assert.Equal("waitress", ServerVersionCheck.MissingModule(plan));
        Assert.Equal("/usr/bin/python3", ServerVersionCheck.InterpreterWith(plan, "waitress", searchPath));
        Assert.Null(ServerVersionCheck.InterpreterWith(plan, "no_such_server_module", searchPath));
    }

    [Fact]
    public void Only_a_python_m_launch_is_asked_for_its_module()
    {
        var script = new LaunchPlan("web", "/usr/bin/python3", ["-c", "raise SystemExit(3)", "x"], _root.Path, new System.Collections.Generic.Dictionary<string, string>());

        Assert.Null(ServerVersionCheck.MissingModule(script));
    }
}
