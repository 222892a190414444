using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Every relative link in the documentation leads somewhere: the file exists, and a <c>#anchor</c> into a Markdown file is
/// one of its headings as GitHub names them (or an explicit <c>id</c>/<c>name</c>). A newcomer following a broken one
/// lands at the top of a long page, or nowhere.
/// </summary>
public sealed partial class DocumentationLinkSpecs
{
    [Fact]
    public void Every_relative_link_and_anchor_in_the_documentation_resolves()
    {
        var broken = new List<string>();
        var pages = DocumentationPages().ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var text = WithoutCode(File.ReadAllText(page));
            foreach (Match link in LinkPattern().Matches(text))
            {
                var target = link.Groups["target"].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var (file, anchor) = hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
                var resolved = file.Length == 0 ? page : Path.GetFullPath(Uri.UnescapeDataString(file), Path.GetDirectoryName(page)!);
                var where = $"{Path.GetRelativePath(Repository.Root, page)}: ({target})";
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add(where + " — no such file");
                }
                else if (anchor is { Length: > 0 } && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(resolved).Contains(anchor))
                {
                    broken.Add(where + " — no such heading");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Theory]
    [InlineData("A group of flags shared by several servers: declare it once in a base record", "a-group-of-flags-shared-by-several-servers-declare-it-once-in-a-base-record")]
    [InlineData("Control: status, restart, tail from another terminal", "control-status-restart-tail-from-another-terminal")]
    [InlineData("`--dry-run` and `--json`", "--dry-run-and---json")]
    [InlineData("Spawn first (NativeAOT)", "spawn-first-nativeaot")]
    public void A_heading_is_named_as_GitHub_names_it(string heading, string anchor) => Assert.Equal(anchor, Slug(heading));

    private static IEnumerable<string> DocumentationPages()
    {
        var root = Repository.Root;
        IEnumerable<string> Under(string directory) => Directory.Exists(Path.Combine(root, directory))
            ? Directory.EnumerateFiles(Path.Combine(root, directory), "*.md", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            : [];
        return new[] { Path.Combine(root, "README.md") }.Concat(Under("docs")).Concat(Under("templates"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "PACKAGE.md", SearchOption.AllDirectories));
    }

    // The anchors GitHub gives a page: one per heading (a repeated one gets -1, -2, …), and explicit ids.
    private static HashSet<string> Anchors(string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = WithoutCode(File.ReadAllText(page));
        foreach (Match heading in HeadingPattern().Matches(text))
        {
            var slug = Slug(heading.Groups["title"].Value);
            anchors.Add(seen.TryGetValue(slug, out var count) ? $"{slug}-{count}" : slug);
            seen[slug] = count + 1;
        }

        foreach (Match id in IdPattern().Matches(text))
        {
            anchors.Add(id.Groups["id"].Value);
        }

        return anchors;
    }

    // GitHub's rule: lower case; letters, digits, '-', '_' and spaces kept, everything else dropped; spaces become '-'.
    private static string Slug(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    // Fenced code blocks hold examples, not links (inline code stays: a heading may have some).
    private static string WithoutCode(string markdown) => FencePattern().Replace(markdown, string.Empty);

    [GeneratedRegex(@"(?<!!)\[[^\]\n]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<title>.+?)[ \t#]*\r?$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"<a\s+(?:id|name)=""(?<id>[^""]+)""")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencePattern();
}
