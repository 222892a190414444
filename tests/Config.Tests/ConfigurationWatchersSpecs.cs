using System.IO;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>When the launcher's run begins to stop, its configuration files stop being watched; they can still be read.</summary>
public sealed class ConfigurationWatchersSpecs
{
    [Fact]
    public void The_stop_disposes_each_watching_file_provider_once_and_the_files_still_reload()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "appsettings.json"), """{ "Site": "one" }""");
        File.WriteAllText(Path.Combine(directory.Path, "appsettings.Production.json"), """{ "Other": "x" }""");
        using var files = new PhysicalFileProvider(directory.Path);
        var root = new ConfigurationBuilder()
            .SetFileProvider(files)
            .AddJsonFile("appsettings.json", optional: false, reloadOnChange: true)
            .AddJsonFile("appsettings.Production.json", optional: false, reloadOnChange: true)
            .Build();

        Assert.Equal(1, ConfigurationWatchers.StopWatching(root));

        // A reload asked for (SIGHUP) during the stop still reads the files.
        File.WriteAllText(Path.Combine(directory.Path, "appsettings.json"), """{ "Site": "two" }""");
        root.Reload();
        Assert.Equal("two", root["Site"]);
    }

    [Fact]
    public void Files_that_are_not_watched_and_configurations_without_files_are_left_alone()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "appsettings.json"), """{ "Site": "one" }""");
        using var files = new PhysicalFileProvider(directory.Path);
        var unwatched = new ConfigurationBuilder().SetFileProvider(files).AddJsonFile("appsettings.json", optional: false, reloadOnChange: false).Build();
        var inMemory = new ConfigurationBuilder().AddInMemoryCollection([new("Site", "one")]).Build();

        Assert.Equal(0, ConfigurationWatchers.StopWatching(unwatched));
        Assert.Equal(0, ConfigurationWatchers.StopWatching(inMemory));
        Assert.Equal(0, ConfigurationWatchers.StopWatching(null));
    }
}
