using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config.Integration.Tests;

/// <summary>An in-process host with captured logs, as an app builds it, plus services of the test's own (health checks, systemd).</summary>
internal static class SupervisedHost
{
    public static (IHost Host, CapturingLoggerProvider Logs) Build(Action<ProdServerBuilder> configure, Action<IServiceCollection>? services = null)
    {
        // No default configuration sources: the output directory holds the Quickstart sample's appsettings.json.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddProdServer(configure);
        services?.Invoke(builder.Services);
        return (builder.Build(), logs);
    }
}
