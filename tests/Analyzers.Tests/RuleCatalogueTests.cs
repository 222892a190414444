using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using ProdServer.Config.Analyzers.CodeFixes;
using Xunit;

namespace ProdServer.Config.Analyzers.Tests;

public sealed class RuleCatalogueTests
{
    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in AllDescriptors().Select(d => d.Id).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void The_analyzers_assembly_exports_descriptors() => Assert.NotEmpty(AllDescriptors());

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_has_an_id_and_a_help_page_in_docs_diagnostics(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);

        Assert.Matches(new Regex(@"^PSC\d{4}$"), descriptor.Id);
        Assert.Equal($"https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);

        var page = Path.Combine(FindRepositoryRoot(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{id}'s help link points at {page}, which does not exist.");

        // The page opens with "# ID – title", so the IDE's title and the page's heading say the same thing.
        var heading = File.ReadLines(page).First();
        Assert.Equal($"# {id} – {descriptor.Title}", heading);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_is_listed_in_the_docs_index(string id)
    {
        var index = File.ReadAllText(Path.Combine(FindRepositoryRoot(), "docs", "diagnostics", "README.md"));
        Assert.Contains($"[{id}]({id}.md)", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_descriptor_is_built_from_its_metadata()
    {
        var metadata = typeof(RuleMetadata).GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic);
        Assert.NotEmpty(metadata);
        foreach (var rule in metadata)
        {
            string Const(string name) => (string)rule.GetField(name)!.GetRawConstantValue()!;

            var descriptor = Assert.Single(AllDescriptors().Distinct(), d => d.Id == Const("Id"));
            Assert.Equal(Const("Title"), descriptor.Title.ToString());
            Assert.Equal(Const("MessageFormat"), descriptor.MessageFormat.ToString());
            Assert.Equal(Const("Description"), descriptor.Description.ToString());
            Assert.Equal(Const("Category"), descriptor.Category);
            Assert.Equal(Const("Severity"), descriptor.DefaultSeverity.ToString(), ignoreCase: true);
            Assert.Equal(Const("HelpLink"), descriptor.HelpLinkUri);
            Assert.Equal(RuleMetadata.GetHelpLink(descriptor.Id), descriptor.HelpLinkUri);
        }
    }

    [Fact]
    public void Every_fixable_id_is_reported_by_an_analyzer()
    {
        var reported = AllDescriptors().Select(d => d.Id).ToHashSet();
        var fixers = typeof(ExposeTracebacksCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();

        Assert.NotEmpty(fixers);
        Assert.All(fixers.SelectMany(f => f.FixableDiagnosticIds), id => Assert.Contains(id, reported));
    }

    private static DiagnosticDescriptor[] AllDescriptors() =>
        typeof(ExposeTracebacksAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .SelectMany(a => a.SupportedDiagnostics)
            .ToArray();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            // A nested Directory.Build.props (say, tests/) must not stop the walk: the root is the one with docs/.
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "docs")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Directory.Build.props above {AppContext.BaseDirectory}.");
    }
}
