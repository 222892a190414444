using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A host the caller built (<c>Host.CreateApplicationBuilder(args)</c>, its console logger writing to standard output)
/// and ran with <c>host.RunProdServerAsync(args)</c>: a command that answers on standard output sends the log to standard
/// error, a run leaves it where it was. The process's console is captured, so this runs alone.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class AnswerOnStandardOutputSpecs
{
    private static async Task<(string ConsoleOut, string ConsoleError)> RunAsync(params string[] args)
    {
        var (savedOut, savedError) = (Console.Out, Console.Error);
        using var consoleOut = new StringWriter();
        using var consoleError = new StringWriter();
        Console.SetOut(consoleOut);
        Console.SetError(consoleError);
        try
        {
            // The console logger takes Console.Out and Console.Error when it is created, at Build.
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Path.GetTempPath() });
            builder.Logging.ClearProviders().AddSimpleConsole();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ProdServer:Processes:web:Backend"] = "Gunicorn" });
            builder.Services.AddProdServer(o => o.UseWaitress("mysite.wsgi:application", w => w with { Port = 8000 }));
            using var answer = new StringWriter();
            var code = await builder.Build().RunProdServerAsync(args, answer, TextWriter.Null); // disposing the host flushes its log
            Environment.ExitCode = 0;
            Assert.True(code == ExitCodes.Ok, consoleError.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
        }

        return (consoleOut.ToString(), consoleError.ToString());
    }

    [Theory]
    [InlineData("--list")]
    [InlineData("web", "--dry-run", "--json")]
    public async Task A_command_that_answers_on_standard_output_logs_to_standard_error(params string[] args)
    {
        var (consoleOut, consoleError) = await RunAsync(args);

        Assert.DoesNotContain("replaces Waitress", consoleOut, StringComparison.Ordinal);
        Assert.Contains("replaces Waitress", consoleError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "web")]
    [InlineData(false, "--all")]
    [InlineData(false, "web", "--env-file", "prod.env", "--skip-release")]
    [InlineData(true, "--list")]
    [InlineData(true, "--check")]
    [InlineData(true, "--help")]
    [InlineData(true, "export", "procfile", "--out", "deploy")]
    [InlineData(true, "import", "django-prodserver")]
    [InlineData(true, "status", "--json")]
    [InlineData(true, "tail", "web")]
    [InlineData(true, "manage", "migrate")]
    public void Only_a_run_keeps_the_log_on_standard_output(bool answers, params string[] args) =>
        Assert.Equal(answers, ProdServerCommandLine.Parse(args).AnswersOnStandardOutput);
}
