using System;
using System.IO;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using static ProdServer.Config.Tests.Infrastructure.CheckedProject;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <c>--check</c> of a celery beat (or a worker with Beat) imports the scheduler class beat would import at start, in the
/// check celery already runs: a <c>django_celery_beat.schedulers:DatabaseScheduler</c> whose package is missing passed,
/// and every start then failed with <c>No module named 'django_celery_beat'</c>. So does a worker's green pool, and
/// flower's login handler class (AuthProvider), after celery is asked whether it has flower's command. Run for real with
/// Debian's celery 5.2, which has neither django-celery-beat nor flower; no broker is contacted (nothing listens on port 1).
/// </summary>
public sealed class CeleryImportCheckSpecs : IDisposable
{
    private const string Broker = "redis://127.0.0.1:1/0";

    private const string DatabaseScheduler = "django_celery_beat.schedulers:DatabaseScheduler";

    // Its scratch directory is the flower specs' PYTHONPATH: a login handler module of the project's own, and, in some, a
    // stand-in for flower (pip's layout: the package, and the dist-info whose entry point gives celery its flower command).
    private readonly CheckedProject _site = CheckedProject.InCommandSite();

    public CeleryImportCheckSpecs() =>
        _site.Write("site_auth.py", "class CompanyLoginHandler:\n    \"\"\"Stands in for a flower login handler.\"\"\"\n");

    public void Dispose() => _site.Dispose();

    private void InstallFlower(string command = "import click\n\n\n@click.command()\ndef flower():\n    \"\"\"Stands in for flower's command.\"\"\"\n")
    {
        _site.Write(Path.Combine("flower", "__init__.py"), "");
        _site.Write(Path.Combine("flower", "command.py"), command);
        _site.Write(Path.Combine("flower-2.0.1.dist-info", "METADATA"), "Metadata-Version: 2.1\nName: flower\nVersion: 2.0.1\n");
        _site.Write(Path.Combine("flower-2.0.1.dist-info", "entry_points.txt"), "[celery.commands]\nflower = flower.command:flower\n");
    }

    private Task<(int Code, string Output, string Error)> CheckFlowerAsync(string authProvider) =>
        _site.CheckAsync(o => o.Process("flower").UseCeleryFlower("cmdsite.celery_app:app", f => f with
        {
            Broker = Broker, Address = "127.0.0.1", Port = 19206, Auth = ".*@example\\.com", AuthProvider = authProvider,
        }).Python(Python).PythonPath(_site.Scratch));

