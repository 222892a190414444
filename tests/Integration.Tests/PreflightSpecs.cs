using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace ProdServer.Config.Integration.Tests;

/// <summary>Start failures that are caught before, or explained after, the server runs.</summary>
public sealed class PreflightSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task A_port_already_in_use_fails_within_a_second_naming_the_port_and_its_holder()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var (host, logs) = SupervisedHost.Build(o => o.UseWaitress("hello:app", w => w with { Host = "127.0.0.1", Port = port })
            .WorkingDirectory("apps").Python(Python.Debian));
        var error = new StringWriter();
        var clock = Stopwatch.StartNew();

        var code = await host.RunProdServerAsync(["web"], TextWriter.Null, error).WaitAsync(TimeSpan.FromSeconds(30));

        output.WriteLine($"failed after {clock.Elapsed.TotalMilliseconds:0} ms: {error}");
        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Contains($"Process 'web': port {port} (127.0.0.1:{port}) is already in use by pid {Environment.ProcessId}", error.ToString());
        Assert.DoesNotContain("web#", logs.Text); // nothing was started
    }

    [Fact]
    public async Task An_import_error_in_the_app_is_the_reason_given_when_the_engine_gives_up()
    {
        var gaveUp = await GiveUpLineAsync(o => o.UseWaitress("no_such_module:app", w => w with { Host = "127.0.0.1", Port = Loopback.FreePort() })
            .WorkingDirectory("apps").Python(Python.Debian));

        Assert.Contains("gave up after 4 failed starts in a row (StartRetries=3)", gaveUp);
        // Waitress says "Error: Bad module", its usage text, then the exception: the reason is that exception.
        Assert.Contains("it said: ModuleNotFoundError: No module named 'no_such_module' (the project's module no_such_module was not found from the working directory: set WorkingDirectory", gaveUp);
    }

    [Fact]
    public async Task A_django_settings_module_that_does_not_exist_is_named_not_the_wsgi_module_that_imports_it()
    {
        var gaveUp = await GiveUpLineAsync(o => o.UseWaitress("djsite.wsgi:application", w => w with { Host = "127.0.0.1", Port = Loopback.FreePort() })
            .WorkingDirectory("apps").Python(Python.Debian).Environment("DJANGO_SETTINGS_MODULE", "djsite.no_such_settings"));

        Assert.Contains("it said: ModuleNotFoundError: No module named 'djsite.no_such_settings' (DJANGO_SETTINGS_MODULE names djsite.no_such_settings, which Python could not import", gaveUp);
        Assert.DoesNotContain("Bad module", gaveUp);
    }

    [Fact]
    public async Task A_server_missing_from_the_python_that_runs_it_is_named_with_what_to_install_or_choose()
    {
        // A real interpreter without the server: a fresh virtual environment, which sees none of Debian's packages (as a
        // pyenv python3 first on PATH does not).
        var venv = Directory.CreateTempSubdirectory("prodserver-venv-").FullName;
        try
        {
            using (var create = Process.Start(Python.Debian, ["-m", "venv", "--without-pip", venv]))
            {
                await create.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
                Assert.Equal(0, create.ExitCode);
            }

            var gaveUp = await GiveUpLineAsync(o => o.UseUvicorn("hello_asgi:app", u => u with { Host = "127.0.0.1", Port = Loopback.FreePort() })
                .WorkingDirectory("apps").Venv(venv));

            Assert.Contains($"it said: {venv}/bin/python: No module named uvicorn (the Python that ran it has no module uvicorn: install uvicorn for it (", gaveUp);
            Assert.Contains("or set Python or Venv to an interpreter that has it", gaveUp);
            // Debian's python3, which the test machine's setup gave uvicorn, is found and named.
            Assert.Contains("; /usr/bin/python3 has it: set \"Python\": \"/usr/bin/python3\" on the process)", gaveUp);
        }
        finally
        {
            Directory.Delete(venv, recursive: true);
        }
    }

    // Runs the one process until the engine gives up on it (exit code 1), with short restart delays; its Critical line.
    private async Task<string> GiveUpLineAsync(Func<ProdServerBuilder, ProcessBuilder> declare)
    {
        var (host, logs) = SupervisedHost.Build(o => declare(o).RestartDelay(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var code = await host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, code);
        var gaveUp = Assert.Single(logs.Text.Split('\n'), l => l.StartsWith("Critical ", StringComparison.Ordinal));
        output.WriteLine(gaveUp);
        return gaveUp;
    }
}
