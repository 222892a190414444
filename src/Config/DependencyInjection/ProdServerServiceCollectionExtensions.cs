using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProdServer.Config;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ProdServer.Config's production processes.</summary>
public static class ProdServerServiceCollectionExtensions
{
    /// <summary>Our one post-configuration (configuration over code); known by reference, so that the early launch can tell it apart.</summary>
    internal static readonly ServiceDescriptor ConfigurationBinding =
        ServiceDescriptor.Singleton<IPostConfigureOptions<ProdServerOptions>, BindProdServerConfiguration>(
            sp => new BindProdServerConfiguration(
                sp.GetService<IConfiguration>(), sp.GetService<ProdServerRunState>(), sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>(),
                sp.GetService<Microsoft.Extensions.Hosting.IHostEnvironment>()));

    /// <summary>
    /// Adds the production processes declared by <paramref name="configure"/>, overlaid by the <c>ProdServer</c>
    /// configuration section, validated when the host starts, and run by a hosted service.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Declares the processes, for example <c>o =&gt; o.UseWaitress("mysite.wsgi:application")</c>.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    public static IServiceCollection AddProdServer(this IServiceCollection services, Action<ProdServerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddProdServer();
        services.Configure<ProdServerOptions>(options => configure(new ProdServerBuilder(options)));
        return services;
    }

    /// <summary>Adds the production processes declared in the <c>ProdServer</c> configuration section only.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    public static IServiceCollection AddProdServer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ProdServerOptions>().ValidateOnStart();
        // Windows service support is opt-in: AddProdServerWindowsService() (never implicit, so that no host changes its
        // content root or logging behind the app's back).
        services.TryAddEnumerable(ConfigurationBinding);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProdServerOptions>, ProdServerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProdServerOptions>, ProductionRulesValidator>(sp => new ProductionRulesValidator(
            sp.GetService<IHostEnvironment>(), sp.GetService<IConfiguration>(), sp.GetService<ILoggerFactory>(), sp.GetService<IOptions<HostOptions>>(), sp.GetService<ProdServerRunState>())));
        services.TryAddSingleton<ProdServerRunState>();
        services.TryAddSingleton<ProdServerSupervisors>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProdServerHostedService>(sp => new ProdServerHostedService(
            sp.GetRequiredService<IOptions<ProdServerOptions>>(),
            sp.GetRequiredService<ProdServerRunState>(),
            sp.GetRequiredService<ProdServerSupervisors>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetService<IHostEnvironment>(),
            sp.GetService<IOptions<HostOptions>>(),
            sp.GetService<EarlyLaunch>(),
            sp.GetService<IConfiguration>(),
            sp.GetService<IOptionsFactory<ProdServerOptions>>(),
            sp)));
        return services;
    }
}
