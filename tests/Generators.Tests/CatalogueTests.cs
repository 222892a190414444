using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>Every diagnostic the generator can report is documented, tracked for release, and linked correctly.</summary>
public sealed class CatalogueTests
{
    public static TheoryData<string> Ids() => [.. Descriptors().Select(static d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_has_a_page_titled_with_its_id_and_a_help_link_to_it(string id)
    {
        var descriptor = DiagnosticDescriptors.Get(id);
        var page = Path.Combine(TestCompilation.RepositoryRoot, "docs", "diagnostics", id + ".md");

        Assert.True(File.Exists(page), $"{page} is missing.");
        Assert.StartsWith($"# {id} – {descriptor.Title}", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Equal($"https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("ProdServer.Generator", descriptor.Category);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_is_in_the_release_tracking_files(string id)
    {
        var directory = Path.Combine(TestCompilation.RepositoryRoot, "src", "Generators");
        var tracked = File.ReadAllText(Path.Combine(directory, "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(directory, "AnalyzerReleases.Unshipped.md"));

        Assert.Contains($"{id} | ProdServer.Generator | Error |", tracked, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_compilation_would_catch_an_undocumented_public_member()
    {
        // Guards the zero-warnings assertions: they only mean something if CS1591 is reported at all.
        var compilation = TestCompilation.Create(includeWaitress: false, "namespace X; public class Undocumented { }");

        Assert.Contains(compilation.GetDiagnostics(), static d => d.Id == "CS1591");
    }

    private static DiagnosticDescriptor[] Descriptors() =>
        [.. typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(static f => (DiagnosticDescriptor)f.GetValue(null)!)];
}
