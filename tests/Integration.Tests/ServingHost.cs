using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config.Integration.Tests;

/// <summary>A host as a user's Program.cs builds it, with the log captured and the test's output directory as content root (apps/ is there).</summary>
internal static class ServingHost
{
    public static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(45);

    public static (IHost Host, CapturingLoggerProvider Logs) Build(Action<ProdServerBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            // The output directory holds the Quickstart sample's appsettings.json (it names another Django project); the
            // process is declared in code only.
            DisableDefaults = true,
        });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddProdServer(configure);
        return (builder.Build(), logs);
    }

    /// <summary>Runs <c>--check</c> with <paramref name="args"/> on the processes <paramref name="configure"/> declares.</summary>
    public static async Task<(int Code, string Output, string Error)> CheckAsync(Action<ProdServerBuilder> configure, params string[] args)
    {
        var (host, _) = Build(configure);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await host.RunProdServerAsync([.. args, "--check"], output, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));
        return (code, output.ToString(), error.ToString());
    }
}
