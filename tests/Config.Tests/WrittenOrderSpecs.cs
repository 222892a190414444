using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The order processes are written in appsettings*.json decides the default process, --list and --all, as in django-prodserver.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class WrittenOrderSpecs
{
    private const string Base = """
        { "ProdServer": { "Processes": {
            "zweb": { "Backend": "Waitress", "App": "z.wsgi:application" },
            // comments and trailing commas, as the JSON provider allows
            "api": { "Backend": "Waitress", "App": "a.wsgi:application", "Args": { "Port": 8001 } },
        } } }
        """;

    [Fact]
    public async Task The_first_process_written_in_appsettings_json_is_listed_first_and_is_the_default()
    {
        var (list, _) = await RunAsync(new() { ["appsettings.json"] = Base }, "--list");
        var (dryRun, _) = await RunAsync(new() { ["appsettings.json"] = Base }, "--dry-run");

        Assert.Equal(["zweb\tWaitress\tz.wsgi:application\tvalid", "api\tWaitress\ta.wsgi:application\tvalid"], Lines(list));
        Assert.Contains("z.wsgi:application", dryRun, StringComparison.Ordinal);
        Assert.DoesNotContain("a.wsgi:application", dryRun, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_file_adds_its_new_processes_after_the_earlier_ones_and_overrides_values_in_place()
    {
        var files = new Dictionary<string, string>
        {
            ["appsettings.json"] = Base,
            ["appsettings.Production.json"] = """
                { "ProdServer": { "Processes": { "beta": { "Backend": "Waitress", "App": "b:app" }, "api": { "App": "a2:app" } } } }
                """,
        };

        var (list, _) = await RunAsync(files, "--list");

        Assert.Equal(["zweb\tWaitress\tz.wsgi:application\tvalid", "api\tWaitress\ta2:app\tvalid", "beta\tWaitress\tb:app\tvalid"], Lines(list));
    }

    [Fact]
    public async Task Processes_from_environment_variables_only_are_listed_last_with_a_note_that_they_have_no_order()
    {
        var prefix = "PSC_ORDER_" + Guid.NewGuid().ToString("N") + "_";
        Environment.SetEnvironmentVariable(prefix + "ProdServer__Processes__aaa__Backend", "Waitress");
        Environment.SetEnvironmentVariable(prefix + "ProdServer__Processes__aaa__App", "e:app");
        try
        {
            var (list, _) = await RunAsync(new() { ["appsettings.json"] = Base }, "--list", prefix);

            var lines = Lines(list);
            Assert.Equal(["zweb\tWaitress\tz.wsgi:application\tvalid", "api\tWaitress\ta.wsgi:application\tvalid", "aaa\tWaitress\te:app\tvalid"], lines[..3]);
            Assert.StartsWith("# no written order for aaa: environment variables and the command line keep none", lines[3], StringComparison.Ordinal);
            Assert.Contains("set ProdServer:Default to choose the default process", lines[3], StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "ProdServer__Processes__aaa__Backend", null);
            Environment.SetEnvironmentVariable(prefix + "ProdServer__Processes__aaa__App", null);
        }
    }

    [Fact]
    public async Task The_note_writes_a_hostile_name_on_one_line_with_its_control_characters_escaped()
    {
        var prefix = "PSC_ORDER_" + Guid.NewGuid().ToString("N") + "_";
        var name = "a\u001b[31mb";
        Environment.SetEnvironmentVariable(prefix + $"ProdServer__Processes__{name}__Backend", "Waitress");
        try
        {
            var (list, _) = await RunAsync(new() { ["appsettings.json"] = Base }, "--list", prefix);

            Assert.DoesNotContain('\u001b', list);
            Assert.Contains("# no written order for $'a\\x1b[31mb': ", list, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + $"ProdServer__Processes__{name}__Backend", null);
        }
    }

    [Fact]
    public async Task ProdServer_Default_still_chooses_the_default_process()
    {
        var json = Base.Replace("\"Processes\"", "\"Default\": \"api\", \"Processes\"", StringComparison.Ordinal);

        var (dryRun, _) = await RunAsync(new() { ["appsettings.json"] = json }, "--dry-run");

        Assert.Contains("a.wsgi:application", dryRun, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static async Task<(string Output, int Code)> RunAsync(Dictionary<string, string> files, string command, string? environmentPrefix = null)
    {
        using var root = new TemporaryDirectory();
        foreach (var (name, text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(root.Path, name), text);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = root.Path,
            EnvironmentName = Environments.Production,
        });
        if (environmentPrefix is not null)
        {
            builder.Configuration.AddEnvironmentVariables(environmentPrefix);
        }

        builder.Services.AddProdServer();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var code = await builder.Build().RunProdServerAsync([command], output, error, timeout.Token);
        Environment.ExitCode = 0;
        Assert.True(code == 0, $"{command} exited {code}: {error}");
        return (output.ToString(), code);
    }
}
