using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProdServer.Config.Analyzers.Json;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The <c>ProdServer</c> section beyond a process's keys and <c>Args</c>, against <see cref="SettingRules"/>, which the binder
/// applies too: the shape of every setting (one value, a list, an object), the keys of <c>ProdServer</c>, <c>Logs</c>,
/// <c>Control</c>, each release step, <c>Readiness</c> and <c>Resources</c>, and the value of each supervision, log and
/// control setting. What start-up refuses here, the build reports at the key or the value.
/// </summary>
internal static class ProdServerSectionCheck
{
    // How SettingRules.ByPath names a key of any process.
    private const string ProcessRulePath = "Processes:*:";

    private const string VariablesExample = "{ \"DJANGO_SETTINGS_MODULE\": \"mysite.settings\" }";

    /// <summary>Reports every wrong shape, unknown key and refused value of <paramref name="prodServer"/>.</summary>
    /// <param name="prodServer">The file's <c>ProdServer</c> object.</param>
    /// <param name="isBaseFile">
    /// Whether the file is <c>appsettings.json</c>: an environment's file may override one key of a release step by its
    /// index (configuration merges arrays so), so only the base file must name each step.
    /// </param>
    /// <param name="report">Reports a finding at a node.</param>
    public static void Check(JsonObject prodServer, bool isBaseFile, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        Keys(prodServer, "ProdServer", SettingRules.SectionKeys, report);
        foreach (var property in prodServer.Properties)
        {
            var path = "ProdServer:" + property.Name;
            if (Is(property, "Processes"))
            {
                Processes(property.Value, path, report);
            }
            else if (Is(property, "Release"))
            {
                Release(property.Value, path, isBaseFile, report);
            }
            else if (Is(property, "Logs") || Is(property, "Control"))
            {
                var keys = Is(property, "Logs") ? SettingRules.LogKeys : SettingRules.ControlKeys;
                if (property.Value is JsonObject section)
                {
                    Keys(section, path, keys, report);
                    Values(section, property.Name, path, report);
                }
                else if (IsText(property.Value))
                {
                    Shape(property.Value, path, $"must be a section such as {path}:{keys[0]}", report);
                }
            }
            else
            {
                Expect(property.Value, SettingRules.RootKeyShape(property.Name), path, report);
                if (property.Value is JsonScalar scalar)
                {
                    Value(property.Name, scalar, path, report);
                }
            }
        }
    }

    private static void Processes(JsonNode value, string path, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        if (value is not JsonObject processes)
        {
            if (IsText(value) || value is JsonArray { Items.Count: > 0 })
            {
                Shape(value, path, "must be an object keyed by process name, such as \"Processes\": { \"web\": { \"Backend\": \"Waitress\", … } }", report);
            }

            return;
        }

        foreach (var process in processes.Properties)
        {
            if (Names.NameProblem(process.Name) is { } problem)
            {
                report(AppSettingsShapeDescriptors.BadName, process, [process.Name, problem]);
            }

            if (process.Value is JsonObject section)
            {
                Process(process.Name, section, report);
            }
            else if (IsText(process.Value) || process.Value is JsonArray { Items.Count: > 0 })
            {
                Shape(process.Value, $"{path}:{process.Name}", "must be an object (a section with keys)", report);
            }
        }
    }

    private static void Process(string name, JsonObject section, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        var path = "ProdServer:Processes:" + name;
        foreach (var property in section.Properties)
        {
            var at = $"{path}:{property.Name}";
            if (Is(property, "Environment"))
            {
                Variables(property.Value, at, report);
            }
            else if (Is(property, "Args"))
            {
                if (property.Value is JsonScalar { Kind: JsonScalarKind.String } args && args.Text.Length > 0)
                {
                    // The django-prodserver habit ARGS = "--threads=8": both ways of writing it, as start-up says.
                    Shape(args, at, "must be an object of options, such as \"Args\": { \"threads\": 8 }, or, for flags this SDK does not know, \"Args\": { \"ExtraArgs\": [\"--threads=8\"] }", report);
                }
            }
            else
            {
                Expect(property.Value, SettingRules.ProcessKeyShape(property.Name), at, report);
            }

            if (property.Value is JsonScalar scalar)
            {
                Value(ProcessRulePath + property.Name, scalar, at, report);
            }
            else if (property.Value is JsonObject readiness && Is(property, "Readiness"))
            {
                Keys(readiness, at, SettingRules.ReadinessKeys, report);
                Values(readiness, ProcessRulePath + "Readiness", at, report);
            }
            else if (property.Value is JsonObject resources && Is(property, "Resources"))
            {
                Keys(resources, at, SettingRules.ResourceKeys, report);
                Values(resources, ProcessRulePath + "Resources", at, report);
            }
        }
    }

