using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The app targets the start-up check accepts are those the real servers import (Debian's waitress 2.1 and gunicorn 20.1),
/// on a module named in non-ASCII letters: Python imports <c>café</c>, gunicorn serves it, and waitress matches the target
/// with its own ASCII pattern first and refuses it. PSC0103 asks the same condition (ConstraintOwnershipSpecs).
/// </summary>
public sealed class AppTargetAgreementSpecs : IDisposable
{
    private const string Target = "café:app";

    private readonly string _directory = Directory.CreateTempSubdirectory("psc-targets-").FullName;

    public AppTargetAgreementSpecs() =>
        File.WriteAllText(Path.Combine(_directory, "café.py"), """
            def app(environ, start_response):
                start_response("200 OK", [("Content-Type", "text/plain")])
                return [b"ok"]
            """);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_non_ASCII_module_passes_gunicorns_check_and_ours()
    {
        var (host, _) = ServingHost.Build(o => o
            .UseGunicorn(Target, g => g with { Bind = ["127.0.0.1:1"] })
            .WorkingDirectory(_directory)
            .Python(Python.Debian));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await host.RunProdServerAsync(["web", "--check"], output, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(code == 0, error.ToString());
        Assert.Contains("--check-config", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_ASCII_module_is_refused_by_waitress_itself_and_by_our_check_before_it()
    {
        // It exits without serving (python -m waitress exits 0 even then; waitress-serve 1), so RunAsync returns.
        var waitressError = await RunAsync(Python.Debian, "-m", "waitress", "--listen=127.0.0.1:1", Target);
        var problem = ServerBackends.Waitress.Validate(new ProcessDefinition("web", ServerBackends.Waitress) { App = Target });

        Assert.Contains("Malformed application 'café:app'", waitressError, StringComparison.Ordinal);
        var app = Assert.Single(problem, p => p.Key == "App");
        Assert.Contains("ASCII", app.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attribute_chain_is_refused_by_gunicorn_itself_and_by_our_check_before_it()
    {
        // Waitress and uvicorn resolve app.wsgi_app; gunicorn parses the object with ast and takes only a name or a call of one.
        File.WriteAllText(Path.Combine(_directory, "chain.py"), """
            class Holder:
                @staticmethod
                def wsgi_app(environ, start_response):
                    start_response("200 OK", [("Content-Type", "text/plain")])
                    return [b"ok"]
            holder = Holder()
            """);

        var gunicornError = await RunAsync(Python.Debian, "-m", "gunicorn", "--check-config", "chain:holder.wsgi_app");
        var problem = ServerBackends.Gunicorn.Validate(new ProcessDefinition("web", ServerBackends.Gunicorn) { App = "chain:holder.wsgi_app" });

        Assert.Contains("Failed to parse 'holder.wsgi_app' as an attribute name or function call", gunicornError, StringComparison.Ordinal);
        var app = Assert.Single(problem, p => p.Key == "App");
        Assert.Contains("not an attribute chain", app.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerBackends.Waitress.Validate(new ProcessDefinition("web", ServerBackends.Waitress) { App = "chain:holder.wsgi_app" }), p => p.Key == "App");
        Assert.DoesNotContain(ServerBackends.Gunicorn.Validate(new ProcessDefinition("web", ServerBackends.Gunicorn) { App = "chain:create_app(debug=False)" }), p => p.Key == "App");
    }

    private async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = _directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return await error + await output;
    }
}
