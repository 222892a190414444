using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>Windows service support is the app's choice: <c>AddProdServerWindowsService()</c>, never implied by <c>AddProdServer</c>.</summary>
public sealed class WindowsServiceSpecs
{
    private const string WindowsServicesAssembly = "Microsoft.Extensions.Hosting.WindowsServices";

    [Fact]
    public void AddProdServer_registers_nothing_from_the_Windows_services_package()
    {
        var services = new ServiceCollection().AddProdServer(o => o.UseWaitress("mysite.wsgi:application"));

        Assert.DoesNotContain(services, d => FromWindowsServices(d.ServiceType) || FromWindowsServices(d.ImplementationType));
    }

    [Fact]
    public void AddProdServerWindowsService_changes_nothing_when_the_Service_Control_Manager_did_not_start_the_app()
    {
        var services = new ServiceCollection().AddProdServer();
        var before = services.Count;

        var returned = services.AddProdServerWindowsService();

        Assert.Same(services, returned);
        Assert.Equal(before, services.Count);
    }

    private static bool FromWindowsServices(Type? type) =>
        type is not null && type.Assembly.GetName().Name == WindowsServicesAssembly;
}
