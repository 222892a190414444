using System;
using System.Globalization;
using System.IO;
using Xunit;

namespace ProdServer.Config.Package.Tests.Infrastructure;

/// <summary>
/// The packages, packed once for all the tests with the README's command (<c>dotnet pack eng/packages.slnf -o FEED</c>) into
/// a folder feed, with a version of their own so that neither NuGet's caches nor an earlier run hand back a stale
/// package; and a NuGet.config for throwaway projects that uses the feed and a packages folder of its own.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    // A Release build of Config for two frameworks plus the analyzers: ~2 minutes alone, over 10 on a busy 2-core machine.
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(25);

    public PackedFeed()
    {
        Root = Directory.CreateTempSubdirectory("prodserver-package-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        PackOutput = Dotnet.Run(null, Repository.Root, PackTimeout, null,
            "pack", Path.Combine("eng", "packages.slnf"), "-o", Feed, "-p:PackageVersion=" + Version, "-p:ContinuousIntegrationBuild=true", "-nodeReuse:false");
    }

    /// <summary>A temporary directory for everything the tests write; deleted at the end.</summary>
    public string Root { get; }

    /// <summary>The folder feed holding the packed .nupkg and .snupkg files.</summary>
    public string Feed { get; }

    /// <summary>The version the packages were packed with.</summary>
    public string Version { get; }

    /// <summary>The pack's exit code and output.</summary>
    public (int ExitCode, string Output) PackOutput { get; }

    /// <summary>The path of a packed file, such as <c>ProdServer.Config.{Version}.nupkg</c>.</summary>
    public string Package(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    /// <summary>Asserts that the pack succeeded, showing its output otherwise.</summary>
    public void AssertPacked() => Assert.True(PackOutput.ExitCode == 0, "dotnet pack failed:\n" + PackOutput.Output);

    /// <summary>
    /// Writes a NuGet.config into <paramref name="directory"/>: the feed in addition to the machine's own sources (which
    /// serve Microsoft.Extensions.* and the rest), a packages folder of the test's own, and the machine's cache as a
    /// fallback, so that nothing is downloaded twice and the machine's cache stays clean.
    /// </summary>
    public void WriteNuGetConfig(string directory)
    {
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <packageSources>
                <add key="prodserver-e2e" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine-cache" value="{machineCache}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting build; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>The classes that share one pack; xunit runs them one after another (two cores, minutes of builds each).</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed feed";
}
