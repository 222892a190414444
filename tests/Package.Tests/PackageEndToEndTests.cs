using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProdServer.Config.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ProdServer.Config.Package.Tests;

/// <summary>
/// The package as users get it: a throwaway app that references the packed package, a real <c>dotnet build</c>, and
/// the built app run from another directory.
/// </summary>
[Collection(PackedFeedCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PackageEndToEndTests(PackedFeed feed, ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_project_that_references_the_package_gets_PSC0001_in_code_and_in_appsettings_json_and_editorconfig_can_fail_the_build()
    {
        feed.AssertPacked();
        var app = WriteApp("analyzers");
        var build = Dotnet.Run(output, app, BuildTimeout, null, "build", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
        Assert.Matches(new Regex(@"Program\.cs\(9,5\): warning PSC0001: Process option 'ExposeTracebacks' is set to true"), build.Output);
        Assert.Matches(new Regex(@"appsettings\.json\(7,19\): warning PSC0001: Process option 'ExposeTracebacks' is set to true"), build.Output);

        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.PSC0001.severity = error\n");
        var strict = Dotnet.Run(output, app, BuildTimeout, null, "build", "--no-incremental", "-nodeReuse:false");
        Assert.True(strict.ExitCode != 0, "the build should fail with PSC0001 as an error:\n" + strict.Output);
        Assert.Matches(new Regex(@"Program\.cs\(9,5\): error PSC0001"), strict.Output);
        Assert.Matches(new Regex(@"appsettings\.json\(7,19\): error PSC0001"), strict.Output);
    }

    [Fact]
    public void A_console_app_run_from_another_directory_reads_the_appsettings_json_the_package_copied_next_to_it()
    {
        feed.AssertPacked();
        var app = WriteApp("copy");
        var build = Dotnet.Run(output, app, BuildTimeout, null, "build", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
        var program = Path.Combine(app, "bin", "Debug", "net10.0", "App.dll");
        Assert.True(File.Exists(Path.Combine(app, "bin", "Debug", "net10.0", "appsettings.json")), "appsettings.json was not copied to the output");

        // Started from a directory that has no appsettings.json: the port set only in the app's appsettings.json is used.
        var elsewhere = Directory.CreateDirectory(Path.Combine(feed.Root, "elsewhere-" + Guid.NewGuid().ToString("N"))).FullName;
        var dryRun = Dotnet.Run(output, elsewhere, BuildTimeout, null, program, "web", "--dry-run");
        Assert.True(dryRun.ExitCode == 0, "--dry-run failed:\n" + dryRun.Output);
        Assert.Contains("--port=8123", dryRun.Output, StringComparison.Ordinal);

        Assert.Equal("PreserveNewest", AppSettingsCopyMode(app));
        Assert.Equal(string.Empty, AppSettingsCopyMode(app, "-p:ProdServerCopyAppSettings=false"));
    }

    // How MSBuild would copy the project's appsettings.json, as evaluated with the package's build files.
    private string AppSettingsCopyMode(string app, params string[] properties)
    {
        var evaluation = Dotnet.Run(output, app, BuildTimeout, null, ["msbuild", "App.csproj", "-getItem:None", .. properties]);
        Assert.True(evaluation.ExitCode == 0, "dotnet msbuild -getItem failed:\n" + evaluation.Output);
        using var json = JsonDocument.Parse(evaluation.Output[evaluation.Output.IndexOf('{', StringComparison.Ordinal)..]);
        var item = json.RootElement.GetProperty("Items").GetProperty("None").EnumerateArray()
            .Single(i => i.GetProperty("Identity").GetString() == "appsettings.json");
        return item.TryGetProperty("CopyToOutputDirectory", out var mode) ? mode.GetString() ?? string.Empty : string.Empty;
    }

    private string WriteApp(string name)
    {
        var app = Directory.CreateDirectory(Path.Combine(feed.Root, name)).FullName;
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ProdServer.Config" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using ProdServer.Config;

            // Line 9 sets the option the test looks for.
            var waitress = new WaitressArgs
            {
                Host = "127.0.0.1",
                ExposeTracebacks = true,
            };
            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddProdServer(o => o.UseWaitress("mysite.wsgi:application", _ => waitress));
            return await builder.RunProdServerAsync(args);
            """);
        File.WriteAllText(Path.Combine(app, "appsettings.json"), """
            {
              "ProdServer": {
                "Processes": {
                  "web": {
                    "Backend": "Waitress",
                    "App": "mysite.wsgi:application",
                    "Args": { "ExposeTracebacks": true, "Port": 8123 }
                  }
                }
              }
            }
            """);
        feed.WriteNuGetConfig(app);
        return app;
    }
}
