using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The configuration read before the host exists (to spawn the server first) is the ProdServer section exactly as the
/// host's JSON and environment providers give it, or nothing at all when a file cannot be read.
/// </summary>
public sealed class EarlyConfigurationSpecs
{
    // Comments, trailing commas, arrays, empty objects and arrays, null, booleans, numbers, keys differing in case,
    // and a section the launcher does not read.
    private const string AppSettings = """
        {
          // the JSON provider skips comments and trailing commas
          "Logging": { "LogLevel": { "Default": "Information" } },
          "ProdServer": {
            "Default": "web",
            "Processes": {
              "zweb": { "Backend": "Gunicorn", "App": "mysite.wsgi:application", "Args": { "Bind": ["127.0.0.1:8001", "[::1]:8001",], "Workers": 2, "Daemon": false } },
              "api": { "Environment": { }, "Args": { "Threads": null }, "DependsOn": [] },
            },
          },
        }
        """;

    private const string Staging = """
        { "prodserver": { "Processes": { "ZWEB": { "Args": { "Workers": 4 } }, "beat": { "Backend": "CeleryBeat", "App": "mysite" } } } }
        """;

    // Keys compared without case, as configuration reads them (which spelling a merge keeps is not part of the contract).
    private static IEnumerable<(string Key, string? Value)> Section(IConfiguration configuration) =>
        configuration.GetSection("ProdServer").AsEnumerable().Select(p => (p.Key.ToUpperInvariant(), p.Value)).OrderBy(p => p.Item1, StringComparer.Ordinal);

    private static EarlyConfiguration.Result? Read(string contentRoot, IDictionary? variables = null, string? appDirectory = null) =>
        EarlyConfiguration.TryRead(contentRoot, appDirectory ?? contentRoot, "Staging", variables ?? new Hashtable());

    [Fact]
    public void The_files_give_the_same_ProdServer_keys_and_values_as_the_hosts_JSON_provider()
    {
        using var root = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(root.Path, "appsettings.json"), AppSettings);
        File.WriteAllText(Path.Combine(root.Path, "appsettings.Staging.json"), Staging);
        var host = new ConfigurationBuilder().SetBasePath(root.Path).AddJsonFile("appsettings.json").AddJsonFile("appsettings.Staging.json").Build();

        var early = Read(root.Path);

        Assert.NotNull(early);
        Assert.Equal(Section(host), Section(early.Configuration));
        Assert.Null(early.Configuration["Logging:LogLevel:Default"]); // only the section the launcher reads
    }

    [Fact]
    public void Processes_keep_the_order_the_files_write_them_with_a_later_files_new_ones_after()
    {
        using var root = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(root.Path, "appsettings.json"), AppSettings);
        File.WriteAllText(Path.Combine(root.Path, "appsettings.Staging.json"), Staging);

        Assert.Equal(["zweb", "api", "beat"], Read(root.Path)!.WrittenOrder);
    }

    [Fact]
    public void Environment_variables_win_with_double_underscores_as_separators_and_other_variables_are_left_out()
    {
        using var root = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(root.Path, "appsettings.json"), AppSettings);
        var variables = new Hashtable { ["ProdServer__Processes__zweb__Args__Workers"] = "7", ["PRODSERVER__Default"] = "api", ["ProdServerX__Y"] = "no", ["PATH"] = "/usr/bin" };

        var early = Read(root.Path, variables)!.Configuration;

        Assert.Equal("7", early["ProdServer:Processes:zweb:Args:Workers"]);
        Assert.Equal("api", early["ProdServer:Default"]);
        Assert.DoesNotContain(early.AsEnumerable(), p => p.Key.StartsWith("ProdServerX", StringComparison.Ordinal) || p.Key == "PATH");
    }

    [Fact]
    public void Started_elsewhere_the_program_directorys_appsettings_are_read_as_the_host_reads_them()
    {
        using var elsewhere = new TemporaryDirectory();
        using var app = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(app.Path, "appsettings.json"), AppSettings);

        var early = Read(elsewhere.Path, appDirectory: app.Path);

        Assert.Equal(elsewhere.Path, early!.ContentRoot);
        Assert.Equal("2", early.Configuration["ProdServer:Processes:zweb:Args:Workers"]);
    }

    [Theory]
    [InlineData("""{ "ProdServer": { "Default": "web", "default": "api" } }""")] // a duplicate key, which the host refuses
    [InlineData("""{ "ProdServer": { "Default": "web" """)] // malformed
    [InlineData("""["ProdServer"]""")] // not an object
    public void A_file_the_host_would_refuse_means_nothing_is_read_early(string json)
    {
        using var root = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(root.Path, "appsettings.json"), json);

        Assert.Null(Read(root.Path));
    }
}
