using Microsoft.Extensions.DependencyInjection;
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Env files are read once, at start, with a size and a time limit: a secret passed as <c>--env-file &lt;(…)</c> survives
/// restarts, a FIFO nobody writes or <c>/dev/zero</c> cannot hang or exhaust the host, and every problem is one line.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class EnvFileReadingSpecs : IDisposable
{
    private const string Python = "/nonexistent/prodserver-tests/python3";
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private ProcessDefinition Web(string envFile, ServerBackend? backend = null)
    {
        var process = new ProcessDefinition("web", backend ?? ServerBackends.Waitress) { App = "mysite.wsgi:application", Python = Python };
        process.EnvFiles.Add(envFile);
        return process;
    }

    private LaunchPlan Plan(ProcessDefinition process) =>
        LaunchPlanner.Plan(process, _root.Path, requireExecutable: false, hostEnvironment: new Dictionary<string, string>());

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private void Web(ProdServerBuilder o) => o.UseWaitress("mysite.wsgi:application").Python(Python);

    [Fact]
    public void A_restart_reuses_the_values_read_at_start()
    {
        var path = Write("prod.env", "SECRET=first\n");
        var process = Web(path);
        var first = Plan(process);

        File.WriteAllText(path, "SECRET=changed\n");
        var restart = Plan(process);

        Assert.Equal("first", first.FileEnvironment["SECRET"]);
        Assert.Equal("first", restart.FileEnvironment["SECRET"]);
    }

    [Fact]
    public async Task A_secret_from_a_fifo_is_still_there_after_a_restart()
    {
        var fifo = Path.Combine(_root.Path, "secret.fifo");
        MakeFifo(fifo);
        var writer = Task.Run(() => File.WriteAllText(fifo, "SECRET=s3cret\n")); // the writer writes once and closes, as <(…) does
        var process = Web(fifo);

        var first = await Task.Run(() => Plan(process)).WaitAsync(TimeSpan.FromSeconds(20));
        await writer.WaitAsync(TimeSpan.FromSeconds(20));
        var restart = await Task.Run(() => Plan(process)).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("s3cret", first.FileEnvironment["SECRET"]);
        Assert.Equal("s3cret", restart.FileEnvironment["SECRET"]);
    }

    [Fact]
    public async Task A_fifo_nobody_writes_fails_within_the_time_limit_with_one_line()
    {
        var fifo = Path.Combine(_root.Path, "silent.fifo");
        MakeFifo(fifo);
        var clock = Stopwatch.StartNew();

        var (code, output, error) = await EntryPoint.RunAsync(_root.Path, Web, null, "--dry-run", "--env-file", fifo);

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Empty(output);
        Assert.Contains("silent.fifo", error, StringComparison.Ordinal);
        Assert.Contains("within", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task An_endless_env_file_is_refused_at_its_size_limit()
    {
        var before = GC.GetTotalMemory(forceFullCollection: false);

        var (code, _, error) = await EntryPoint.RunAsync(_root.Path, Web, null, "--dry-run", "--env-file", "/dev/zero");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("/dev/zero", error, StringComparison.Ordinal);
        Assert.Contains("1 MiB", error, StringComparison.Ordinal);
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - before < 64 << 20, "the read was not bounded");
    }

    [Fact]
    public async Task A_bad_line_under_dry_run_is_one_line_and_exit_1()
    {
        var path = Write("prod.env", "OK=1\nthis is not an assignment\n");

        var (code, output, error) = await EntryPoint.RunAsync(_root.Path, Web, null, "--dry-run", "--env-file", path);

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Empty(output);
        Assert.Contains("prod.env:2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Single(EntryPoint.Lines(error));
    }

    [Fact]
    public async Task A_missing_env_file_under_dry_run_is_an_error()
    {
        var (code, output, error) = await EntryPoint.RunAsync(_root.Path, Web, null, "--dry-run", "--env-file", "missing.env");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Empty(output);
        Assert.Contains("missing.env", error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_env_file_is_one_line_and_exit_1()
    {
        var directory = _root.CreateDirectory("a-directory.env");

        var (code, _, error) = await EntryPoint.RunAsync(_root.Path, Web, null, "--dry-run", "--env-file", directory);

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("a-directory.env", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Single(EntryPoint.Lines(error));
    }

    [Theory]
    [InlineData("GUNICORN_CMD_ARGS", "--bind=0.0.0.0:80 --workers=9")]
    [InlineData("WEB_CONCURRENCY", "9")]
    [InlineData("PORT", "80")]
    public void A_variable_that_would_override_the_typed_options_is_dropped_from_an_env_file_too(string name, string value)
    {
        var path = Write("prod.env", $"{name}={value}\nKEEP=1\n");

        var plan = Plan(Web(path, ServerBackends.Gunicorn));

        Assert.False(plan.FileEnvironment.ContainsKey(name));
        Assert.Contains(name, plan.RemovedEnvironment);
        Assert.Equal("1", plan.FileEnvironment["KEEP"]);
    }

    [Fact]
    public async Task The_dry_run_names_a_dropped_env_file_variable_but_never_its_value()
    {
        var path = Write("prod.env", "GUNICORN_CMD_ARGS=--bind=0.0.0.0:80\n");

        var (code, output, _) = await EntryPoint.RunAsync(
            _root.Path, o => o.UseGunicorn("mysite.wsgi:application").Python(Python), null, "--dry-run", "--env-file", path);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains(EntryPoint.Lines(output), l => l.StartsWith("# unset GUNICORN_CMD_ARGS", StringComparison.Ordinal));
        Assert.DoesNotContain("0.0.0.0:80", output, StringComparison.Ordinal);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
