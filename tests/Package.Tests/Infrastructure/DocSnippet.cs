using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ProdServer.Config.Package.Tests.Infrastructure;

/// <summary>
/// One <c>```csharp</c> block of README.md, src/Config/PACKAGE.md or docs/**/*.md, and how it is compiled. An HTML comment
/// on the line before the block says what it is (docs/snippets.md):
/// no comment — a whole Program.cs of a new console app;
/// <c>&lt;!-- snippet: statements --&gt;</c> — statements, in a local function given <c>o</c> (ProdServerBuilder), with
/// <c>builder</c> (HostApplicationBuilder) in scope: one configuration, as <c>AddProdServer</c>'s lambda is;
/// <c>&lt;!-- snippet: declarations --&gt;</c> — types, in a namespace of their own;
/// <c>&lt;!-- snippet: members --&gt;</c> — properties of <c>[ServerArgs("myserver")] sealed partial record MyServerArgs</c>;
/// <c>; fails with PSC1001, …</c> after the kind — a non-compliant example: the build must report exactly those errors in it;
/// <c>; warns PSC0101, …</c> — a non-compliant example of warnings: the build must report at least those in it.
/// A block under <c>## Compliant</c> of docs/diagnostics/PSC0101.md must not report PSC0101.
/// </summary>
/// <param name="Origin">Where the block is: <c>docs/diagnostics/PSC0001.md:32</c>.</param>
/// <param name="Kind">program, statements, declarations or members.</param>
/// <param name="Code">The block's text.</param>
/// <param name="ExpectedErrors">The diagnostic IDs a non-compliant example must report as errors.</param>
/// <param name="ExpectedWarnings">The diagnostic IDs a non-compliant example must report as warnings (or errors).</param>
/// <param name="CompliantWith">The rule a compliant example of its page must not report; <see langword="null"/> elsewhere.</param>
public sealed partial record DocSnippet(
    string Origin, string Kind, string Code, IReadOnlyList<string> ExpectedErrors, IReadOnlyList<string> ExpectedWarnings, string? CompliantWith)
{
    /// <summary>The usings every wrapped snippet gets, on top of the SDK's implicit ones (as in a new console app).</summary>
    public const string Usings = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using ProdServer.Config;
        """;

    private static readonly string[] Kinds = ["program", "statements", "declarations", "members"];

    /// <summary>A name for files and namespaces: <c>docs_diagnostics_PSC0001_md_32</c>.</summary>
    public string Id => IdCharacters().Replace(Origin, "_");

    /// <summary>Every C# block of the documentation, in file order.</summary>
    public static IEnumerable<DocSnippet> All(string root)
    {
        var files = new[] { Path.Combine(root, "README.md"), Path.Combine(root, "src", "Config", "PACKAGE.md"), Path.Combine(root, "src", "Export", "PACKAGE.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var rule = RulePage().Match(relative) is { Success: true } page ? page.Groups["id"].Value : null;
            var section = string.Empty;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("## ", StringComparison.Ordinal))
                {
                    section = lines[i][3..].Trim();
                }

                if (lines[i].Trim() != "```csharp")
                {
                    continue;
                }

                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                var origin = $"{relative}:{i + 1}";
                var (kind, errors, warnings) = ReadMarker(i > 0 ? lines[i - 1] : string.Empty, origin);
                var compliantWith = section == "Compliant" ? rule : null;
                yield return new DocSnippet(origin, kind, string.Join('\n', lines[(i + 1)..end]), errors, warnings, compliantWith);
                i = end;
            }
        }
    }

    /// <summary>The C# file the snippet becomes.</summary>
    public string Source() => Kind switch
    {
        "program" => Code + "\n",
        // A local function given the builder alone is a configuration to the analyzers, as AddProdServer's lambda is, so the
        // rules across processes (PSC0101, PSC0121, PSC0502) run on the statements; a method given builder and o was none.
        "statements" => $$"""
            {{Usings}}

            internal static class {{Id}}
            {
                internal static System.Func<ProdServerBuilder, System.Threading.Tasks.Task> Run(HostApplicationBuilder builder)
                {
                    return Statements;

                    async System.Threading.Tasks.Task Statements(ProdServerBuilder o)
                    {
            #line 1
            {{Code}}
            #line default
                        await System.Threading.Tasks.Task.CompletedTask;
                    }
                }
            }

            """,
        "declarations" => $$"""
            {{Usings}}

            namespace {{Id}}
            {
            #line 1
            {{Code}}
            #line default
            }

            """,
        _ => $$"""
            {{Usings}}

            namespace {{Id}}
            {
                [ServerArgs("myserver")]
                public sealed partial record MyServerArgs
                {
            #line 1
            {{Code}}
            #line default
                }
            }

            """,
    };

    private static (string Kind, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings) ReadMarker(string line, string origin)
    {
        var marker = MarkerPattern().Match(line.Trim());
        if (!marker.Success)
        {
            return ("program", [], []);
        }

        var kind = marker.Groups["kind"].Value;
        if (!Kinds.Contains(kind))
        {
            throw new InvalidOperationException($"{origin}: unknown snippet kind '{kind}'; known: {string.Join(", ", Kinds)}.");
        }

        return (kind, Ids(marker.Groups["errors"]), Ids(marker.Groups["warnings"]));
    }

    private static string[] Ids(Group group) =>
        group.Success ? group.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];

    [GeneratedRegex(@"^<!-- snippet: (?<kind>[a-z]+)(; fails with (?<errors>[A-Z0-9, ]+))?(; warns (?<warnings>[A-Z0-9, ]+))? -->$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^docs/diagnostics/(?<id>PSC\d{4})\.md$")]
    private static partial Regex RulePage();

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex IdCharacters();
}
