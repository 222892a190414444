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
/// <c>--dry-run</c> text is safe to paste into a shell: every line is a <c>#</c> comment or the exact command; secrets in
/// URLs are masked in the text; a <c>gunicorn.conf.py</c> the server would read silently is said.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class DryRunSafetySpecs : IDisposable
{
    private const string Python = "/nonexistent/prodserver-tests/python3";
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("line\nrm -rf ~")]
    [InlineData("cr\rreturn")]
    [InlineData("esc\u001b[31mred")]
    [InlineData("nel\u0085next\u2028line")]
    [InlineData("rlo\u202Enimda\u2066isolate")]
    public async Task An_environment_value_never_breaks_out_of_its_comment_line(string value)
    {
        var (code, output, error) = await EntryPoint.RunAsync(
            _root.Path, o => o.UseWaitress("mysite.wsgi:application").Python(Python).Environment("HOSTILE", value), null, "--dry-run");

        Assert.True(code == ExitCodes.Ok, error);
        var lines = EntryPoint.Lines(output);
        Assert.All(lines[..^1], l => Assert.StartsWith("#", l, StringComparison.Ordinal));
        Assert.DoesNotContain(output, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain('\u2028', output);
        Assert.DoesNotContain(output, c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'); // nor is it reordered
    }

    [Fact]
    public async Task A_password_in_the_broker_url_is_masked_in_the_dry_run_text()
    {
        var (code, output, error) = await EntryPoint.RunAsync(
            _root.Path,
            o => o.Process("worker").UseCeleryWorker("proj", w => w with { Broker = "redis://:s3cr3t@redis.internal:6379/0", ResultBackend = "redis://user:hunter2@redis.internal/1" }).Python(Python),
            null, "worker", "--dry-run");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.DoesNotContain("s3cr3t", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        Assert.Contains("redis://:***@redis.internal:6379/0", output, StringComparison.Ordinal);
        Assert.Contains("redis://user:***@redis.internal/1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_named_variables_value_is_masked_in_the_dry_run_text_and_exact_in_its_json()
    {
        // A dry run's text is pasted into tickets and CI logs: env files' values were hidden, Environment's were printed.
        Action<ProdServerBuilder> web = o => o.UseWaitress("mysite.wsgi:application").Python(Python)
            .Environment("DJANGO_SECRET_KEY", "s3cr3t-v4lue").Environment("DATABASE_PASSWORD", "hunter2").Environment("DJANGO_DEBUG", "0");

        var (code, output, error) = await EntryPoint.RunAsync(_root.Path, web, null, "--dry-run");
        var (jsonCode, json, _) = await EntryPoint.RunAsync(_root.Path, web, null, "--dry-run", "--json");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.DoesNotContain("s3cr3t-v4lue", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        var lines = EntryPoint.Lines(output);
        Assert.Contains("# env DJANGO_SECRET_KEY=***", lines);
        Assert.Contains("# env DATABASE_PASSWORD=***", lines);
        Assert.Contains("# env DJANGO_DEBUG=0", lines);
        Assert.Contains(lines, l => l.StartsWith("# values of variables named like secrets (SECRET, PASSWORD", StringComparison.Ordinal) && l.EndsWith("--dry-run --json prints them", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Ok, jsonCode);
        using var document = System.Text.Json.JsonDocument.Parse(EntryPoint.Lines(json)[0]);
        Assert.Equal("s3cr3t-v4lue", document.RootElement.GetProperty("env").GetProperty("DJANGO_SECRET_KEY").GetString());
    }

    [Fact]
    public async Task A_gunicorn_conf_py_in_the_working_directory_is_said_in_the_dry_run()
    {
        File.WriteAllText(Path.Combine(_root.Path, "gunicorn.conf.py"), "bind = '0.0.0.0:80'\n");

        var (code, output, error) = await EntryPoint.RunAsync(
            _root.Path, o => o.UseGunicorn("mysite.wsgi:application").Python(Python), null, "--dry-run");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains(EntryPoint.Lines(output), l => l.StartsWith("#", StringComparison.Ordinal) && l.Contains("gunicorn.conf.py", StringComparison.Ordinal));
    }
}
