using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProdServer.Config;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <c>export</c> command (systemd, supervisord, compose, Kubernetes, Procfile) to a ProdServer app.</summary>
public static class ProdServerExportServiceCollectionExtensions
{
    /// <summary>
    /// Makes <c>&lt;app&gt; export TARGET --out DIR</c> write deployment files for the declared processes (docs/deploy.md).
    /// Without this call the command says which package it needs and exits 2.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddProdServerExport(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IExportCommand, ExportCommand>();
        return services;
    }
}
