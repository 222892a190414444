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
/// <c>&lt;!-- snippet: statements --&gt;</c> — statements, in a method with <c>builder</c> (HostApplicationBuilder) and
/// <c>o</c> (ProdServerBuilder) in scope;
/// <c>&lt;!-- snippet: declarations --&gt;</c> — types, in a namespace of their own;
/// <c>&lt;!-- snippet: members --&gt;</c> — properties of <c>[ServerArgs("myserver")] sealed partial record MyServerArgs</c>;
/// <c>; fails with PSC1001, …</c> after the kind — a non-compliant example: the build must report exactly those errors in it.
/// </summary>
/// <param name="Origin">Where the block is: <c>docs/diagnostics/PSC0001.md:32</c>.</param>
/// <param name="Kind">program, statements, declarations or members.</param>
/// <param name="Code">The block's text.</param>
/// <param name="ExpectedErrors">The diagnostic IDs a non-compliant example must report as errors.</param>
public sealed partial record DocSnippet(string Origin, string Kind, string Code, IReadOnlyList<string> ExpectedErrors)
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
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```csharp")
                {
                    continue;
                }

                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                var origin = $"{relative}:{i + 1}";
                var (kind, errors) = ReadMarker(i > 0 ? lines[i - 1] : string.Empty, origin);
                yield return new DocSnippet(origin, kind, string.Join('\n', lines[(i + 1)..end]), errors);
                i = end;
            }
        }
    }

    /// <summary>The C# file the snippet becomes.</summary>
    public string Source() => Kind switch
    {
        "program" => Code + "\n",
        "statements" => $$"""
            {{Usings}}

            internal static class {{Id}}
            {
                internal static async System.Threading.Tasks.Task Run(HostApplicationBuilder builder, ProdServerBuilder o)
                {
            #line 1
            {{Code}}
            #line default
                    await System.Threading.Tasks.Task.CompletedTask;
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

    private static (string Kind, IReadOnlyList<string> Errors) ReadMarker(string line, string origin)
    {
        var marker = MarkerPattern().Match(line.Trim());
        if (!marker.Success)
        {
            return ("program", []);
        }

        var kind = marker.Groups["kind"].Value;
        if (!Kinds.Contains(kind))
        {
            throw new InvalidOperationException($"{origin}: unknown snippet kind '{kind}'; known: {string.Join(", ", Kinds)}.");
        }

        var errors = marker.Groups["errors"].Success
            ? marker.Groups["errors"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        return (kind, errors);
    }

    [GeneratedRegex(@"^<!-- snippet: (?<kind>[a-z]+)(; fails with (?<errors>[A-Z0-9, ]+))? -->$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex IdCharacters();
}
