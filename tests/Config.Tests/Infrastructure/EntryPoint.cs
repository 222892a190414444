using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>
/// Runs <c>builder.Build().RunProdServerAsync(args)</c> as a user's Program.cs does, in <paramref name="contentRoot"/>, with
/// optional configuration settings, and returns the exit code and what was written. An exception escaping the entry point
/// is returned as exit code -1 with the exception text as the error output, so a test can say "no stack trace".
/// </summary>
internal static class EntryPoint
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(
        string contentRoot, Action<ProdServerBuilder>? code, IDictionary<string, string?>? settings, params string[] args)
    {
        // As ProdServerHost.TryCreateApplicationBuilder(args): the host is given its configuration, not our switches.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = HostArguments.ForHost(args), ContentRootPath = contentRoot });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (code is null)
        {
            builder.Services.AddProdServer();
        }
        else
        {
            builder.Services.AddProdServer(code);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var exit = await builder.Build().RunProdServerAsync(args, output, error, timeout.Token);
            return (exit, output.ToString(), error.ToString());
        }
#pragma warning disable CA1031 // the test asserts on it
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (-1, output.ToString(), error + ex.ToString());
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    /// <summary>Lines of <paramref name="text"/>, without the final empty one.</summary>
    public static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}
