using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The launcher's own host reads its configuration files at start and on reload, and does not watch them: the host's
/// watcher would walk the whole content root (a Django project's virtualenv included) for nothing the engine uses.
/// </summary>
public sealed class LauncherBuilderSettingsSpecs
{
    private static FileConfigurationSource[] FileSources(HostApplicationBuilder builder) =>
        [.. ((IConfigurationBuilder)builder.Configuration).Sources.OfType<FileConfigurationSource>()];

    [Fact]
    public void The_launchers_host_reads_appsettings_without_watching_them_and_a_reload_still_sees_an_edit()
    {
        using var contentRoot = new TemporaryDirectory();
        var file = Path.Combine(contentRoot.Path, "appsettings.json");
        File.WriteAllText(file, """{ "Site": "one" }""");

        var builder = Host.CreateApplicationBuilder(LauncherBuilderSettings.Create([], contentRoot.Path));

        Assert.Equal("one", builder.Configuration["Site"]);
        var sources = FileSources(builder);
        Assert.Contains(sources, s => s.Path == "appsettings.json");
        Assert.All(sources, s => Assert.False(s.ReloadOnChange, $"{s.Path} is watched"));

        // What `reload` (SIGHUP, the control socket) does: read every file again.
        File.WriteAllText(file, """{ "Site": "two" }""");
        ((IConfigurationRoot)builder.Configuration).Reload();
        Assert.Equal("two", builder.Configuration["Site"]);
    }

    [Fact]
    public void The_hosts_own_switch_on_the_command_line_turns_watching_back_on()
    {
        using var contentRoot = new TemporaryDirectory();

        var builder = Host.CreateApplicationBuilder(LauncherBuilderSettings.Create(["--hostBuilder:reloadConfigOnChange=true"], contentRoot.Path));

        Assert.Contains(FileSources(builder), s => s.Path == "appsettings.json" && s.ReloadOnChange);
    }
}