    private static void Release(JsonNode value, string path, bool isBaseFile, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        if (value is not JsonArray steps)
        {
            if (IsText(value) || value is JsonObject { Properties.Count: > 0 })
            {
                Shape(value, path, "must be an object per step in a list, such as \"Release\": [ { \"Name\": \"migrate\", \"Command\": [\"manage.py\", \"migrate\"] } ], so that their order is the configured one", report);
            }

            return;
        }

        var named = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < steps.Items.Count; i++)
        {
            var at = $"{path}:{i}";
            if (steps.Items[i] is not JsonObject step)
            {
                Shape(steps.Items[i], at, "must be an object (a section with keys)", report);
                continue;
            }

            Keys(step, at, SettingRules.ReleaseStepKeys, report);
            if (step.Find("Name")?.Value is not JsonScalar { Kind: JsonScalarKind.String } name || name.Text.Trim().Length == 0)
            {
                if (isBaseFile)
                {
                    Shape(step, at, "needs a Name, such as \"Name\": \"migrate\"", report, sayWhat: false);
                }
            }
            else if (Names.NameProblem(name.Text, "release step name") is { } problem)
            {
                report(AppSettingsShapeDescriptors.BadName, name, [name.Text, problem]);
            }
            else if (!named.Add(name.Text))
            {
                report(AppSettingsShapeDescriptors.BadName, name, [name.Text, "the release step name is given to an earlier step of this list too; give each step its own name"]);
            }

            foreach (var property in step.Properties)
            {
                if (Is(property, "Environment"))
                {
                    Variables(property.Value, $"{at}:{property.Name}", report);
                }
                else if (Is(property, "Command") && property.Value is JsonScalar { Kind: not JsonScalarKind.Null })
                {
                    Shape(property.Value, $"{at}:{property.Name}", "must be a list such as [\"manage.py\", \"migrate\", \"--noinput\"]", report);
                }
                else
                {
                    Expect(property.Value, SettingRules.ReleaseKeyShape(property.Name), $"{at}:{property.Name}", report);
                }
            }
        }
    }

    // NAME: value pairs (Environment), as BindVariables reads them.
    private static void Variables(JsonNode value, string path, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        if (IsText(value) || value is JsonArray { Items.Count: > 0 })
        {
            Shape(value, path, "must be an object of NAME: value pairs such as " + VariablesExample, report);
        }
        else if (value is JsonObject variables)
        {
            foreach (var variable in variables.Properties)
            {
                if (!Names.IsEnvironmentName(variable.Name))
                {
                    report(AppSettingsShapeDescriptors.BadName, variable, [variable.Name, "an environment variable name " + Names.EnvironmentNameRule]);
                }

                if (IsNested(variable.Value))
                {
                    Shape(variable.Value, $"{path}:{variable.Name}", "must be a string value", report);
                }
            }
        }
    }

    private static void Expect(JsonNode value, SettingShape shape, string path, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        var problem = shape switch
        {
            SettingShape.Value when IsNested(value) => "must be one value",
            SettingShape.ValueOrList when value is JsonObject { Properties.Count: > 0 } || (value is JsonArray list && list.Items.Any(IsNested)) =>
                "must be one value or an array of values",
            SettingShape.Section when IsText(value) => "must be an object (a section with keys)",
            _ => null,
        };
        if (problem is not null)
        {
            Shape(value, path, problem, report);
        }
    }

    private static void Shape(JsonNode value, string path, string problem, Action<DiagnosticDescriptor, JsonNode, object[]> report, bool sayWhat = true) =>
        report(AppSettingsShapeDescriptors.WrongShape, value, [path, problem, sayWhat ? ", not " + ValueShape.Describe(value) : string.Empty]);

    private static void Values(JsonObject section, string rulePath, string path, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        foreach (var property in section.Properties)
        {
            if (property.Value is JsonScalar scalar)
            {
                Value($"{rulePath}:{property.Name}", scalar, $"{path}:{property.Name}", report);
            }
            else
            {
                Expect(property.Value, SettingShape.Value, $"{path}:{property.Name}", report);
            }
        }
    }

    // A value the binder refuses ("Restart 'Sometimes' must be Never, OnFailure or Always"), or one it reads that
    // start-up's validation refuses ("Replicas must be between 1 and 1000, got 0"), in their words.
    private static void Value(string rulePath, JsonScalar value, string path, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        if (value.Kind == JsonScalarKind.Null)
        {
            return;
        }

        // Start-up's limits are a process's: "ProdServer": { "StopTimeout": 0 } is an unknown key there (PSC0114), not a limit.
        var inProcess = rulePath.StartsWith(ProcessRulePath, StringComparison.Ordinal);
        var key = inProcess ? rulePath.Substring(ProcessRulePath.Length) : rulePath;
        string? problem = null;
        if (SettingRules.ByPath.TryGetValue(rulePath, out var rule) && !rule.Accepts(value.Text))
        {
            var written = value.Kind == JsonScalarKind.String ? $"'{ValueShape.Printable(value.Text)}'" : value.Text;
            problem = $"{key} {written} must be {rule.MustBe}";
        }
        else if (inProcess && SupervisionLimit(key, value.Text) is { } outside)
        {
            problem = outside.TrimEnd('.');
        }

        if (problem is not null)
        {
            report(AppSettingsShapeDescriptors.InvalidSettingValue, value, [problem, path]);
        }
    }

    // Start-up's limits on a value the binder has read (SupervisionLimits.ForKey). RestartMaxDelay is held to a day here;
    // whether it is shorter than RestartDelay depends on that value too, which code may set.
    private static string? SupervisionLimit(string key, string text) =>
        SupervisionLimits.ForKey(key, SettingRules.TryParseTime(text, out var time) ? time : null, SettingRules.Integer(text), text);

    private static void Keys(JsonObject section, string path, string[] keys, Action<DiagnosticDescriptor, JsonNode, object[]> report)
    {
        foreach (var property in section.Properties.Where(p => !keys.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
        {
            report(AppSettingsShapeDescriptors.UnknownSetting, property, [property.Name, path, Suggestions.DidYouMean(property.Name, keys), string.Join(", ", keys)]);
        }
    }

    // Configuration sees an empty object or array as nothing at all, and an empty string as no section: neither is refused.
    private static bool IsNested(JsonNode value) => value is JsonObject { Properties.Count: > 0 } or JsonArray { Items.Count: > 0 };

    private static bool IsText(JsonNode value) => value is JsonScalar { Kind: not JsonScalarKind.Null } scalar && scalar.Text.Length > 0;

    private static bool Is(JsonProperty property, string name) => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase);
}
