using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>An app started from another directory still reads the appsettings*.json copied next to it.</summary>
public sealed class AppSettingsFromAppDirectorySpecs
{
    private static HostApplicationBuilder Builder(string contentRoot, params string[] args) => Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        Args = args,
        ContentRootPath = contentRoot,
        EnvironmentName = "Staging",
    });

    private static void Write(string directory, string file, string threads) =>
        File.WriteAllText(Path.Combine(directory, file), $$"""{ "ProdServer": { "Processes": { "web": { "Args": { "Threads": {{threads}} } } } } }""");

    [Fact]
    public void Started_elsewhere_the_app_reads_its_own_appsettings_and_the_environment_file_over_it()
    {
        using var elsewhere = new TemporaryDirectory();
        using var app = new TemporaryDirectory();
        Write(app.Path, "appsettings.json", "3");
        File.WriteAllText(Path.Combine(app.Path, "appsettings.Staging.json"), """{ "ProdServer": { "Default": "web" } }""");
        var builder = Builder(elsewhere.Path);

        AppSettingsFromAppDirectory.Apply(builder, app.Path);

        Assert.Equal("3", builder.Configuration["ProdServer:Processes:web:Args:Threads"]);
        Assert.Equal("web", builder.Configuration["ProdServer:Default"]);
    }

    [Fact]
    public void The_command_line_still_wins_over_the_app_directorys_appsettings()
    {
        using var elsewhere = new TemporaryDirectory();
        using var app = new TemporaryDirectory();
        Write(app.Path, "appsettings.json", "3");
        var builder = Builder(elsewhere.Path, "--ProdServer:Processes:web:Args:Threads=9");

        AppSettingsFromAppDirectory.Apply(builder, app.Path);

        Assert.Equal("9", builder.Configuration["ProdServer:Processes:web:Args:Threads"]);
    }

    [Fact]
    public void An_appsettings_json_in_the_content_root_is_the_one_read()
    {
        using var contentRoot = new TemporaryDirectory();
        using var app = new TemporaryDirectory();
        Write(contentRoot.Path, "appsettings.json", "5");
        Write(app.Path, "appsettings.json", "3");
        var builder = Builder(contentRoot.Path);

        AppSettingsFromAppDirectory.Apply(builder, app.Path);

        Assert.Equal("5", builder.Configuration["ProdServer:Processes:web:Args:Threads"]);
    }

    [Fact]
    public void The_app_directorys_two_files_share_one_watcher()
    {
        using var elsewhere = new TemporaryDirectory();
        using var app = new TemporaryDirectory();
        Write(app.Path, "appsettings.json", "3");
        var builder = Builder(elsewhere.Path);

        AppSettingsFromAppDirectory.Apply(builder, app.Path);

        var moved = ((IConfigurationBuilder)builder.Configuration).Sources.OfType<JsonConfigurationSource>()
            .Where(s => s.Path is "appsettings.json" or "appsettings.Staging.json").ToList();
        Assert.Equal(2, moved.Count);
        Assert.All(moved, s => Assert.True(s.ReloadOnChange));
        Assert.Single(moved.Select(s => s.FileProvider).Distinct());
        Assert.Equal(app.Path, Assert.IsType<PhysicalFileProvider>(moved[0].FileProvider).Root.TrimEnd(Path.DirectorySeparatorChar));
    }
}
