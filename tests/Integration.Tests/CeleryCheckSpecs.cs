using System;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// <c>--check</c> loads a celery process's app as celery would (Debian's celery 5.2) and imports its task modules, without a
/// broker: a wrong App, or a module that fails to import, fails the check instead of the start.
/// </summary>
public sealed class CeleryCheckSpecs
{
    // Nothing listens on port 1: the check must not need the broker.
    private const string Broker = "redis://127.0.0.1:1/0";

    private static Task<(int Code, string Output, string Error)> CheckAsync(string app) =>
        ServingHost.CheckAsync(o =>
        {
            o.UseCeleryWorker(app, w => w with { Broker = Broker }).WorkingDirectory("apps").Python(Python.Debian);
            o.UseCeleryBeat(app, b => b with { Broker = Broker }).WorkingDirectory("apps").Python(Python.Debian);
        }, "--all");

    [Fact]
    public async Task A_celery_app_that_loads_passes_the_check_without_a_broker()
    {
        var (code, output, error) = await CheckAsync("psc_celery");

        Assert.True(code == 0, error);
        Assert.Contains("worker: valid, and ", output, StringComparison.Ordinal);
        Assert.Contains("beat: valid, and ", output, StringComparison.Ordinal);
        Assert.Contains("--app=psc_celery --broker=redis://127.0.0.1:1/0 prodserver-check passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_celery_app_that_is_not_there_fails_the_check_with_celerys_words()
    {
        var (code, _, error) = await CheckAsync("psc_celery.no_such_app");

        Assert.Equal(1, code);
        Assert.Contains("Process 'worker': the server's own check failed (exit code 2)", error, StringComparison.Ordinal);
        Assert.Contains("Process 'beat': the server's own check failed (exit code 2)", error, StringComparison.Ordinal);
        Assert.Contains("Unable to load celery application", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_module_that_fails_to_import_fails_the_check_as_it_would_fail_the_worker()
    {
        var (code, _, error) = await CheckAsync("psc_celery_broken_tasks");

        Assert.Equal(1, code);
        Assert.Contains("Process 'worker': the server's own check failed (exit code 1)", error, StringComparison.Ordinal);
        Assert.Contains("No module named 'psc_celery_tasks_not_there'", error, StringComparison.Ordinal);
    }
}
