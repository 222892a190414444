using Microsoft.Extensions.Configuration;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// JSON null for a number, switch or enum takes the value back, as the build's analyzers read it: an environment's file
/// unsets what appsettings.json set (start-up refused it as "'' is not a whole number" while the build passed it).
/// </summary>
public sealed class NullInAppSettingsSpecs
{
    [Fact]
    public void Null_in_an_environments_file_takes_back_the_base_files_number_switch_and_enum()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(Stream("""{ "ProdServer": { "Processes": { "web": { "Args": { "Reload": true, "Timeout": 60, "LogLevel": "debug" } } } } }"""))
            .AddJsonStream(Stream("""{ "ProdServer": { "Processes": { "web": { "Args": { "Reload": null, "Timeout": null, "LogLevel": null } } } } }"""))
            .Build();

        var options = Options.Resolve(o => o.UseGunicorn("mysite.wsgi:application", g => g with { Timeout = 30 }), c => c.AddConfiguration(configuration));

        var args = Assert.IsType<GunicornArgs>(Assert.Single(options.Processes).Args);
        Assert.Null(args.Reload);
        Assert.Equal(30, args.Timeout); // the code's value again
        Assert.Null(args.LogLevel);
    }

    private static System.IO.MemoryStream Stream(string json) => new(System.Text.Encoding.UTF8.GetBytes(json));
}
