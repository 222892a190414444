using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <c>--check</c> does not say "valid" about a server that would run other than configured without saying why: a
/// <c>gunicorn.conf.py</c> it reads on its own, and env-file variables dropped because they would override the typed options.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class CheckNotesSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Check_says_which_gunicorn_conf_py_and_which_env_file_variables_change_the_server()
    {
        var python = PassingPython();
        File.WriteAllText(Path.Combine(_root.Path, "gunicorn.conf.py"), "bind = '0.0.0.0:80'\nworkers = 9\n");
        var envFile = Path.Combine(_root.Path, "prod.env");
        File.WriteAllText(envFile, "WEB_CONCURRENCY=9\nGUNICORN_CMD_ARGS=--bind=0.0.0.0:81\nDJANGO_SETTINGS_MODULE=mysite.settings\n");

        var (code, output, error) = await EntryPoint.RunAsync(
            _root.Path, o => o.UseGunicorn("mysite.wsgi:application").Python(python), null, "--check", "--env-file", envFile);

        Assert.True(code == ExitCodes.Ok, error);
        var lines = EntryPoint.Lines(output);
        Assert.Contains(lines, l => l.StartsWith("web: reads " + Path.Combine(_root.Path, "gunicorn.conf.py"), StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("web: unset WEB_CONCURRENCY (an env file sets it", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("web: unset GUNICORN_CMD_ARGS (an env file sets it", StringComparison.Ordinal));
        Assert.StartsWith("web: valid", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("0.0.0.0:81", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_gunicorn_conf_py_or_a_config_given_check_says_nothing_extra()
    {
        var python = PassingPython();
        File.WriteAllText(Path.Combine(_root.Path, "gunicorn.conf.py"), "workers = 2\n");

        using var clean = DryRunner.WithoutVariables(["GUNICORN_CMD_ARGS", "WEB_CONCURRENCY", "PORT", "FORWARDED_ALLOW_IPS", "SENDFILE"]);
        var (code, output, error) = await EntryPoint.RunAsync(
            _root.Path, o => o.UseGunicorn("mysite.wsgi:application", g => g with { Config = "gunicorn.conf.py" }).Python(python), null, "--check");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.StartsWith("web: valid", Assert.Single(EntryPoint.Lines(output)), StringComparison.Ordinal);
    }

    // Stands in for python3 -c '…gunicorn…' --check-config: the check passes, so only the notes can warn.
    private string PassingPython()
    {
        var python = _root.CreateExecutable("bin/python3");
        File.WriteAllText(python, "#!/bin/sh\nexit 0\n");
        return python;
    }
}
