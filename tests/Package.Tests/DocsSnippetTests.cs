using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ProdServer.Config.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ProdServer.Config.Package.Tests;

/// <summary>
/// Every C# block in README.md, src/Config/PACKAGE.md and docs/ compiles as pasted against the packed package: whole
/// programs as a new console app's Program.cs, fragments in the wrapping their marker names (see <see cref="DocSnippet"/>),
/// and non-compliant examples report exactly the errors they document. One build for all of them.
/// </summary>
[Collection(PackedFeedCollection.Name)]
[Trait("Category", "Slow")]
public sealed partial class DocsSnippetTests(PackedFeed feed, ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public void The_documentation_has_csharp_blocks_and_a_whole_program_among_them()
    {
        var snippets = DocSnippet.All(Repository.Root).ToList();

        Assert.Contains(snippets, s => s.Origin.StartsWith("README.md:", StringComparison.Ordinal) && s.Kind == "program");
        Assert.True(snippets.Count > 50, $"only {snippets.Count} C# blocks found");
    }

    [Fact]
    public void Every_csharp_block_in_the_documentation_compiles_as_pasted()
    {
        feed.AssertPacked();
        var snippets = DocSnippet.All(Repository.Root).ToList();
        var root = Directory.CreateDirectory(Path.Combine(feed.Root, "snippets")).FullName;
        var projects = new List<string>();
        var fragments = Directory.CreateDirectory(Path.Combine(root, "Fragments")).FullName;
        projects.Add(WriteProject(fragments, "Library"));
        var files = new Dictionary<string, DocSnippet>(StringComparer.Ordinal);
        foreach (var snippet in snippets)
        {
            // A program is the Program.cs of a console app of its own; the fragments share one library.
            var directory = snippet.Kind == "program" ? Directory.CreateDirectory(Path.Combine(root, snippet.Id)).FullName : fragments;
            if (snippet.Kind == "program")
            {
                projects.Add(WriteProject(directory, "Exe"));
            }

            var file = Path.Combine(directory, snippet.Kind == "program" ? "Program.cs" : snippet.Id + ".cs");
            File.WriteAllText(file, snippet.Source());
            files[file] = snippet;
        }

        File.WriteAllText(Path.Combine(root, "Snippets.slnx"),
            "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{Path.GetRelativePath(root, p)}\" />\n")) + "</Solution>\n");
        feed.WriteNuGetConfig(root);

        var build = Dotnet.Run(output, root, BuildTimeout, null, "build", "Snippets.slnx", "-nodeReuse:false", "-clp:NoSummary");
        var errors = ErrorLine().Matches(build.Output)
            .Select(m => (File: m.Groups["file"].Value, Id: m.Groups["id"].Value, Line: m.Value))
            .Distinct()
            .ToList();
        var warnings = WarningLine().Matches(build.Output)
            .Select(m => (File: m.Groups["file"].Value, Id: m.Groups["id"].Value, Line: m.Value))
            .Distinct()
            .ToList();
        var problems = new List<string>();
        foreach (var (file, snippet) in files)
        {
            var reported = errors.Where(e => e.File == file).ToList();
            var ids = reported.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!ids.SequenceEqual(snippet.ExpectedErrors.Order(StringComparer.Ordinal)))
            {
                problems.Add($"{snippet.Origin} ({snippet.Kind}): expected errors [{string.Join(", ", snippet.ExpectedErrors)}], got:" +
                    (reported.Count == 0 ? " none" : string.Concat(reported.Select(e => "\n    " + e.Line))));
            }

            // A non-compliant example shows its warnings; a compliant one does not show its page's rule.
            var shown = reported.Concat(warnings.Where(w => w.File == file)).ToList();
            foreach (var missing in snippet.ExpectedWarnings.Where(id => !shown.Exists(d => d.Id == id)))
            {
                problems.Add($"{snippet.Origin} ({snippet.Kind}): expected warning {missing}, got:" +
                    (shown.Count == 0 ? " none" : string.Concat(shown.Select(e => "\n    " + e.Line))));
            }

            if (snippet.CompliantWith is { } rule && shown.Exists(d => d.Id == rule))
            {
                problems.Add($"{snippet.Origin} ({snippet.Kind}): a compliant example of {rule} reports it:" +
                    string.Concat(shown.Where(d => d.Id == rule).Select(e => "\n    " + e.Line)));
            }
        }

        problems.AddRange(errors.Where(e => !files.ContainsKey(e.File)).Select(e => "an error outside the snippets: " + e.Line));
        Assert.True(problems.Count == 0, string.Join('\n', problems) + (problems.Count == 0 ? string.Empty : "\n\nbuild output:\n" + build.Output));
        Assert.True(snippets.Any(s => s.ExpectedErrors.Count > 0) || build.ExitCode == 0, "the build failed:\n" + build.Output);
    }

    private string WriteProject(string directory, string outputType)
    {
        var project = Path.Combine(directory, Path.GetFileName(directory) + ".csproj");
        // What `dotnet new console` writes, plus the package.
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ProdServer.Config" Version="{feed.Version}" />
                <PackageReference Include="ProdServer.Config.Export" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    // "/tmp/…/Fragments/docs_x_md_12.cs(3,5): error PSC0202: …" — compiler, analyzer and generator errors alike.
    [GeneratedRegex(@"(?<file>/[^\s(]+\.cs)\(\d+,\d+\): error (?<id>[A-Z]+\d+):[^\r\n\[]*", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"(?<file>/[^\s(]+\.cs)\(\d+,\d+\): warning (?<id>[A-Z]+\d+):[^\r\n\[]*", RegexOptions.Multiline)]
    private static partial Regex WarningLine();
}
