using System;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using static ProdServer.Config.Tests.Infrastructure.CheckedProject;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <c>--check</c> of gunicorn imports its worker and logger classes as the master does at start: gunicorn's own
/// <c>--check-config</c> imports only the app, so <c>-k nope.Worker</c>, or <c>-k gevent</c> without gevent, passed and
/// every start failed. Run for real with Debian's gunicorn 20.1, from its script and from the Python entry point.
/// </summary>
public sealed class GunicornImportCheckSpecs : IDisposable
{
    private readonly CheckedProject _project = CheckedProject.InNewDirectory();

    public GunicornImportCheckSpecs()
    {
        _project.Write("site_app.py", "def application(environ, start_response):\n    return []\n");
        _project.Write("site_logging.py", "from gunicorn.glogging import Logger\n\nclass QuietLogger(Logger):\n    pass\n");
    }

    public void Dispose() => _project.Dispose();

    private Task<(int Code, string Output, string Error)> CheckAsync(Func<GunicornArgs, GunicornArgs> args, bool fromScript) =>
        _project.CheckAsync(o =>
        {
            var web = o.UseGunicorn("site_app:application", g => args(g with { Bind = ["127.0.0.1:19202"] }));
            if (!fromScript)
            {
                web.Python(Python);
            }
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Worker_and_logger_classes_that_do_not_import_fail_the_check_one_line_each_naming_the_key(bool fromScript)
    {
        var (code, _, error) = await CheckAsync(g => g with { WorkerClass = "site_workers.FastWorker", LoggerClass = "site_logging.LoudLogger" }, fromScript);

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [
                $"Process 'web': Args:WorkerClass 'site_workers.FastWorker', which gunicorn imports at start, cannot be imported by {Python}: ModuleNotFoundError: No module named 'site_workers'.",
                $"Process 'web': Args:LoggerClass 'site_logging.LoudLogger', which gunicorn imports at start, cannot be imported by {Python}: AttributeError: module 'site_logging' has no attribute 'LoudLogger'.",
            ],
            EntryPoint.Lines(error));
    }

    [Fact]
    public async Task A_short_worker_name_whose_package_is_missing_fails_the_check_in_gunicorns_words()
    {
        // Debian's python3 has no gevent: gunicorn's gevent worker module refuses to load.
        var (code, _, error) = await CheckAsync(g => g with { WorkerClass = "gevent" }, fromScript: true);

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [$"Process 'web': Args:WorkerClass 'gevent', which gunicorn imports at start, cannot be imported by {Python}: RuntimeError: gevent worker requires gevent 1.4 or higher."],
            EntryPoint.Lines(error));
    }

    [Fact]
    public async Task A_worker_class_a_configuration_file_names_is_imported_too()
    {
        _project.Write("gunicorn.conf.py", "worker_class = 'site_workers.FastWorker'\n");

        var (code, _, error) = await CheckAsync(g => g, fromScript: true);

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [$"Process 'web': the class the worker_class setting of gunicorn's configuration file names (Args:WorkerClass is not set), which gunicorn imports at start, cannot be imported by {Python}: ModuleNotFoundError: No module named 'site_workers'."],
            EntryPoint.Lines(error));
    }

    [Theory]
    [InlineData(true, "/usr/bin/gunicorn --check-config --bind=127.0.0.1:19202 --worker-class=gthread --logger-class=site_logging.QuietLogger site_app:application")]
    [InlineData(false, "--check-config --bind=127.0.0.1:19202 --worker-class=gthread --logger-class=site_logging.QuietLogger site_app:application")]
    public async Task Classes_that_import_pass_shown_as_gunicorns_own_check(bool fromScript, string shown)
    {
        var (code, output, error) = await CheckAsync(g => g with { WorkerClass = "gthread", LoggerClass = "site_logging.QuietLogger" }, fromScript);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"{shown} passed, and Args:WorkerClass, Args:LoggerClass imported\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("prodserver-check", output, StringComparison.Ordinal);
    }
}
