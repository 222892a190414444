using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// The package as users get it: <c>dotnet pack src/Config</c> into a folder feed, a throwaway app that references
/// it, and a real <c>dotnet build</c>. Slow (a pack and two builds, about a minute); kept apart in its own class.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);

    private readonly string _root = Directory.CreateTempSubdirectory("prodserver-e2e-").FullName;

    [Fact]
    public void A_project_that_references_the_package_gets_PSC0001_in_code_and_in_appsettings_json_and_editorconfig_can_fail_the_build()
    {
        // A version of its own, so neither NuGet's caches nor an earlier run can hand back a stale package.
        var version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var pack = Run(RuleCatalogueTests.FindRepositoryRoot(), PackTimeout,
            "pack", Path.Combine("src", "Config"), "-c", "Release", "-o", feed, "-p:PackageVersion=" + version);
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/ProdServer.Config.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/ProdServer.Config.Analyzers.CodeFixes.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/ProdServer.Config.Generators.dll", entries);
            Assert.Contains("build/ProdServer.Config.props", entries);
            Assert.Contains("buildTransitive/ProdServer.Config.props", entries);
            Assert.Contains("lib/net8.0/ProdServer.Config.dll", entries);
            Assert.Contains("lib/net10.0/ProdServer.Config.dll", entries);
        }

        var app = WriteApp(feed, version);
        var build = Run(app, BuildTimeout, "build");
        Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
        Assert.Matches(new Regex(@"Program\.cs\(7,5\): warning PSC0001: Process option 'ExposeTracebacks' is set to true"), build.Output);
        Assert.Matches(new Regex(@"appsettings\.json\(7,19\): warning PSC0001: Process option 'ExposeTracebacks' is set to true"), build.Output);

        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.PSC0001.severity = error\n");
        var strict = Run(app, BuildTimeout, "build", "--no-incremental");
        Assert.True(strict.ExitCode != 0, "the build should fail with PSC0001 as an error:\n" + strict.Output);
        Assert.Matches(new Regex(@"Program\.cs\(7,5\): error PSC0001"), strict.Output);
        Assert.Matches(new Regex(@"appsettings\.json\(7,19\): error PSC0001"), strict.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting build; the temp folder is cleaned by the OS.
        }
    }

    private string WriteApp(string feed, string version)
    {
        var app = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ProdServer.Config" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using ProdServer.Config;

            // Line 7 sets the option the test looks for.
            var waitress = new WaitressArgs
            {
                Host = "127.0.0.1",
                ExposeTracebacks = true,
            };
            System.Console.WriteLine(waitress);
            """);
        File.WriteAllText(Path.Combine(app, "appsettings.json"), """
            {
              "ProdServer": {
                "Processes": {
                  "web": {
                    "Backend": "Waitress",
                    "App": "mysite.wsgi:application",
                    "Args": { "ExposeTracebacks": true }
                  }
                }
              }
            }
            """);

        // The local feed comes in addition to the machine's own sources (no <clear/>), which serve
        // Microsoft.Extensions.* and FluentValidation. The test package goes to a packages folder of its own, with the
        // machine's cache as a fallback, so nothing is downloaded twice and the machine's cache stays clean.
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(app, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(_root, "packages")}" />
              </config>
              <packageSources>
                <add key="prodserver-e2e" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine-cache" value="{machineCache}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        return app;
    }

    private (int ExitCode, string Output) Run(string directory, TimeSpan timeout, params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No build servers left behind: the test stops everything it starts.
        start.ArgumentList.Add("-nodeReuse:false");
        start.ArgumentList.Add("-p:UseSharedCompilation=false");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var text = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (text) { text.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (text) { text.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout}:\n{text}");
        }

        process.WaitForExit();
        var result = text.ToString();
        output.WriteLine($"$ dotnet {string.Join(' ', arguments)} (exit {process.ExitCode})\n{result}");
        return (process.ExitCode, result);
    }
}
