using System;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Lets the Windows Service Control Manager run the app; opt-in, so that nothing changes where it is not called.</summary>
public static class ProdServerWindowsServiceExtensions
{
    /// <summary>
    /// Runs the host as a Windows service when the Service Control Manager started it (<c>sc.exe create … binPath= "app.exe web"</c>):
    /// start and stop are reported to Windows, logs also go to the Event Log, and the content root is the executable's
    /// directory. Elsewhere (a console, Linux, macOS) it does nothing. See docs/windows.md.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    public static IServiceCollection AddProdServerWindowsService(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddWindowsService();
    }
}
