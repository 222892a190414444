using System;
using System.Collections.Generic;
using System.IO;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>A flag the installed server lacks is reported before launch, naming the process, the setting and the release it needs.</summary>
public sealed class ServerVersionCheckSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private static ProcessDefinition Web(ServerBackend backend, IServerArgs args) =>
        new("web", backend) { App = "mysite.wsgi:application", Args = args, Python = "/usr/bin/python3" };

    private static LaunchPlan Plan(ProcessDefinition process) =>
        LaunchPlanner.Plan(process, "/", requireExecutable: false, hostEnvironment: new Dictionary<string, string>());

    [Fact]
    public void A_flag_newer_than_the_installed_gunicorn_stops_the_start_with_the_release_it_needs()
    {
        var process = Web(ServerBackends.Gunicorn, new GunicornArgs { Workers = 2, LogConfigJson = "logging.json", PermitObsoleteFolding = true });

        var error = Assert.Throws<ServerLaunchException>(() => ServerVersionCheck.Ensure(process, Plan(process), (_, _) => "20.1.0"));

        Assert.Equal("web", error.ProcessName);
        Assert.Equal(
            "Process 'web': LogConfigJson (--log-config-json) needs gunicorn 21.0.0 or newer, but the installed gunicorn is 20.1.0. Upgrade gunicorn, or remove the setting. (ProdServer:Processes:web:Args:LogConfigJson)" +
            Environment.NewLine +
            "Process 'web': PermitObsoleteFolding (--permit-obsolete-folding) needs gunicorn 23.0.0 or newer, but the installed gunicorn is 20.1.0. Upgrade gunicorn, or remove the setting. (ProdServer:Processes:web:Args:PermitObsoleteFolding)",
            error.Message);
    }

    [Fact]
    public void A_newer_server_passes_and_its_version_is_returned()
    {
        var process = Web(ServerBackends.Gunicorn, new GunicornArgs { LogConfigJson = "logging.json" });

        Assert.Equal("26.1.0", ServerVersionCheck.Ensure(process, Plan(process), (_, _) => "26.1.0"));
    }

    [Fact]
    public void Nothing_is_probed_when_no_version_limited_setting_is_used()
    {
        // Switches set to false write nothing, so they need no particular release either.
        var process = Web(ServerBackends.Gunicorn, new GunicornArgs { Workers = 4, EnableBacklogMetric = false });

        var version = ServerVersionCheck.Ensure(process, Plan(process), (_, _) => throw new InvalidOperationException("probed for nothing"));

        Assert.Null(version);
    }

    [Fact]
    public void A_value_that_an_old_server_takes_differently_is_checked_too()
    {
        var process = Web(ServerBackends.Gunicorn, new GunicornArgs { ProxyProtocol = GunicornProxyProtocol.Auto });

        var error = Assert.Throws<ServerLaunchException>(() => ServerVersionCheck.Ensure(process, Plan(process), (_, _) => "20.1.0"));

        Assert.Contains("ProxyProtocol (--proxy-protocol=VALUE; older gunicorn takes only the bare switch, which ExtraArgs can pass) needs gunicorn 24.1.0 or newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_removed_from_newer_releases_is_reported_on_them()
    {
        var process = Web(ServerBackends.Gunicorn, new GunicornArgs { WorkerClass = "eventlet" });

        var error = Assert.Throws<ServerLaunchException>(() => ServerVersionCheck.Ensure(process, Plan(process), (_, _) => "26.1.0"));

        Assert.Contains("WorkerClass 'eventlet' (--worker-class=eventlet) needs gunicorn older than 26.0.0, but the installed gunicorn is 26.1.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_version_lets_the_server_speak_for_itself()
    {
        var process = Web(ServerBackends.Uvicorn, new UvicornArgs { TimeoutGracefulShutdown = 10 });

        Assert.Null(ServerVersionCheck.Ensure(process, Plan(process), (_, _) => null));
    }

    [Theory]
    [InlineData("20.1.0", "21.0.0", -1)]
    [InlineData("9.0", "20.1.0", -1)]
    [InlineData("0.17.6", "0.17.6", 0)]
    [InlineData("2.5", "2.5.0", 0)]
    [InlineData("26.1.0.post1", "26.1.0", 0)]
    [InlineData("1.0rc1", "0.9", 1)]
    public void Releases_compare_by_their_numbers(string left, string right, int sign)
    {
        Assert.Equal(sign, Math.Sign(VersionRequirement.CompareVersions(left, right)));
    }

    [Fact]
    public void The_version_is_read_with_the_interpreter_named_by_a_console_scripts_shebang()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // console scripts are .exe launchers there, without a #! line
        }

        // A stand-in interpreter that answers like importlib.metadata would, and records what it was asked.
        var python = _root.CreateExecutable("bin/fakepython3");
        File.WriteAllText(python, "#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/asked\"\necho 20.1.0\n");
        var script = Path.Combine(_root.Path, "bin", "gunicorn");
        File.WriteAllText(script, $"#!{python}\nraise SystemExit('not run')\n");
        var plan = new LaunchPlan("web", script, ["--workers=2", "mysite.wsgi:application"], _root.Path, new Dictionary<string, string>());

        var version = ServerVersionCheck.ReadInstalledVersion(plan, "gunicorn");

        Assert.Equal("20.1.0", version);
        Assert.EndsWith("m.version(sys.argv[1])) gunicorn", File.ReadAllText(Path.Combine(_root.Path, "bin", "asked")).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_console_script_that_is_not_python_has_no_version_to_read()
    {
        var script = _root.CreateExecutable("bin/gunicorn");
        File.WriteAllText(script, "#!/bin/sh\nexit 0\n");
        var plan = new LaunchPlan("web", script, ["mysite.wsgi:application"], _root.Path, new Dictionary<string, string>());

        Assert.Null(ServerVersionCheck.ReadInstalledVersion(plan, "gunicorn"));
    }

    // A distribution installed beside the app (PYTHONPATH), read by the real interpreter's importlib.metadata.
    private LaunchPlan PlanWithDistribution(string version, string? sitecustomize = null)
    {
        var site = Path.Combine(_root.Path, "site");
        var info = Directory.CreateDirectory(Path.Combine(site, "hostile-1.0.dist-info")).FullName;
        File.WriteAllText(Path.Combine(info, "METADATA"), $"Metadata-Version: 2.1\nName: hostile\nVersion: {version}\n");
        if (sitecustomize is not null)
        {
            File.WriteAllText(Path.Combine(site, "sitecustomize.py"), sitecustomize);
        }

        return new LaunchPlan("web", "/usr/bin/python3", ["-m", "hostile"], _root.Path, new Dictionary<string, string> { ["PYTHONPATH"] = site });
    }

    [Fact]
    public void A_real_interpreter_reads_a_local_version_as_it_is()
    {
        Assert.Equal("2.0.post1+deb12_u1", ServerVersionCheck.ReadInstalledVersion(PlanWithDistribution("2.0.post1+deb12_u1"), "hostile"));
    }

    [Fact]
    public void A_version_holding_an_escape_sequence_is_no_version_and_never_reaches_a_message()
    {
        Assert.Null(ServerVersionCheck.ReadInstalledVersion(PlanWithDistribution("1.0\u001b[2J\u001b]0;owned\u0007"), "hostile"));
    }

    [Fact]
    public void An_interpreter_that_prints_megabytes_first_is_read_no_further_than_a_version_could_be()
    {
        var plan = PlanWithDistribution("1.0", "import sys\nsys.stdout.write('9' * 8_000_000 + '\\n')\n");

        Assert.Null(ServerVersionCheck.ReadInstalledVersion(plan, "hostile"));
    }

    [Theory]
    [InlineData("20.1.0", true)]
    [InlineData("1!2.0rc1.dev3+local.7", true)]
    [InlineData("v1.0", false)]
    [InlineData("", false)]
    [InlineData("1.0 extra", false)]
    [InlineData("1.0\n2.0", false)]
    [InlineData("1.0\u001b[31m", false)]
    public void A_version_is_a_digit_then_pep_440_characters_only(string text, bool expected)
    {
        Assert.Equal(expected, ServerVersionCheck.IsVersion(text));
    }

    [Fact]
    public void A_version_longer_than_any_real_one_is_no_version()
    {
        Assert.True(ServerVersionCheck.IsVersion("1." + new string('0', 62)));
        Assert.False(ServerVersionCheck.IsVersion("1." + new string('0', 63)));
    }
}
