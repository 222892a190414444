using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <c>--check</c> outside Development runs Django's deployment checklist (<c>manage.py check --deploy</c>) for a Django
/// project's web servers, with the interpreter and environment the server gets: its warnings are said, a project that
/// does not load fails the check. Run for real on the sample's Django site, with Debian's Python and Django.
/// </summary>
public sealed class DjangoDeployCheckSpecs
{
    private const string Python = "/usr/bin/python3";

    private static readonly string Site = Path.Combine(Repository.Root, "samples", "Quickstart", "app");

    private static void Web(ProdServerBuilder o) => o.UseWaitress("mysite.wsgi:application").Python(Python).Environment("DJANGO_SETTINGS_MODULE", "mysite.settings");

    private static int Headings(string output) => Regex.Matches(output, "Django's deployment checklist").Count;

    [Fact]
    public async Task Outside_Development_a_Django_web_server_gets_Djangos_deployment_checklist_and_its_warnings_are_said()
    {
        var (code, output, error) = await EntryPoint.RunAsync(Site, Web, null, "--check");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"web: Django's deployment checklist ({Python} manage.py check --deploy) says, before this project serves the public:\n", output, StringComparison.Ordinal);
        // The sample's settings leave out the security middleware and use a short SECRET_KEY.
        Assert.Contains("\nweb:   ?: (security.W009) Your SECRET_KEY has less than 50 characters", output, StringComparison.Ordinal);
        Assert.DoesNotContain("System check identified", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_project_is_checked_once_however_many_servers_serve_it()
    {
        var (code, output, error) = await EntryPoint.RunAsync(Site, o =>
        {
            Web(o);
            o.Process("admin").UseWaitress("mysite.wsgi:application", w => w with { Port = 8001 }).Python(Python).Environment("DJANGO_SETTINGS_MODULE", "mysite.settings");
        }, null, "--check", "--all");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal(1, Headings(output));
    }

    // settings_helper's helpers carry the tag; settings_untracked's cleared its environment and is found by the pipes it holds.
    [Theory]
    [InlineData("prodsite.settings_helper")]
    [InlineData("prodsite.settings_untracked")]
    public async Task Helpers_the_settings_leave_running_are_stopped_and_the_checklist_is_not_held_up_by_them(string settings)
    {
        // manage.py check --deploy imports the settings: a helper they started held its pipes, the check waited its 60 s
        // bound, said it "could not run or did not finish in time", and the helpers were left running.
        var site = Path.Combine(Repository.Root, "tests", "Config.Tests", "Fixtures", "prodserver_site");
        using var temporary = new TemporaryDirectory();
        var pidFile = Path.Combine(temporary.Path, "helpers.pid");
        var helpers = new List<int>();
        try
        {
            var (code, output, error) = await EntryPoint.RunAsync(site, o => o.UseWaitress("prodsite.wsgi:application").Python(Python)
                .Environment("DJANGO_SETTINGS_MODULE", settings).Environment("PRODSERVER_TEST_PIDFILE", pidFile), null, "--check");
            helpers.AddRange((await File.ReadAllTextAsync(pidFile)).Split(' ').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)));

            Assert.True(code == ExitCodes.Ok, error);
            Assert.Contains($"web: Django's deployment checklist ({Python} manage.py check --deploy) says", output, StringComparison.Ordinal);
            Assert.All(helpers, pid => Assert.False(ProcessLiveness.Running(pid), $"helper {pid} was left running"));
        }
        finally
        {
            foreach (var pid in helpers.Where(ProcessLiveness.Running))
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill(); // the old code left them
            }
        }
    }

    [Fact]
    public async Task Development_gets_no_deployment_checklist()
    {
        var (code, output, error) = await EntryPoint.RunAsync(Site, Web, null, "--check", "--environment", "Development");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal(0, Headings(output));
    }

    [Fact]
    public async Task A_project_whose_settings_do_not_load_fails_the_check_with_the_end_of_djangos_answer()
    {
        var (code, _, error) = await EntryPoint.RunAsync(
            Site, o => o.UseWaitress("mysite.wsgi:application").Python(Python).Environment("DJANGO_SETTINGS_MODULE", "mysite.no_such_settings"), null, "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains($"Process 'web': Django's deployment checklist failed (exit code 1): {Python} manage.py check --deploy\n", error, StringComparison.Ordinal);
        Assert.Contains("No module named 'mysite.no_such_settings'", error, StringComparison.Ordinal);
        Assert.EndsWith("Process 'web': DJANGO_SETTINGS_MODULE names mysite.no_such_settings, which Python could not import: check the name, or set WorkingDirectory to the directory that holds it, where manage.py is, or add its parent to PythonPath.\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_whose_manage_py_is_set_by_ManagePy_gets_the_checklist_too()
    {
        var elsewhere = Directory.CreateTempSubdirectory("prodserver-deploy-").FullName;
        try
        {
            var managePy = Path.Combine(Site, "manage.py");
            var process = Options.Resolve(Web).Processes[0];
            process.WorkingDirectory = elsewhere;
            process.ManagePy = managePy;

            var deploy = DjangoDeployCheck.For(process, LaunchPlanner.Plan(process, Site));

            Assert.NotNull(deploy);
            Assert.Equal([managePy, "check", "--deploy"], deploy.Arguments);
            Assert.Equal(elsewhere, deploy.WorkingDirectory);
        }
        finally
        {
            Directory.Delete(elsewhere);
        }
    }

    [Fact]
    public void The_report_keeps_the_issues_without_headings_and_escapes_what_a_project_chose()
    {
        var issues = DjangoDeployCheck.Issues("System check identified some issues:\n\nWARNINGS:\n?: (security.W004) HSTS\nmyapp.M: (myapp.W001) bad \u001b[2J name\r\n\nSystem check identified 2 issues (0 silenced).\n");

        Assert.Equal(["?: (security.W004) HSTS", "myapp.M: (myapp.W001) bad \\x1b[2J name"], issues);
    }
}
