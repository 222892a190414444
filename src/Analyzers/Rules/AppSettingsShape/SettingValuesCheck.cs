using System;
using System.Collections.Generic;
using System.Linq;
using ProdServer.Config.Analyzers.Json;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The <c>ProdServer</c> section outside a process's keys and <c>Args</c>, against <see cref="SettingRules"/>: the keys of
/// <c>ProdServer</c>, <c>Logs</c>, <c>Control</c>, each release step, <c>Readiness</c> and <c>Resources</c>, and the value of
/// each supervision, log and control setting. What start-up refuses here, the build reports at the key.
/// </summary>
internal static class SettingValuesCheck
{
    /// <summary>Reports every unknown key and refused value of <paramref name="prodServer"/>.</summary>
    public static void Check(JsonObject prodServer, Action<Microsoft.CodeAnalysis.DiagnosticDescriptor, JsonNode, object[]> report)
    {
        Keys(prodServer, "ProdServer", SettingRules.SectionKeys, report);
        foreach (var property in prodServer.Properties)
        {
            switch (property.Value)
            {
                case JsonScalar scalar:
                    Value(property.Name, scalar, "ProdServer:" + property.Name, report);
                    break;
                case JsonObject logs when Is(property, "Logs"):
                    Section(logs, "Logs", SettingRules.LogKeys, report);
                    break;
                case JsonObject control when Is(property, "Control"):
                    Section(control, "Control", SettingRules.ControlKeys, report);
                    break;
                case JsonArray release when Is(property, "Release"):
                    for (var i = 0; i < release.Items.Count; i++)
                    {
                        if (release.Items[i] is JsonObject step)
                        {
                            Keys(step, $"ProdServer:Release:{i}", SettingRules.ReleaseStepKeys, report);
                        }
                    }

                    break;
                case JsonObject processes when Is(property, "Processes"):
                    foreach (var process in processes.Properties)
                    {
                        if (process.Value is JsonObject section)
                        {
                            Process(process.Name, section, report);
                        }
                    }

                    break;
            }
        }
    }

    private static void Process(string name, JsonObject section, Action<Microsoft.CodeAnalysis.DiagnosticDescriptor, JsonNode, object[]> report)
    {
        var path = "ProdServer:Processes:" + name;
        foreach (var property in section.Properties)
        {
            if (property.Value is JsonScalar scalar)
            {
                Value("Processes:*:" + property.Name, scalar, $"{path}:{property.Name}", report);
            }
            else if (property.Value is JsonObject readiness && Is(property, "Readiness"))
            {
                Keys(readiness, path + ":Readiness", SettingRules.ReadinessKeys, report);
                Values(readiness, "Processes:*:Readiness", path + ":Readiness", report);
            }
            else if (property.Value is JsonObject resources && Is(property, "Resources"))
            {
                Keys(resources, path + ":Resources", SettingRules.ResourceKeys, report);
            }
        }
    }

    private static void Section(JsonObject section, string key, string[] keys, Action<Microsoft.CodeAnalysis.DiagnosticDescriptor, JsonNode, object[]> report)
    {
        Keys(section, "ProdServer:" + key, keys, report);
        Values(section, key, "ProdServer:" + key, report);
    }

    private static void Values(JsonObject section, string rulePath, string path, Action<Microsoft.CodeAnalysis.DiagnosticDescriptor, JsonNode, object[]> report)
    {
        foreach (var property in section.Properties)
        {
            if (property.Value is JsonScalar scalar)
            {
                Value($"{rulePath}:{property.Name}", scalar, $"{path}:{property.Name}", report);
            }
        }
    }

    // A value the binder refuses, in its words: "Restart 'Sometimes' (ProdServer:Processes:web:Restart) must be Never, …".
    private static void Value(string rulePath, JsonScalar value, string path, Action<Microsoft.CodeAnalysis.DiagnosticDescriptor, JsonNode, object[]> report)
    {
        if (value.Kind != JsonScalarKind.Null && SettingRules.ByPath.TryGetValue(rulePath, out var rule) && !rule.Accepts(value.Text))
        {
            var key = rulePath.StartsWith("Processes:*:", StringComparison.Ordinal) ? rulePath.Substring("Processes:*:".Length) : rulePath;
            var written = value.Kind == JsonScalarKind.String ? $"'{ValueShape.Printable(value.Text)}'" : value.Text;
            report(AppSettingsShapeDescriptors.InvalidSettingValue, value, [key, written, path, rule.MustBe]);
        }
    }

    private static void Keys(JsonObject section, string path, string[] keys, Action<Microsoft.CodeAnalysis.DiagnosticDescriptor, JsonNode, object[]> report)
    {
        foreach (var property in section.Properties.Where(p => !keys.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
        {
            report(AppSettingsShapeDescriptors.UnknownSetting, property, [property.Name, path, Suggestions.DidYouMean(property.Name, keys), string.Join(", ", keys)]);
        }
    }

    private static bool Is(JsonProperty property, string name) => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase);
}
