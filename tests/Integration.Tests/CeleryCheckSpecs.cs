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

    [Theory]
    // An app that is not there: celery's usage error (exit 2), in its words.
    [InlineData("psc_celery.no_such_app", 2, "Unable to load celery application")]
    // An app that loads, with a task module that does not import: the worker would die at start (exit 1).
    [InlineData("psc_celery_broken_tasks", 1, "No module named 'psc_celery_tasks_not_there'")]
    public async Task A_celery_app_that_would_not_start_fails_the_check_with_celerys_words(string app, int exitCode, string said)
    {
        var (code, _, error) = await CheckAsync(app);

        Assert.Equal(1, code);
        Assert.Contains($"Process 'worker': the server's own check failed (exit code {exitCode})", error, StringComparison.Ordinal);
        Assert.Contains($"Process 'beat': the server's own check failed (exit code {exitCode})", error, StringComparison.Ordinal);
        Assert.Contains(said, error, StringComparison.Ordinal);
    }
}
