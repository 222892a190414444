using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A server command found on the exporting shell's PATH (an activated virtualenv) is not what a unit's PATH finds: the
/// export says so, naming Venv and Python, instead of writing a unit that silently runs the system's gunicorn.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ExportServicePathSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prodserver-servicepath-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // A virtualenv's bin as an activated venv puts it first on PATH, with its own gunicorn console script.
    private string ActivatedVenvBin()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_directory, "venv", "bin")).FullName;
        var gunicorn = Path.Combine(bin, "gunicorn");
        File.WriteAllText(gunicorn, "#!/bin/sh\nexec /usr/bin/gunicorn \"$@\"\n");
        File.SetUnixFileMode(gunicorn, (UnixFileMode)0b111_101_101);
        return bin;
    }

    private static ProcessDefinition Api() =>
        new("api", ServerBackends.Gunicorn) { App = "mysite.wsgi:application", Args = new GunicornArgs { Bind = ["0.0.0.0:8000"] } };

    private Deployment Shop(ProcessDefinition process, string launcherPath) =>
        new("shop", ["/srv/shop/shop"], _directory, [process]) { LauncherPath = launcherPath, User = "shop" };

    [Theory]
    [InlineData(ExportTarget.Systemd, "the unit's PATH")]
    [InlineData(ExportTarget.Supervisord, "supervisord's PATH as a system service")]
    public void A_command_found_in_the_shells_virtualenv_but_not_on_the_services_path_is_said_naming_venv(ExportTarget target, string whosePath)
    {
        Assert.True(File.Exists("/usr/bin/gunicorn"), "Debian's gunicorn is not installed (apt-get install -y gunicorn).");
        var bin = ActivatedVenvBin();
        var notes = new List<string>();

        Exporter.Export(target, Shop(Api(), bin + ":" + ServicePath.SystemdDefault), notes);

        Assert.Contains($"process 'api': the launcher here runs {bin}/gunicorn (found on this shell's PATH), but {whosePath} "
            + $"({ServicePath.SystemdDefault}) finds /usr/bin/gunicorn: set Venv to the virtual environment (or Python to the interpreter) that has the server, then export again.",
            notes);
    }

    [Fact]
    public void A_command_no_service_path_has_is_said_as_not_found()
    {
        // A bare Python name is looked up on PATH too: here only the shell's virtualenv has it.
        var bin = ActivatedVenvBin();
        var python = Path.Combine(bin, "python-prodserver-only-here");
        File.WriteAllText(python, "#!/bin/sh\nexec /usr/bin/python3 \"$@\"\n");
        File.SetUnixFileMode(python, (UnixFileMode)0b111_101_101);
        var api = Api();
        api.Python = "python-prodserver-only-here";
        var notes = new List<string>();

        Exporter.Export(ExportTarget.Systemd, Shop(api, bin + ":" + ServicePath.SystemdDefault), notes);

        var note = Assert.Single(notes, n => n.Contains("shell's PATH", StringComparison.Ordinal));
        Assert.Contains($"runs {python} (found on this shell's PATH)", note, StringComparison.Ordinal);
        Assert.Contains("finds no python-prodserver-only-here: set Venv", note, StringComparison.Ordinal);
    }

    [Fact]
    public void With_venv_set_or_the_same_path_nothing_is_said()
    {
        var bin = ActivatedVenvBin();
        var inVenv = Api();
        inVenv.Venv = Path.GetDirectoryName(bin);
        var notes = new List<string>();

        Exporter.Export(ExportTarget.Systemd, Shop(inVenv, bin + ":" + ServicePath.SystemdDefault), notes);
        Exporter.Export(ExportTarget.Systemd, Shop(Api(), ServicePath.SystemdDefault), notes);

        Assert.DoesNotContain(notes, n => n.Contains("shell's PATH", StringComparison.Ordinal));
    }
}
