using System;
using System.IO;
using System.Linq;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// How <c>manage</c> starts manage.py for a process: the interpreter on the server's <c>#!</c> line, manage.py from the
/// working directory or <c>ManagePy</c>, the server's environment, the caller's streams; and the one line when the Python
/// is not known or there is no manage.py. (Run for real, with the sample's launcher and Django: Integration.Tests.)
/// </summary>
public sealed class ManageCommandSpecs
{
    private static readonly string Site = Path.Combine(Repository.Root, "samples", "Quickstart", "app");

    [Fact]
    public void Manage_py_runs_on_the_servers_python_in_its_directory_and_environment_with_the_callers_streams()
    {
        var process = Options.Resolve(o => o.UseWaitress("mysite.wsgi:application").WorkingDirectory(Site).Environment("DJANGO_SETTINGS_MODULE", "mysite.settings")).Processes[0];

        var info = ManageCommand.StartInfo(process, Site, ["migrate", "--noinput"]);

        Assert.Equal("/usr/bin/python3", info.FileName); // waitress-serve's #! line (Debian's)
        Assert.Equal(["manage.py", "migrate", "--noinput"], info.ArgumentList.ToArray()); // as configured, from the working directory
        Assert.Equal(Site, info.WorkingDirectory);
        Assert.Equal("mysite.settings", info.Environment["DJANGO_SETTINGS_MODULE"]);
        Assert.False(info.RedirectStandardInput || info.RedirectStandardOutput || info.RedirectStandardError);
    }

    [Fact]
    public void A_server_that_is_no_python_program_or_a_missing_manage_py_is_one_line_naming_the_process_and_the_key()
    {
        var uwsgi = Options.Resolve(o => o.Process("api").UseUwsgi("mysite.wsgi:application", u => u with { Master = true, HttpSocket = ["127.0.0.1:8000"] }).WorkingDirectory(Site)).Processes[0];
        var elsewhere = Options.Resolve(o => o.UseWaitress("mysite.wsgi:application").WorkingDirectory(Site).ManagePy("nope/manage.py")).Processes[0];

        var noPython = Assert.Throws<ServerLaunchException>(() => ManageCommand.StartInfo(uwsgi, Site, ["check"]));
        var noManagePy = Assert.Throws<ServerLaunchException>(() => ManageCommand.StartInfo(elsewhere, Site, ["check"]));

        Assert.Matches(@"^Process 'api': \S*uwsgi is not a Python script, so the Python that would run manage\.py is not known; set Python or Venv on the process \(ProdServer:Processes:api:Python\), or name a process whose server is a Python program \(--process NAME\)\.$", noPython.Message);
        Assert.Equal($"Process 'web': {Path.Combine(Site, "nope", "manage.py")} does not exist (ManagePy); set WorkingDirectory to the Django project, or ManagePy to its manage.py.", noManagePy.Message);
    }
}
