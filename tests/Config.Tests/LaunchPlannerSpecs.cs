using System;
using System.IO;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>How a declared process becomes a command: which executable, which arguments, where, with which environment.</summary>
public sealed class LaunchPlannerSpecs : IDisposable
{
    private const string App = "mysite.wsgi:application";
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private static ProcessDefinition Web(Action<ProcessDefinition>? configure = null)
    {
        var process = new ProcessDefinition("web", ServerBackends.Waitress)
        {
            App = App,
            Args = new WaitressArgs { Port = 8000, Threads = 4 },
        };
        configure?.Invoke(process);
        return process;
    }

    // A PATH on which nothing is installed, so the tests never depend on the machine's own waitress or python.
    private string EmptyPath => _root.CreateDirectory("empty-bin");

    [Fact]
    public void With_an_interpreter_configured_waitress_runs_through_it()
    {
        var python = _root.CreateExecutable("python/bin/python3");

        var plan = LaunchPlanner.Plan(Web(p => p.Python = python), _root.Path, EmptyPath);

        Assert.Equal(python, plan.Executable);
        Assert.Equal(["-c", ServerBackends.Waitress.PythonEntryPoint!, "--port=8000", "--threads=4", App], plan.Arguments);
    }

    [Fact]
    public void I_can_name_the_system_python_by_its_path()
    {
        // As a dry run does it: the plan is what would run even on a machine without /usr/bin/python3.
        var plan = LaunchPlanner.Plan(Web(p => p.Python = "/usr/bin/python3"), _root.Path, EmptyPath, requireExecutable: false);

        Assert.Equal("/usr/bin/python3", plan.Executable);
        Assert.Equal(["-c", ServerBackends.Waitress.PythonEntryPoint!, "--port=8000", "--threads=4", App], plan.Arguments);
    }

