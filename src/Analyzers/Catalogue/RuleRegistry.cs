using System;
using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// Every rule, collected from the rule files themselves: each file under <c>Catalogue/Rules/</c> declares its rule class
/// and, in its own part of this partial class, the one field that registers it (<c>RuleRegistry.GunicornDaemon</c>).
/// Adding a rule is that one file (plus its docs page, its release row and tests); nothing here changes. The C#
/// analyzers, the <c>appsettings*.json</c> analyzer and the start-up check (<c>ProductionRulesValidator</c>) all read
/// the rules from here.
/// </summary>
/// <remarks>
/// The fields of a partial class are initialized in an unspecified order, all before any of them is first read, so the
/// list is created by whichever registration runs first and sorted on first use.
/// </remarks>
internal static partial class RuleRegistry
{
    private static List<RuleInfo>? registered;
    private static IReadOnlyList<RuleInfo>? all;
    private static IReadOnlyList<SettingRule>? settingRules;

    /// <summary>Every rule, in ID order.</summary>
    public static IReadOnlyList<RuleInfo> All => all ??= Sorted();

    /// <summary>Every rule over a backend's settings, in ID order.</summary>
    public static IReadOnlyList<SettingRule> SettingRules => settingRules ??= OfType<SettingRule>();

    /// <summary>The rules that judge <paramref name="backend"/>'s settings, in ID order.</summary>
    public static IReadOnlyList<SettingRule> For(RuleBackend backend) => SettingRules.FindAll(r => Contains(r.Backends, backend));

    /// <summary>The findings for <paramref name="settings"/> of the backend named <paramref name="backend"/> (none for a backend without rules).</summary>
    public static List<RuleFinding> Run(string? backend, SettingsBag settings, RuleContext context) =>
        RuleBackends.Find(backend) is { } known ? Run(known, settings, context) : [];

    /// <summary>The findings for <paramref name="settings"/>, without production advice when <see cref="RuleContext.IsDevelopment"/>.</summary>
    public static List<RuleFinding> Run(RuleBackend backend, SettingsBag settings, RuleContext context)
    {
        var findings = new List<RuleFinding>();
        foreach (var rule in For(backend))
        {
            rule.Evaluate(backend, settings, context, findings);
        }

        if (context.IsDevelopment)
        {
            findings.RemoveAll(f => f.Rule.Scope == RuleScope.Production);
        }

        return findings;
    }

    // Called by each rule file's field initializer.
    private static T Register<T>(T rule)
        where T : RuleInfo
    {
        (registered ??= []).Add(rule);
        return rule;
    }

    private static IReadOnlyList<RuleInfo> Sorted()
    {
        // Reading a field of this class runs every field initializer first, so every rule is registered by now.
        var rules = new List<RuleInfo>(registered ?? []);
        rules.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return rules;
    }

    private static List<T> OfType<T>()
        where T : RuleInfo
    {
        var rules = new List<T>();
        foreach (var rule in All)
        {
            if (rule is T match)
            {
                rules.Add(match);
            }
        }

        return rules;
    }

    private static bool Contains(IReadOnlyList<RuleBackend> backends, RuleBackend backend)
    {
        foreach (var candidate in backends)
        {
            if (ReferenceEquals(candidate, backend))
            {
                return true;
            }
        }

        return false;
    }

    private static List<T> FindAll<T>(this IReadOnlyList<T> list, Predicate<T> match)
    {
        var found = new List<T>();
        foreach (var item in list)
        {
            if (match(item))
            {
                found.Add(item);
            }
        }

        return found;
    }
}
