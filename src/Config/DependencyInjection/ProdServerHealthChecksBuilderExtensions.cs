using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProdServer.Config;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the readiness of every ProdServer process to the app's health checks.</summary>
public static class ProdServerHealthChecksBuilderExtensions
{
    /// <summary>The prefix of the health check names: <c>prodserver:web</c>.</summary>
    public const string NamePrefix = "prodserver:";

    /// <summary>
    /// Adds one health check per declared process, named <c>prodserver:&lt;name&gt;</c> and tagged <c>prodserver</c> and
    /// <c>ready</c>: Healthy while the process is ready, <paramref name="failureStatus"/> while it starts, restarts or after it ended.
    /// </summary>
    /// <param name="builder">The health checks builder from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="failureStatus">The status reported when a process is not ready. Default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <returns>The <see cref="IHealthChecksBuilder"/> so that additional calls can be chained.</returns>
    public static IHealthChecksBuilder AddProdServerChecks(this IHealthChecksBuilder builder, HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<ProdServerSupervisors>();
        builder.Services.AddSingleton<IConfigureOptions<HealthCheckServiceOptions>>(sp => new ConfigureNamedOptions<HealthCheckServiceOptions>(
            Options.Options.DefaultName,
            options =>
            {
                // The processes are known once ProdServerOptions are built (code, then configuration).
                var processes = sp.GetRequiredService<IOptions<ProdServerOptions>>().Value.Processes;
                var supervisors = sp.GetRequiredService<ProdServerSupervisors>();
                foreach (var process in processes)
                {
                    var name = process.Name;
                    options.Registrations.Add(new HealthCheckRegistration(
                        NamePrefix + name,
                        _ => new ProcessHealthCheck(name, supervisors),
                        failureStatus,
                        ["prodserver", "ready"]));
                }
            }));
        return builder;
    }
}