    [Fact]
    public void The_waitress_entry_point_exits_with_the_runner_code_rather_than_through_python_dash_m()
    {
        // python -m waitress exits 0 on option and import errors; the runner's return code must reach sys.exit.
        var entryPoint = ServerBackends.Waitress.PythonEntryPoint;

        Assert.Contains("from waitress.runner import run", entryPoint, StringComparison.Ordinal);
        Assert.Contains("sys.exit(run())", entryPoint, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interpreter_given_by_name_is_found_on_path()
    {
        var bin = _root.CreateDirectory("bin");
        var python = _root.CreateExecutable("bin/python3");

        var plan = LaunchPlanner.Plan(Web(p => p.Python = "python3"), _root.Path, EmptyPath + Path.PathSeparator + bin);

        Assert.Equal(python, plan.Executable);
    }

    [Fact]
    public void Without_an_interpreter_waitress_serve_is_found_on_path()
    {
        var bin = _root.CreateDirectory("bin");
        var command = _root.CreateExecutable("bin/waitress-serve");

        var plan = LaunchPlanner.Plan(Web(), _root.Path, EmptyPath + Path.PathSeparator + bin);

        Assert.Equal(command, plan.Executable);
        Assert.Equal(["--port=8000", "--threads=4", App], plan.Arguments);
    }

    [Fact]
    public void I_can_run_waitress_from_a_virtual_environment()
    {
        var command = _root.CreateExecutable("venv/bin/waitress-serve");
        var venv = Path.Combine(_root.Path, "venv");

        var plan = LaunchPlanner.Plan(Web(p => p.Venv = "venv"), _root.Path, "/usr/local/bin:/usr/bin");

        Assert.Equal(command, plan.Executable);
        Assert.Equal(["--port=8000", "--threads=4", App], plan.Arguments);
        Assert.Equal(venv, plan.Environment["VIRTUAL_ENV"]);
        Assert.Equal(Path.Combine(venv, "bin") + Path.PathSeparator + "/usr/local/bin:/usr/bin", plan.Environment["PATH"]);
    }

    [Fact]
    public void A_virtual_environment_without_waitress_serve_runs_waitress_through_its_python()
    {
        var python = _root.CreateExecutable("venv/bin/python");

        var plan = LaunchPlanner.Plan(Web(p => p.Venv = Path.Combine(_root.Path, "venv")), _root.Path, EmptyPath);

        Assert.Equal(python, plan.Executable);
        Assert.Equal(["-c", ServerBackends.Waitress.PythonEntryPoint!, "--port=8000", "--threads=4", App], plan.Arguments);
    }

    [Fact]
    public void A_virtual_environment_with_neither_waitress_nor_python_is_reported()
    {
        _root.CreateDirectory("venv/bin");

        var ex = Assert.Throws<ServerLaunchException>(() => LaunchPlanner.Plan(Web(p => p.Venv = "venv"), _root.Path, EmptyPath));

        Assert.Equal("web", ex.ProcessName);
        Assert.Contains("Process 'web'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_root.Path, "venv"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("waitress-serve", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_virtual_environment_that_is_not_there_is_reported_beside_Python_too()
    {
        // Python picks the interpreter, but the server still gets the venv as VIRTUAL_ENV and first on PATH.
        var python = _root.CreateExecutable("bin/python3");

        var ex = Assert.Throws<ServerLaunchException>(() => LaunchPlanner.Plan(Web(p => { p.Python = python; p.Venv = "/nonexistent/venv"; }), _root.Path, EmptyPath));

        Assert.Equal("Process 'web': the virtual environment (Venv) /nonexistent/venv has no bin directory. Create it with python3 -m venv, or remove Venv.", ex.Message);

        _root.CreateDirectory("venv/bin");
        var plan = LaunchPlanner.Plan(Web(p => { p.Python = python; p.Venv = "venv"; }), _root.Path, EmptyPath);
        Assert.Equal(python, plan.Executable);
        Assert.Equal(Path.Combine(_root.Path, "venv"), plan.Environment["VIRTUAL_ENV"]);
    }

    [Fact]
    public void Python_path_entries_are_made_absolute_against_the_content_root_and_put_first()
    {
        var inherited = Environment.GetEnvironmentVariable("PYTHONPATH");

        var plan = LaunchPlanner.Plan(Web(p =>
        {
            p.Python = "/usr/bin/python3";
            p.PythonPath.Add("src");
            p.PythonPath.Add("/opt/shared/lib");
        }), _root.Path, EmptyPath, requireExecutable: false);

        var expected = Path.Combine(_root.Path, "src") + Path.PathSeparator + "/opt/shared/lib";
        if (!string.IsNullOrEmpty(inherited))
        {
            expected += Path.PathSeparator + inherited; // the host's own PYTHONPATH still applies, after ours
        }

        Assert.Equal(expected, plan.Environment["PYTHONPATH"]);
    }

    [Fact]
    public void Output_is_unbuffered_so_log_lines_arrive_as_they_are_written()
    {
        var plan = LaunchPlanner.Plan(Web(p => p.Python = "/usr/bin/python3"), _root.Path, EmptyPath, requireExecutable: false);

        Assert.Equal("1", plan.Environment["PYTHONUNBUFFERED"]);
    }

    [Fact]
    public void My_environment_entries_win_over_the_ones_the_planner_adds()
    {
        var plan = LaunchPlanner.Plan(Web(p =>
        {
            p.Python = "/usr/bin/python3";
            p.PythonPath.Add("src");
            p.Environment["PYTHONUNBUFFERED"] = "0";
            p.Environment["PYTHONPATH"] = "/only/this";
            p.Environment["DJANGO_SETTINGS_MODULE"] = "mysite.settings";
        }), _root.Path, EmptyPath, requireExecutable: false);

        Assert.Equal("0", plan.Environment["PYTHONUNBUFFERED"]);
        Assert.Equal("/only/this", plan.Environment["PYTHONPATH"]);
        Assert.Equal("mysite.settings", plan.Environment["DJANGO_SETTINGS_MODULE"]);
    }

    [Fact]
    public void The_working_directory_defaults_to_the_content_root_and_a_relative_one_is_resolved_against_it()
    {
        var site = _root.CreateDirectory("site");

        var byDefault = LaunchPlanner.Plan(Web(p => p.Python = "/usr/bin/python3"), _root.Path, EmptyPath, requireExecutable: false);
        var relative = LaunchPlanner.Plan(Web(p => { p.Python = "/usr/bin/python3"; p.WorkingDirectory = "site"; }), _root.Path, EmptyPath, requireExecutable: false);

        Assert.Equal(Path.GetFullPath(_root.Path), byDefault.WorkingDirectory);
        Assert.Equal(site, relative.WorkingDirectory);
    }

    [Fact]
    public void A_missing_waitress_serve_is_reported_with_how_to_install_it()
    {
        var ex = Assert.Throws<ServerLaunchException>(() => LaunchPlanner.Plan(Web(), _root.Path, EmptyPath));

        Assert.Equal("web", ex.ProcessName);
        Assert.Contains("Process 'web'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("waitress-serve", ex.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install python3-waitress", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_interpreter_is_reported()
    {
        var ex = Assert.Throws<ServerLaunchException>(() => LaunchPlanner.Plan(Web(p => p.Python = "/nonexistent/python3"), _root.Path, EmptyPath));

        Assert.Contains("Process 'web'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/python3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_working_directory_is_reported_by_its_full_path()
    {
        var python = _root.CreateExecutable("bin/python3");

        var ex = Assert.Throws<ServerLaunchException>(() =>
            LaunchPlanner.Plan(Web(p => { p.Python = python; p.WorkingDirectory = "no-such-site"; }), _root.Path, EmptyPath));

        Assert.Contains("Process 'web'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_root.Path, "no-such-site"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_plan_prints_a_missing_command_as_configured()
    {
        var plan = LaunchPlanner.Plan(Web(p => p.WorkingDirectory = "no-such-site"), _root.Path, EmptyPath, requireExecutable: false);

        Assert.Equal("waitress-serve", plan.Executable);
        Assert.Equal($"waitress-serve --port=8000 --threads=4 {App}", plan.CommandLine);
    }
}
