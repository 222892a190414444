using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;
using ProdServer.Config.Package.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Package.Tests;

/// <summary>What is inside the packed ProdServer.Config package: the parts, the metadata, the symbols.</summary>
[Collection(PackedFeedCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PackageContentTests(PackedFeed feed)
{
    // The address every diagnostic's help link starts with (src/Analyzers/Catalogue/RuleInfo.cs, HelpLinkBase).
    private const string HelpLinkBase = "https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/";

    // The custom debug information kind Roslyn writes the SourceLink JSON under (Portable PDB spec).
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void The_package_holds_the_runtime_the_generator_the_analyzers_the_code_fixes_the_build_files_and_a_readme()
    {
        feed.AssertPacked();
        using var zip = ZipFile.OpenRead(feed.Package("ProdServer.Config"));
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("lib/net8.0/ProdServer.Config.dll", entries);
        Assert.Contains("lib/net10.0/ProdServer.Config.dll", entries);
        Assert.Contains("lib/net10.0/ProdServer.Config.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/ProdServer.Config.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ProdServer.Config.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ProdServer.Config.Analyzers.CodeFixes.dll", entries);
        foreach (var folder in new[] { "build", "buildTransitive" })
        {
            Assert.Contains($"{folder}/ProdServer.Config.props", entries);
            Assert.Contains($"{folder}/ProdServer.Config.targets", entries);
        }

        Assert.Contains("README.md", entries);
        Assert.Contains("ConfigurationSchema.json", entries);
    }

    [Fact]
    public void Exporting_is_a_package_of_its_own_so_an_app_that_does_not_export_carries_no_YamlDotNet_and_no_app_carries_KubernetesClient()
    {
        feed.AssertPacked();
        static string[] Dependencies(ZipArchive zip, string id)
        {
            using var stream = zip.GetEntry(id + ".nuspec")!.Open();
            return [.. XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Distinct()];
        }

        using var core = ZipFile.OpenRead(feed.Package("ProdServer.Config"));
        using var export = ZipFile.OpenRead(feed.Package("ProdServer.Config.Export"));

        Assert.DoesNotContain("YamlDotNet", Dependencies(core, "ProdServer.Config"));
        Assert.DoesNotContain(Dependencies(core, "ProdServer.Config"), d => d.StartsWith("KubernetesClient", System.StringComparison.Ordinal));
        Assert.Contains("lib/net10.0/ProdServer.Config.Export.dll", export.Entries.Select(e => e.FullName));
        Assert.Contains("README.md", export.Entries.Select(e => e.FullName));
        Assert.Subset(new[] { "ProdServer.Config", "YamlDotNet" }.ToHashSet(), Dependencies(export, "ProdServer.Config.Export").ToHashSet());
        // The manifests are YAML nodes; KubernetesClient's models (~1 MB of NativeAOT type data) only read them back in the tests.
        Assert.DoesNotContain(Dependencies(export, "ProdServer.Config.Export"), d => d.StartsWith("KubernetesClient", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_props_register_the_shipped_configuration_schema_for_appsettings_files_as_Aspire_packages_do()
    {
        feed.AssertPacked();
        using var zip = ZipFile.OpenRead(feed.Package("ProdServer.Config"));
        using var props = zip.GetEntry("buildTransitive/ProdServer.Config.props")!.Open();
        var segment = XDocument.Load(props).Descendants("JsonSchemaSegment").Single();

        // $(MSBuildThisFileDirectory) is buildTransitive/ (or build/): the path must lead to the file at the package root.
        var include = segment.Attribute("Include")!.Value.Replace("$(MSBuildThisFileDirectory)", "buildTransitive/", StringComparison.Ordinal);
        var entry = Path.GetRelativePath("/", Path.GetFullPath(include, "/")).Replace('\\', '/');
        Assert.Equal("ConfigurationSchema.json", entry);
        Assert.Matches(segment.Attribute("FilePathPattern")!.Value, "appsettings.Production.json");
        using var schema = System.Text.Json.JsonDocument.Parse(zip.GetEntry(entry)!.Open());
        Assert.True(schema.RootElement.GetProperty("properties").TryGetProperty("ProdServer", out _));
    }

    [Fact]
    public void The_nuspec_names_the_license_the_readme_and_the_repository_the_help_links_point_into()
    {
        feed.AssertPacked();
        using var zip = ZipFile.OpenRead(feed.Package("ProdServer.Config"));
        using var stream = zip.GetEntry("ProdServer.Config.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Element(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");

        Assert.Equal("MIT", Element("license"));
        Assert.Equal("expression", metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Element("readme"));
        var url = repository.Attribute("url")!.Value;
        Assert.StartsWith(url + "/blob/main/docs/diagnostics/", HelpLinkBase, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);
    }

    [Fact]
    public void The_symbols_package_has_deterministic_pdbs_whose_SourceLink_points_at_the_repository()
    {
        feed.AssertPacked();
        using var zip = ZipFile.OpenRead(feed.Package("ProdServer.Config", "snupkg"));
        var pdbEntry = zip.GetEntry("lib/net10.0/ProdServer.Config.pdb");
        Assert.NotNull(pdbEntry);
        using var pdb = new MemoryStream();
        using (var entry = pdbEntry!.Open())
        {
            entry.CopyTo(pdb);
        }

        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(c => reader.GetGuid(c.Kind) == SourceLinkKind)
            .Select(c => Encoding.UTF8.GetString(reader.GetBlobBytes(c.Value)))
            .Single();
        Assert.Contains("\"/_/*\":\"https://raw.githubusercontent.com/prodserver/ProdServer.Config/", sourceLink, StringComparison.Ordinal);

        // Deterministic: source paths are mapped to /_/, never the build machine's directories.
        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        Assert.NotEmpty(documents);
        Assert.All(documents.Where(d => !d.StartsWith("/_1/", StringComparison.Ordinal)), d => Assert.StartsWith("/_/", d, StringComparison.Ordinal));
    }

    [Fact]
    public void The_template_package_is_a_dotnet_new_template_package()
    {
        feed.AssertPacked();
        using var zip = ZipFile.OpenRead(feed.Package("ProdServer.Config.Templates"));
        using var stream = zip.GetEntry("ProdServer.Config.Templates.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/.template.config/template.json", StringComparison.Ordinal));
        var packageType = metadata.Descendants().Single(e => e.Name.LocalName == "packageType");
        Assert.Equal("Template", packageType.Attribute("name")?.Value);
    }
}
