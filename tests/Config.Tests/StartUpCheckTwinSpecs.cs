using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Issue 12: build and start-up never disagree. Every check a backend's validator makes at start-up is listed in
/// docs/start-up-checks.md with its build-time twin (the PSC diagnostic that reports the same mistake in C# or
/// appsettings*.json) or a documented reason why there is none. A new validator rule fails this test until it is listed
/// (<c>PRODSERVER_UPDATE_TWINS=1</c> adds the missing rows, marked <c>?</c>, for a person to fill in).
/// </summary>
public sealed partial class StartUpCheckTwinSpecs
{
    private const string UpdateVariable = "PRODSERVER_UPDATE_TWINS";

    private static string Page => Path.Combine(Repository.Root, "docs", "start-up-checks.md");

    /// <summary>One check: the validator, the setting it reads and its message (what the user sees).</summary>
    internal sealed record Check(string Validator, string Setting, string Message)
    {
        public string Key => $"{Validator}|{Setting}|{Message}";
    }

    /// <summary>Every rule component of every args validator in the library, in declaration order.</summary>
    internal static IEnumerable<Check> StartUpChecks()
    {
        var validators = typeof(ServerBackends).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>)
                && typeof(IServerArgs).IsAssignableFrom(b.GetGenericArguments()[0]) || IsOptionsValidator(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in validators)
        {
            var descriptor = ((IValidator)Activator.CreateInstance(type)!).CreateDescriptor();
            foreach (var rule in descriptor.Rules)
            {
                foreach (var component in rule.Components)
                {
                    // An Include() of a shared validator is listed under that validator, not here again.
                    if (component.Validator.Name.StartsWith("ChildValidatorAdaptor", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // A rule over the whole record (RuleFor(a => a).Custom: ExclusiveSettingsValidation) words each failure itself.
                    yield return rule.PropertyName is null
                        ? new Check(type.Name, "(whole record)", "(a custom check whose failures carry their own messages)")
                        : new Check(type.Name, rule.PropertyName, OneLine(MessageOf(component)));
                }
            }
        }
    }

    // A message built from the value (WithMessage(a => …)) cannot be shown without one: the check is named by its kind.
    private static string MessageOf(FluentValidation.Internal.IRuleComponent component)
    {
        try
        {
            return component.GetUnformattedErrorMessage();
        }
        catch (NullReferenceException)
        {
            return $"({component.Validator.Name}, message built from the value)";
        }
    }

    // Validators of option groups shared by several records (Celery's global options, Django commands' options).
    private static bool IsOptionsValidator(Type t) =>
        !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>)
        && t.Namespace == typeof(ServerBackends).Namespace && t.Name.EndsWith("OptionsValidator", StringComparison.Ordinal);

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
