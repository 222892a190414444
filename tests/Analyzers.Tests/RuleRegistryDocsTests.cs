using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// The rule registry is the source of truth for the docs: every registered rule has its page, its row in the diagnostics
/// index and its release-tracking row with the registry's words, and no page or row is left over for a diagnostic that
/// does not exist. (Roslyn's release tracker cannot read registry-built descriptors, see Analyzers.csproj, so this test
/// does its job.)
/// </summary>
public sealed partial class RuleRegistryDocsTests
{
    private static readonly string Root = RuleCatalogueTests.FindRepositoryRoot();
    private static readonly string Diagnostics = Path.Combine(Root, "docs", "diagnostics");

    public static TheoryData<string> RegisteredIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleRegistry.All)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void The_registry_holds_every_rule_file_once_in_ID_order()
    {
        var ids = RuleRegistry.All.Select(r => r.Id).ToList();
        var ruleFiles = Directory.GetFiles(Path.Combine(Root, "src", "Analyzers", "Catalogue", "Rules"), "*Rule.cs", SearchOption.AllDirectories)
            .Count(f => File.ReadAllText(f).Contains("Register(new ", StringComparison.Ordinal));

        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ruleFiles, ids.Count);
        Assert.All(RuleRegistry.SettingRules, r => Assert.NotEmpty(r.Backends));
    }

    [Theory]
    [MemberData(nameof(RegisteredIds))]
    public void A_registered_rule_has_its_page_its_index_row_and_its_release_row_with_the_registrys_words(string id)
    {
        var rule = RuleRegistry.All.Single(r => r.Id == id);

        var page = Path.Combine(Diagnostics, id + ".md");
        Assert.True(File.Exists(page), $"{id} is registered but {page} does not exist.");
        Assert.Equal($"# {id} – {rule.Title}", File.ReadLines(page).First());

        var index = Assert.Single(IndexRows(), r => r[0] == $"[{id}]({id}.md)");
        Assert.Equal([rule.Title, rule.Category, rule.DefaultSeverity.ToString()], index.Skip(1).Take(3));

        var release = Assert.Single(ReleaseRows(Path.Combine(Root, "src", "Analyzers")), r => r[0] == id);
        Assert.Equal([rule.Category, rule.DefaultSeverity.ToString()], release.Skip(1).Take(2));
        Assert.EndsWith($"[Documentation]({rule.HelpLink})", release[3], StringComparison.Ordinal);

        // The notes name the analyzers that report the rule, no more and no fewer.
        var reporters = Analyzers().Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).Select(a => a.GetType().Name).Order();
        Assert.Equal(reporters, release[3].Split(',').Select(n => n.Trim()).Where(n => !n.StartsWith("[Documentation]", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void Every_page_index_row_and_release_row_belongs_to_a_diagnostic_that_exists()
    {
        // The analyzers' descriptors (the registry's and any analyzer's own) and the generator's, from its release files.
        var analyzerIds = RuleCatalogueTests.AllDescriptors().Select(d => d.Id).ToHashSet();
        var generatorIds = ReleaseRows(Path.Combine(Root, "src", "Generators")).Select(r => r[0]).ToHashSet();
        var known = analyzerIds.Union(generatorIds).ToHashSet();

        var pages = Directory.GetFiles(Diagnostics, "PSC*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, p => Assert.True(known.Contains(p!), $"docs/diagnostics/{p}.md documents no diagnostic."));

        var indexed = IndexRows().Select(r => IndexLink().Match(r[0]).Groups[1].Value).ToList();
        Assert.Equal(indexed.Distinct().Count(), indexed.Count);
        Assert.All(indexed, i => Assert.True(known.Contains(i), $"The diagnostics index lists {i}, which no analyzer or generator reports."));

        var released = ReleaseRows(Path.Combine(Root, "src", "Analyzers")).Select(r => r[0]).ToList();
        Assert.Equal(released.Distinct().Count(), released.Count);
        Assert.Equal(analyzerIds.Order(StringComparer.Ordinal), released.Order(StringComparer.Ordinal));
    }

    // The rows of the "Analyzer rules" table: ID link, title, category, severity, code fix.
    private static List<string[]> IndexRows() =>
        File.ReadLines(Path.Combine(Diagnostics, "README.md"))
            .Where(l => l.StartsWith("| [PSC", StringComparison.Ordinal))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();

    // The rows of AnalyzerReleases.Shipped.md and .Unshipped.md: ID, category, severity, notes.
    private static List<string[]> ReleaseRows(string project) =>
        File.ReadLines(Path.Combine(project, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadLines(Path.Combine(project, "AnalyzerReleases.Unshipped.md")))
            .Where(l => l.StartsWith("PSC", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToList();

    private static IEnumerable<DiagnosticAnalyzer> Analyzers() =>
        typeof(ServerArgsAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    [GeneratedRegex(@"^\[(PSC\d{4})\]\(PSC\d{4}\.md\)$")]
    private static partial Regex IndexLink();
}
