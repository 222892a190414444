using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A sandboxed unit still sees what it runs from: an app published in a home or /tmp (the template's next step, run in
/// ~/src/site) is bound into the sandbox instead of hidden by ProtectHome=/PrivateTmp=, which made the service fail at its
/// start; and what a dynamic user could not read on this machine is said when exporting.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SystemdSandboxPathsSpecs : IDisposable
{
    // Made here rather than in the temporary directory, which may be anywhere: these tests are about /tmp itself.
    private readonly string _directory = Directory.CreateDirectory(Path.Combine("/tmp", "prodserver-sandbox-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ProcessDefinition Web() =>
        new("web", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "0.0.0.0", Port = 8000 } };

    private static (string Unit, List<string> Notes) Export(Deployment deployment)
    {
        var notes = new List<string>();
        var unit = Exporter.Export(ExportTarget.Systemd, deployment, notes)[0].Content;
        return (unit, notes);
    }

    private static string[] Lines(string unit, string setting) =>
        unit.Split('\n').Where(l => l.StartsWith(setting + "=", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void An_app_published_in_a_home_is_bound_in_read_only_over_empty_homes()
    {
        var (unit, notes) = Export(new Deployment("site", ["/home/alice/src/site/publish/site"], "/home/alice/src/site/publish", [Web()]));

        Assert.Equal(["ProtectHome=tmpfs"], Lines(unit, "ProtectHome"));
        Assert.Equal(["BindReadOnlyPaths=\"-/home/alice/src/site/publish\""], Lines(unit, "BindReadOnlyPaths"));
        Assert.Empty(Lines(unit, "BindPaths"));
        Assert.Contains(notes, n => n.StartsWith("process 'web': the sandbox hides homes and /tmp", StringComparison.Ordinal)
            && n.Contains("/home/alice/src/site/publish (BindReadOnlyPaths=; ProtectHome=tmpfs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_virtualenv_a_python_and_a_pythonpath_in_homes_are_bound_once_each()
    {
        var web = Web();
        web.Venv = "/home/alice/.venvs/site";
        web.Python = "/root/.pyenv/versions/3.11.7/bin/python3";
        web.PythonPath.Add("/home/alice/.venvs/site/extra"); // inside the virtualenv: bound with it
        web.PythonPath.Add("/home/alice/lib dir:1");

        var (unit, _) = Export(new Deployment("site", ["/srv/site/site"], "/srv/site", [web]));

        Assert.Equal(
            ["BindReadOnlyPaths=\"-/home/alice/.venvs/site\" \"-/root/.pyenv/versions/3.11.7\" \"-/home/alice/lib dir:1\""],
            Lines(unit, "BindReadOnlyPaths"));
        Assert.Equal(["ProtectHome=tmpfs"], Lines(unit, "ProtectHome"));
    }

    [Theory]
    [MemberData(nameof(UnixSocketServers.All), MemberType = typeof(UnixSocketServers))]
    public void The_directory_of_every_servers_unix_socket_is_left_writable_in_the_unit_and_the_pod(string server)
    {
        // The export kept its own list of socket settings, which knew gunicorn, uvicorn, waitress and granian only: under
        // ProtectSystem=strict or a read-only pod, hypercorn, daphne and uWSGI could not create their socket.
        var deployment = new Deployment("site", ["/srv/site/site"], "/srv/site", [UnixSocketServers.Of(server, "/run/site-" + server + "/web.sock")]);

        var (unit, _) = Export(deployment);

        Assert.Equal([$"ReadWritePaths=\"-/run/site-{server}\""], Lines(unit, "ReadWritePaths"));
        Assert.Contains(("writable-1", $"/run/site-{server}"), KubernetesDefaults.WritableVolumes(deployment.Processes[0]));
    }

    [Fact]
    public void A_directory_written_below_tmp_or_below_another_written_directory_is_a_volume_of_its_own_in_the_pod()
    {
        // An emptyDir starts empty: /tmp/celery did not exist in the pod's /tmp, and the beat was refused at every start.
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat)
        {
            App = "proj",
            Args = new CeleryBeatArgs { Schedule = "/tmp/celery/celerybeat-schedule", LogFile = "/var/log/shop/beat/beat.log", PidFile = "/var/log/shop/beat.pid" },
        };

        var volumes = KubernetesDefaults.WritableVolumes(beat);

        Assert.Equal(["/tmp", "/tmp/celery", "/var/log/shop", "/var/log/shop/beat"], volumes.Select(v => v.Path).Order(StringComparer.Ordinal));
        Assert.Equal(volumes.Count, volumes.Select(v => v.Name).Distinct().Count());
        Assert.Equal(volumes.Select(v => v.Path.Count(c => c == '/')).Order(), volumes.Select(v => v.Path.Count(c => c == '/'))); // parents first
        Assert.Equal("tmp", volumes.Single(v => v.Path == "/tmp").Name);
    }

    [Fact]
    public void A_directory_written_in_tmp_is_bound_in_writable_and_homes_stay_inaccessible()
    {
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj", Args = new CeleryBeatArgs { Schedule = "/var/tmp/shop/schedule" } };

        var (unit, _) = Export(new Deployment("shop", ["/srv/shop/shop"], "/srv/shop", [beat]));

        Assert.Equal(["BindPaths=\"-/var/tmp/shop\""], Lines(unit, "BindPaths"));
        Assert.Empty(Lines(unit, "ReadWritePaths"));
        Assert.Equal(["ProtectHome=yes"], Lines(unit, "ProtectHome"));
    }

    [Fact]
    public void A_program_linked_from_a_hidden_directory_binds_where_the_link_leads_too()
    {
        var dotnetRoot = Directory.CreateDirectory(Path.Combine(_directory, "dotnet-root")).FullName;
        File.WriteAllText(Path.Combine(dotnetRoot, "dotnet"), "");
        var bin = Directory.CreateDirectory(Path.Combine(_directory, "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "dotnet"), Path.Combine(dotnetRoot, "dotnet"));

        var (unit, _) = Export(new Deployment("site", [Path.Combine(bin, "dotnet"), "/srv/site/site.dll"], "/srv/site", [Web()]));

        Assert.Equal([$"BindReadOnlyPaths=\"-{bin}\" \"-{dotnetRoot}\""], Lines(unit, "BindReadOnlyPaths"));
    }

    [Fact]
    public void A_link_leading_to_a_path_with_a_line_break_is_refused_not_written()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_directory, "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "dotnet"), "/tmp/x\nExecStartPre=/bin/sh -c id/dotnet");

        var refused = Assert.Throws<ExportRefusedException>(() => Export(new Deployment("site", [Path.Combine(bin, "dotnet"), "/srv/site/site.dll"], "/srv/site", [Web()])));

        Assert.StartsWith("process 'web': --exec (where its link leads) '/tmp/x\\nExecStartPre=/bin/sh -c id/dotnet' holds a newline", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_installed_outside_homes_and_tmp_binds_nothing_and_says_nothing()
    {
        var web = Web();
        web.Venv = "/srv/site/.venv";
        web.Python = "python3"; // looked up on the service's PATH, which holds only system directories

        // A deployment built in code compares no PATH (the export command gives it the shell's): another subject.
        var (unit, notes) = Export(new Deployment("site", ["/usr/bin/dotnet", "/srv/site/site.dll"], "/srv/site", [web]));

        Assert.Equal(["ProtectHome=yes"], Lines(unit, "ProtectHome"));
        Assert.Empty(Lines(unit, "BindReadOnlyPaths"));
        Assert.Empty(Lines(unit, "BindPaths"));
        Assert.Empty(notes);
    }

    [Fact]
    public void A_content_root_that_is_tmp_itself_is_said_not_bound()
    {
        var (unit, notes) = Export(new Deployment("site", ["/srv/site/site"], "/tmp", [Web()]));

        Assert.Empty(Lines(unit, "BindReadOnlyPaths"));
        Assert.Contains(notes, n => n.StartsWith("process 'web': the unit needs /tmp, which its sandbox hides or replaces", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_hardening_nothing_is_bound_or_said()
    {
        var (unit, notes) = Export(new Deployment("site", ["/home/alice/site/site"], "/home/alice/site", [Web()]) { Hardening = ExportHardening.None });

        Assert.DoesNotContain("Bind", unit, StringComparison.Ordinal);
        Assert.Empty(notes);
    }

    [Fact]
    public void A_directory_a_dynamic_user_cannot_read_is_named_with_its_mode()
    {
        // Bound into the sandbox, so the directories above it there are the sandbox's own: only its own mode counts.
        var publish = Directory.CreateDirectory(Path.Combine(_directory, "site", "publish")).FullName;
        File.SetUnixFileMode(publish, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var deployment = new Deployment("site", [Path.Combine(publish, "site")], publish, [Web()]);

        var (_, notes) = Export(deployment);
        var (_, withUser) = Export(deployment with { User = "alice" });

        Assert.Contains(notes, n => n == $"process 'web': the unit runs as a dynamic user (no --user), which cannot read {publish} (--exec): {publish} is mode 0700. "
            + "Export with --user and an account that can read it, or let others read it (chmod o+rX).");
        Assert.DoesNotContain(withUser, n => n.Contains("dynamic user", StringComparison.Ordinal));
    }

    [Fact]
    public void A_directory_a_dynamic_user_cannot_write_is_named_with_the_setting_that_writes_it()
    {
        var state = Directory.CreateDirectory(Path.Combine(_directory, "state")).FullName;
        File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj", Args = new CeleryBeatArgs { Schedule = Path.Combine(state, "schedule") } };

        var (_, notes) = Export(new Deployment("shop", ["/srv/shop/shop"], "/srv/shop", [beat]));

        Assert.Contains(notes, n => n == $"process 'beat': the unit runs as a dynamic user (no --user), which cannot write {state} (Args:Schedule): {state} is mode 0755. "
            + "Export with --user and an account that owns it, or add StateDirectory= in a drop-in (docs/deploy.md).");
    }

    [Fact]
    public void Directories_others_may_read_raise_nothing_about_the_dynamic_user()
    {
        var publish = Directory.CreateDirectory(Path.Combine(_directory, "site", "publish")).FullName;
        foreach (var directory in new[] { _directory, Path.GetDirectoryName(publish)!, publish })
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }

        var (_, notes) = Export(new Deployment("site", [Path.Combine(publish, "site")], publish, [Web()]));

        Assert.DoesNotContain(notes, n => n.Contains("dynamic user", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_the_app_reads_at_start_in_a_home_or_tmp_are_bound_in_read_only_each_alone()
    {
        // The app reads its EnvFiles, the export's --env-file and a ManagePy itself, inside the sandbox: hidden, the
        // process stopped at every start ("EnvFile ... does not exist") although the export said nothing.
        var web = Web();
        web.EnvFiles.Add("/tmp/site/secrets.env");
        web.EnvFiles.Add("/srv/site/shared.env"); // visible anyway: nothing to bind
        web.WorkingDirectory = "app";
        web.ManagePy = "/home/alice/tools/manage.py";

        var (unit, notes) = Export(new Deployment("site", ["/srv/site/site"], "/srv/site", [web]) { EnvFiles = ["/home/alice/site.env"] });

        Assert.Equal(
            ["BindReadOnlyPaths=\"-/tmp/site/secrets.env\" \"-/home/alice/site.env\" \"-/home/alice/tools/manage.py\""],
            Lines(unit, "BindReadOnlyPaths"));
        Assert.Contains(notes, n => n.StartsWith("process 'web': the sandbox hides homes and /tmp", StringComparison.Ordinal)
            && n.Contains("/tmp/site/secrets.env", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gunicorn_config_file_in_a_home_is_bound_in_read_only()
    {
        var api = new ProcessDefinition("api", ServerBackends.Gunicorn)
        {
            App = "mysite.wsgi:application",
            WorkingDirectory = "/srv/site/app",
            Args = new GunicornArgs { Bind = ["0.0.0.0:8000"], Config = "../../../home/alice/gunicorn.conf.py" },
        };
        var module = new ProcessDefinition("admin", ServerBackends.Gunicorn)
        {
            App = "mysite.wsgi:application",
            Args = new GunicornArgs { Bind = ["0.0.0.0:8001"], Config = "python:mysite.gunicorn_conf" },
        };

        var (unit, _) = Export(new Deployment("site", ["/srv/site/site"], "/srv/site", [api]));
        var (moduleUnit, _) = Export(new Deployment("site", ["/srv/site/site"], "/srv/site", [module]));

        Assert.Equal(["BindReadOnlyPaths=\"-/home/alice/gunicorn.conf.py\""], Lines(unit, "BindReadOnlyPaths"));
        Assert.Empty(Lines(moduleUnit, "BindReadOnlyPaths"));
    }

    [Fact]
    public void An_env_file_a_dynamic_user_cannot_read_is_named_with_its_mode()
    {
        // The usual secrets file, -rw------- root: the dynamic user's app could not read it and the unit failed at start.
        var secrets = Path.Combine(_directory, "secrets.env");
        File.WriteAllText(secrets, "SECRET=1\n");
        File.SetUnixFileMode(_directory, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(secrets, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var web = Web();
        web.EnvFiles.Add(secrets);

        var (_, notes) = Export(new Deployment("site", ["/srv/site/site"], "/srv/site", [web]));
        File.SetUnixFileMode(secrets, (UnixFileMode)0b110_100_100);
        var (_, readable) = Export(new Deployment("site", ["/srv/site/site"], "/srv/site", [web]));

        Assert.Contains(notes, n => n == $"process 'web': the unit runs as a dynamic user (no --user), which cannot read {secrets} (EnvFile): {secrets} is mode 0600. "
            + "Export with --user and an account that can read it, or let others read it (chmod o+rX).");
        Assert.DoesNotContain(readable, n => n.Contains("dynamic user", StringComparison.Ordinal));
    }
}
