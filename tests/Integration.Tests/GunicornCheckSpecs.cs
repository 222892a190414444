using System;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary><c>--check</c> runs gunicorn's own <c>--check-config</c> (Debian's gunicorn 20.1), which imports the app.</summary>
public sealed class GunicornCheckSpecs
{
    private static Task<(int Code, string Output, string Error)> CheckAsync(string app) =>
        ServingHost.CheckAsync(o => o
            .UseGunicorn(app, g => g with { Bind = ["127.0.0.1:1"], Workers = 2 })
            .WorkingDirectory("apps")
            .Python(Python.Debian), "web");

    [Fact]
    public async Task I_can_check_a_gunicorn_process_with_gunicorn_own_check_without_serving()
    {
        var (code, output, error) = await CheckAsync("hello:app");

        Assert.True(code == 0, error);
        Assert.Contains("web: valid, and ", output, StringComparison.Ordinal);
        Assert.Contains("--check-config", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gunicorn_app_that_cannot_be_imported_fails_the_check_with_gunicorn_words()
    {
        var (code, _, error) = await CheckAsync("no_such_module:app");

        Assert.Equal(1, code);
        Assert.Contains("Process 'web': the server's own check failed (exit code 1)", error, StringComparison.Ordinal);
        Assert.Contains("no_such_module", error, StringComparison.Ordinal);
    }
}