    [Fact]
    public async Task A_scheduler_whose_package_is_missing_fails_the_check_of_a_beat_and_of_a_worker_with_beat_naming_the_key()
    {
        // One schedule has one beat: the two are checked one at a time.
        var beat = await _site.CheckAsync(o => o.Process("beat").UseCeleryBeat("cmdsite.celery_app:app", b => b with { Broker = Broker, Scheduler = DatabaseScheduler }).Python(Python));
        var worker = await _site.CheckAsync(o => o.Process("worker").UseCeleryWorker("cmdsite.celery_app:app", w => w with { Broker = Broker, Beat = true, Scheduler = DatabaseScheduler }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, beat.Code);
        Assert.Equal(
            [$"Process 'beat': Args:Scheduler '{DatabaseScheduler}', which celery imports at start, cannot be imported by {Python}: ModuleNotFoundError: No module named 'django_celery_beat'."],
            EntryPoint.Lines(beat.Error));
        Assert.Equal(ExitCodes.InvalidConfiguration, worker.Code);
        Assert.Equal(
            [$"Process 'worker': Args:Scheduler '{DatabaseScheduler}', which celery imports at start, cannot be imported by {Python}: ModuleNotFoundError: No module named 'django_celery_beat'."],
            EntryPoint.Lines(worker.Error));
    }

    [Theory]
    [InlineData(CeleryPool.Gevent, "gevent")]
    [InlineData(CeleryPool.Eventlet, "eventlet")]
    public async Task A_green_pool_whose_package_is_missing_fails_the_check_of_a_worker(CeleryPool pool, string module)
    {
        // Debian's python3 has neither gevent nor eventlet; celery imports the pool's package before anything else.
        var (code, _, error) = await _site.CheckAsync(o => o.Process("worker").UseCeleryWorker("cmdsite.celery_app:app", w => w with { Broker = Broker, Pool = pool }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [$"Process 'worker': Args:Pool '{module}', which celery imports at start, cannot be imported by {Python}: ModuleNotFoundError: No module named '{module}'."],
            EntryPoint.Lines(error));
    }

    [Fact]
    public async Task Without_a_scheduler_set_the_one_the_apps_beat_scheduler_setting_names_is_imported()
    {
        var (code, _, error) = await _site.CheckAsync(o => o.Process("beat").UseCeleryBeat("cmdsite.celery_app:db_app", b => b with { Broker = Broker }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [$"Process 'beat': the class the app's beat_scheduler setting names (Args:Scheduler is not set), which celery imports at start, cannot be imported by {Python}: ModuleNotFoundError: No module named 'django_celery_beat'."],
            EntryPoint.Lines(error));
    }

    [Fact]
    public async Task A_scheduler_that_imports_passes_and_a_worker_without_beat_does_not_import_one()
    {
        var (code, output, error) = await _site.CheckAsync(o =>
        {
            o.Process("beat").UseCeleryBeat("cmdsite.celery_app:app", b => b with { Broker = Broker, Scheduler = "celery.beat:PersistentScheduler", Schedule = "/tmp/psc-j2-beat-schedule" }).Python(Python);
            o.Process("worker").UseCeleryWorker("cmdsite.celery_app:db_app", w => w with { Broker = Broker }).Python(Python);
        });

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains(" prodserver-check -- celery.beat:PersistentScheduler passed, and Args:Scheduler imported\n", output, StringComparison.Ordinal);
        Assert.Contains("worker: valid, and ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_handler_class_that_does_not_import_fails_the_check_of_flower_naming_the_key()
    {
        InstallFlower();

        var (code, _, error) = await CheckFlowerAsync("site_auth.GithubLoginHandler");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [$"Process 'flower': Args:AuthProvider 'site_auth.GithubLoginHandler', which flower imports at every login, cannot be imported by {Python}: AttributeError: module 'site_auth' has no attribute 'GithubLoginHandler'."],
            EntryPoint.Lines(error));
    }

    [Fact]
    public async Task A_login_handler_class_that_imports_passes_the_check_of_flower()
    {
        InstallFlower();

        var (code, output, error) = await CheckFlowerAsync("site_auth.CompanyLoginHandler");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains(" prodserver-check --plugin flower -- site_auth.CompanyLoginHandler passed, and celery has the command 'flower', and Args:AuthProvider imported\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_flower_the_check_says_in_one_line_that_celery_has_no_flower_command_and_the_login_handler_is_not_checked()
    {
        // Debian's python3 has no flower: celery flower would answer "No such command 'flower'" at every start.
        var (code, _, error) = await CheckFlowerAsync("site_auth.GithubLoginHandler");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        var line = Assert.Single(EntryPoint.Lines(error));
        Assert.StartsWith($"Process 'flower': celery has no command 'flower' with {Python}: install flower for that Python (pip install flower", line, StringComparison.Ordinal);
        Assert.EndsWith("; Args:AuthProvider could not be checked without it.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flower_that_does_not_load_fails_the_check_with_the_error_celery_would_print()
    {
        // celery puts a placeholder in place of a plugin whose import fails, which prints the traceback and exits 1.
        InstallFlower("import tornado_that_is_missing\n");

        var (code, _, error) = await CheckFlowerAsync("site_auth.CompanyLoginHandler");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [$"Process 'flower': celery's command 'flower' does not load with {Python}, whose flower package fails to import: ModuleNotFoundError: No module named 'tornado_that_is_missing'; Args:AuthProvider could not be checked without it."],
            EntryPoint.Lines(error));
    }

    [Fact]
    public async Task A_hostile_login_handler_name_is_one_escaped_line()
    {
        InstallFlower();

        var (code, _, error) = await CheckFlowerAsync("site_auth.Evil\u001b[2J\nProcess 'flower': forged");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        var line = Assert.Single(EntryPoint.Lines(error));
        Assert.StartsWith(@"Process 'flower': Args:AuthProvider 'site_auth.Evil\x1b[2J\nProcess 'flower': forged', which flower imports at every login, cannot be imported by ", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', line);
    }
}
