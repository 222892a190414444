using System;
using System.Collections.Generic;
using System.IO;
using FluentValidation;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The launch shapes other than a console script, and the scrubbing of variables that feed a server's options.</summary>
public sealed class LaunchKindSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class ModuleBackend(LaunchKind kind, TimeSpan? stopSignalRepeat = null) : ServerBackend<WaitressArgs>
    {
        public override string Name => "Fake";
        public override TimeSpan? GetStopSignalRepeat(ProcessDefinition process) => stopSignalRepeat;
        public override string Command => kind == LaunchKind.DjangoManage ? "db_worker" : "fakeserver";
        public override string InstallHint => "pip install fakeserver";
        public override LaunchKind LaunchKind => kind;
        public override IReadOnlyList<string> ScrubbedEnvironment => ["FAKE_*", "BROKER_URL"];
        public override int StopSignal => 3;
        protected override IValidator<WaitressArgs> CreateArgsValidator() => new InlineValidator<WaitressArgs>();
    }

    private ProcessDefinition Process(LaunchKind kind, Action<ProcessDefinition>? configure = null)
    {
        var process = new ProcessDefinition("worker", new ModuleBackend(kind)) { App = "proj", Args = new WaitressArgs { Threads = 2 } };
        configure?.Invoke(process);
        return process;
    }

    private string PathWithPython3 => Path.GetDirectoryName(_root.CreateExecutable("bin/python3"))!;

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    [InlineData(99)]
    [InlineData(3_600_001)]
    public void A_backend_that_would_repeat_the_stop_signal_in_a_loop_or_never_is_refused_naming_the_process(int milliseconds)
    {
        var process = new ProcessDefinition("worker", new ModuleBackend(LaunchKind.PythonModule, TimeSpan.FromMilliseconds(milliseconds))) { App = "proj" };

        var error = Assert.Throws<ServerLaunchException>(() => LaunchPlanner.Plan(process, _root.Path, PathWithPython3, hostEnvironment: new Dictionary<string, string>()));

        Assert.Equal("worker", error.ProcessName);
        Assert.StartsWith("Process 'worker': the Fake backend repeats the stop signal every ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("it must be between 00:00:00.1000000 and 01:00:00.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backend_may_repeat_the_stop_signal_within_the_bounds()
    {
        var process = new ProcessDefinition("worker", new ModuleBackend(LaunchKind.PythonModule, TimeSpan.FromMilliseconds(100))) { App = "proj" };

        Assert.Equal(TimeSpan.FromMilliseconds(100), LaunchPlanner.Plan(process, _root.Path, PathWithPython3, hostEnvironment: new Dictionary<string, string>()).StopSignalRepeat);
    }

    [Fact]
    public void A_python_module_server_runs_as_python_dash_m_with_python3_from_PATH()
    {
        var plan = LaunchPlanner.Plan(Process(LaunchKind.PythonModule), _root.Path, PathWithPython3, hostEnvironment: new Dictionary<string, string>());

        Assert.Equal(Path.Combine(_root.Path, "bin", "python3"), plan.Executable);
        Assert.Equal(["-m", "fakeserver", "--threads=2", "proj"], plan.Arguments);
        Assert.Equal(3, plan.StopSignal);
    }

    [Fact]
    public void A_django_management_command_runs_manage_py_from_the_working_directory()
    {
        var python = _root.CreateExecutable("py/python3");
        _root.CreateDirectory("site");
        File.WriteAllText(Path.Combine(_root.Path, "site", "manage.py"), "");

        var plan = LaunchPlanner.Plan(Process(LaunchKind.DjangoManage, p => { p.Python = python; p.WorkingDirectory = "site"; }),
            _root.Path, _root.CreateDirectory("empty"), hostEnvironment: new Dictionary<string, string>());

        Assert.Equal(python, plan.Executable);
        Assert.Equal([Path.Combine(_root.Path, "site", "manage.py"), "db_worker", "--threads=2", "proj"], plan.Arguments);
    }

    [Fact]
    public void A_missing_manage_py_is_reported_with_the_process_and_the_setting()
    {
        var python = _root.CreateExecutable("py/python3");

        var error = Assert.Throws<ServerLaunchException>(() =>
            LaunchPlanner.Plan(Process(LaunchKind.DjangoManage, p => p.Python = python), _root.Path, _root.CreateDirectory("empty")));

        Assert.Contains("Process 'worker'", error.Message, StringComparison.Ordinal);
        Assert.Contains("manage.py does not exist (ManagePy)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WorkingDirectory")]
    [InlineData("Python")]
    public void A_missing_path_with_control_characters_is_reported_on_one_line_with_them_escaped(string setting)
    {
        var hostile = Path.Combine(_root.Path, "no\u001b[31mred\nnext");
        var process = Process(LaunchKind.PythonModule, p =>
        {
            if (setting == "WorkingDirectory")
            {
                p.WorkingDirectory = hostile;
            }
            else
            {
                p.Python = hostile;
            }
        });

        var error = Assert.Throws<ServerLaunchException>(() => LaunchPlanner.Plan(process, _root.Path, _root.CreateDirectory("empty")));

        Assert.Contains("no\\x1b[31mred\\nnext'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\u001b', error.Message);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_that_feed_the_server_options_are_removed_unless_the_process_sets_them()
    {
        var inherited = new Dictionary<string, string>
        {
            ["FAKE_PORT"] = "1", ["FAKE_LOGLEVEL"] = "debug", ["BROKER_URL"] = "redis://x", ["FAKEISH"] = "kept", ["HOME"] = "/root",
        };

        var plan = LaunchPlanner.Plan(Process(LaunchKind.PythonModule, p => p.Environment["FAKE_LOGLEVEL"] = "info"),
            _root.Path, PathWithPython3, hostEnvironment: inherited);

        Assert.Equal(["BROKER_URL", "FAKE_PORT"], plan.RemovedEnvironment);
        Assert.Equal("info", plan.Environment["FAKE_LOGLEVEL"]);
    }

    [Fact]
    public void Waitress_scrubs_nothing_and_stops_with_SIGTERM()
    {
        var process = new ProcessDefinition("web", ServerBackends.Waitress) { App = "a:b", Python = _root.CreateExecutable("py/python3") };

        var plan = LaunchPlanner.Plan(process, _root.Path, _root.CreateDirectory("empty"), hostEnvironment: new Dictionary<string, string> { ["X"] = "1" });

        Assert.Empty(plan.RemovedEnvironment);
        Assert.Equal(15, plan.StopSignal);
        Assert.Equal(ProcessDefinition.DefaultStopTimeout, process.EffectiveStopTimeout);
    }
}
