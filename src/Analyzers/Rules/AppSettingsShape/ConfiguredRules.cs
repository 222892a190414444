using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ProdServer.Config.Analyzers.Json;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// <c>ProdServer:Rules</c> as start-up reads it (<c>ProductionRulesValidator</c>): <c>"PSC0006": "off"</c> switches a rule
/// off, <c>"MaxThreads": 32</c> is PSC0006's limit. Read at build time from the settings files: an environment's file over
/// <c>appsettings.json</c> (configuration merges them key by key) for that file's findings, and <c>appsettings.json</c>
/// alone for code's findings, since code runs in every environment and only the base file's rules hold in all of them.
/// Severity words (<c>"error"</c>) only change start-up's judgement; the build's severity comes from <c>.editorconfig</c>.
/// </summary>
internal sealed class ConfiguredRules
{
    private const string MaxThreadsKey = "MaxThreads";

    private readonly Dictionary<string, string> _values;

    private ConfiguredRules(Dictionary<string, string> values) => _values = values;

    /// <summary>No rules configured.</summary>
    public static ConfiguredRules None { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The rules of <paramref name="prodServer"/> written over <paramref name="under"/> (the base file's, or none).</summary>
    public static ConfiguredRules Of(JsonObject prodServer, ConfiguredRules? under = null)
    {
        var values = new Dictionary<string, string>(under?._values ?? None._values, StringComparer.OrdinalIgnoreCase);
        if (prodServer.Find(RuleSwitch.Section)?.Value is JsonObject rules)
        {
            foreach (var rule in rules.Properties)
            {
                if (rule.Value is JsonScalar { Kind: not JsonScalarKind.Null } scalar)
                {
                    values[rule.Name] = scalar.Text;
                }
            }
        }

        return new ConfiguredRules(values);
    }

    /// <summary>
    /// The rules code's findings are judged with: those of the project's <c>appsettings.json</c>; none when it has none, or
    /// several (which one the app reads is not known then).
    /// </summary>
    public static ConfiguredRules ForCode(AppSettingsSections files, IEnumerable<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var bases = additionalFiles.Where(f => AppSettingsSections.IsBaseFile(f.Path)).Select(f => files.Read(f, cancellationToken)).ToList();
        return bases.Count == 1 && bases[0] is { } only ? Of(only.ProdServer) : None;
    }

    /// <summary>Whether <paramref name="id"/> is switched off.</summary>
    public bool IsOff(string id) => _values.TryGetValue(id, out var value) && RuleSwitch.IsOff(value);

    /// <summary>Sets the limits configured here on <paramref name="context"/> (over <c>.editorconfig</c>'s, as start-up uses these).</summary>
    public void ApplyTo(RuleContext context)
    {
        if (_values.TryGetValue(MaxThreadsKey, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit > 0)
        {
            context.MaxThreads = limit;
        }
    }
}
