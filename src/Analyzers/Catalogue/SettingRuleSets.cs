using System;
using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>The rule set of every backend; one line per backend.</summary>
internal static class SettingRuleSets
{
    /// <summary>Every rule set.</summary>
    public static IReadOnlyList<SettingRuleSet> All { get; } =
    [
        new WaitressSettingRules(),
        new GunicornSettingRules(),
        new UvicornSettingRules(wsgi: false),
        new UvicornSettingRules(wsgi: true),
        new GranianSettingRules(wsgi: false),
        new GranianSettingRules(wsgi: true),
        new CelerySettingRules(beat: false),
        new CelerySettingRules(beat: true),
        new FlowerSettingRules(),
    ];

    /// <summary>The rule set of a backend, by its configuration name (case ignored).</summary>
    public static SettingRuleSet? FindByBackend(string? backend)
    {
        foreach (var set in All)
        {
            if (string.Equals(set.Backend, backend, StringComparison.OrdinalIgnoreCase))
            {
                return set;
            }
        }

        return null;
    }
}
