using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config.Integration.Tests;

/// <summary>An in-process host with captured logs, as an app builds it.</summary>
internal static class TestHost
{
    public static (IHost Host, CapturingLoggerProvider Logs) Build(Action<ProdServerBuilder> configure, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
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
