using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Issue 12: build and start-up never disagree. Every check a backend's rules make at start-up is listed in
/// docs/start-up-checks.md with its build-time twin (the PSC diagnostic that reports the same mistake in C# or
/// appsettings*.json) or a documented reason why there is none. A new rule fails this test until it is listed
/// (<c>PRODSERVER_UPDATE_TWINS=1</c> adds the missing rows, marked <c>?</c>, for a person to fill in).
/// </summary>
public sealed partial class StartUpCheckTwinSpecs
{
    private const string UpdateVariable = "PRODSERVER_UPDATE_TWINS";

    private static string Page => Path.Combine(Repository.Root, "docs", "start-up-checks.md");

    /// <summary>One check: the rules that make it, the setting it reads and its message (what the user sees).</summary>
    internal sealed record Check(string Validator, string Setting, string Message)
    {
        public string Key => $"{Validator}|{Setting}|{Message}";
    }

    /// <summary>
    /// Every check in the backends' rules (<c>src/Config/Backends/**/*Rules.cs</c>), in the order each file makes them:
    /// each call that reports to the problem list (<c>found.If</c>, <c>found.Each</c>, <c>found.Add</c>, the shared
    /// <c>found.NotEmptyWhenSet</c> and friends) and each file-local helper handed that list. The rules are plain code, so
    /// their source is what lists them.
    /// </summary>
    internal static IEnumerable<Check> StartUpChecks()
    {
        var files = Directory.GetFiles(Path.Combine(Repository.Root, "src", "Config", "Backends"), "*Rules.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "ServerArgsRules.cs")
            .OrderBy(Path.GetFileName, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            var rules = root.DescendantNodes().OfType<ClassDeclarationSyntax>().First().Identifier.Text;
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.Text.StartsWith("Check", StringComparison.Ordinal)))
            {
                foreach (var call in method.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (CheckOf(rules, call) is { } check)
                    {
                        yield return check;
                    }
                }
            }
        }
    }

    // One reporting call as a check: the setting its key names, and its message as written (a value's hole as {…}).
    private static Check? CheckOf(string rules, InvocationExpressionSyntax call)
    {
        var arguments = call.ArgumentList.Arguments.Select(a => a.Expression).ToList();
        var setting = arguments.OfType<InvocationExpressionSyntax>().Where(IsNameof).Select(n => n.ArgumentList.Arguments[0].Expression.ToString().Split('.')[^1]).FirstOrDefault();
        switch (call.Expression)
        {
            case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "found" }, Name.Identifier.Text: var kind }:
                return kind switch
                {
                    "If" or "NotBlankWhenSet" => new Check(rules, setting!, Message(arguments[^1])),
                    "Each" or "Add" => new Check(rules, setting!, Message(arguments[^1])),
                    "NotEmptyWhenSet" => new Check(rules, setting!, $"{setting} must not be empty; leave it unset for the server's default."),
                    "FileMode" => new Check(rules, setting!, "(a file mode: the message names what is wrong)"),
                    "ExtraArgs" => new Check(rules, "ExtraArgs", "ExtraArgs entry '{entry}' {problem}."),
                    "ExclusiveSettings" => new Check(rules, "(whole record)", "(a custom check whose failures carry their own messages)"),
                    _ => null,
                };
            case IdentifierNameSyntax { Identifier.Text: var helper } when arguments.Count > 0 && arguments[0] is IdentifierNameSyntax { Identifier.Text: "found" }:
                return new Check(rules, setting ?? "(whole record)", $"({helper}: message built from the value)");
            default:
                return null;
        }
    }

    private static bool IsNameof(InvocationExpressionSyntax call) => call.Expression is IdentifierNameSyntax { Identifier.Text: "nameof" };

    // A literal as its text; an interpolated string with its holes as written; a lambda's message as its body's.
    private static string Message(ExpressionSyntax message) => OneLine(message switch
    {
        LiteralExpressionSyntax literal => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(c => c switch
        {
            InterpolatedStringTextSyntax text => text.TextToken.ValueText,
            InterpolationSyntax { Expression: InvocationExpressionSyntax quoted } when IsQuoting(quoted) => $"'{{{quoted.ArgumentList.Arguments[0]}}}'",
            _ => c.ToString(),
        })),
        LambdaExpressionSyntax { ExpressionBody: { } body } => Message(body),
        _ => message.ToString(),
    });

    // Quoted.Value(x) and UrlCredentials.Quoted(x) write x in quotes (cut when long, a password masked): the page shows '{x}'.
    private static bool IsQuoting(InvocationExpressionSyntax call) =>
        call.Expression.ToString() is "Quoted.Value" or "UrlCredentials.Quoted" && call.ArgumentList.Arguments.Count == 1;

    private static string OneLine(string message) => message.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    /// <summary>A row of the page: the check and its twin (a PSC ID) or reason (a key of the page's reasons list).</summary>
    private static List<(Check Check, string Twin)> Rows(string text) =>
        [.. text.Split('\n')
            .Select(line => RowPattern().Match(line))
            .Where(m => m.Success)
            .Select(m => (new Check(m.Groups["validator"].Value, m.Groups["setting"].Value, m.Groups["message"].Value.Trim()), m.Groups["twin"].Value.Trim()))];

    private static HashSet<string> Reasons(string text) =>
        [.. text.Split('\n').Select(line => ReasonPattern().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    [Fact]
    public void Every_start_up_check_of_every_backend_is_listed_with_its_build_time_twin_or_a_documented_reason()
    {
        var checks = StartUpChecks().ToList();
        var text = File.ReadAllText(Page);
        var rows = Rows(text);
        var listed = rows.Select(r => r.Check.Key).ToHashSet();

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var missing = checks.Where(c => !listed.Contains(c.Key)).Select(c => $"| `{c.Validator}` | {c.Setting} | {c.Message} | ? |");
            var present = checks.Select(c => c.Key).ToHashSet();
            var kept = text.Split('\n').Where(line => RowPattern().Match(line) is not { Success: true } m
                || present.Contains(new Check(m.Groups["validator"].Value, m.Groups["setting"].Value, m.Groups["message"].Value.Trim()).Key));
            File.WriteAllText(Page, string.Join('\n', kept).TrimEnd('\n') + "\n" + string.Join("\n", missing) + "\n");
            return;
        }

        Assert.NotEmpty(checks);
        Assert.Empty(checks.Where(c => !listed.Contains(c.Key)).Select(c => c.Key));
        Assert.Empty(rows.Where(r => !checks.Any(c => c.Key == r.Check.Key)).Select(r => "listed but not a check any more: " + r.Check.Key));
    }

    [Fact]
    public void Every_twin_is_a_documented_diagnostic_and_every_reason_is_explained_on_the_page()
    {
        var text = File.ReadAllText(Page);
        var reasons = Reasons(text);
        Assert.NotEmpty(reasons);
        foreach (var (check, twin) in Rows(text))
        {
            var ids = Regex.Matches(twin, @"PSC\d{4}").Select(m => m.Value).ToList();
            var reason = ReasonKey().Match(twin);
            Assert.True(ids.Count > 0 || (reason.Success && reasons.Contains(reason.Groups[1].Value)),
                $"{check.Key}: '{twin}' is neither a PSC diagnostic nor a reason the page explains ({string.Join(", ", reasons)}).");
            Assert.All(ids, id => Assert.True(File.Exists(Path.Combine(Repository.Root, "docs", "diagnostics", id + ".md")), $"{check.Key}: {id} has no page."));
        }
    }

    [GeneratedRegex(@"^\| `(?<validator>\w+)` \| (?<setting>[^|]+?) \| (?<message>(?:[^|\\]|\\.)+?) \| (?<twin>[^|]+) \|$")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"^- \*\*`([a-z-]+)`\*\*")]
    private static partial Regex ReasonPattern();

    [GeneratedRegex(@"`([a-z-]+)`")]
    private static partial Regex ReasonKey();
}
