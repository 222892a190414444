using System;
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
}
