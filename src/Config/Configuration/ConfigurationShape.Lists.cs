using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>
/// Tells a JSON list from a JSON object in flattened configuration (a list's children are keyed 0, 1, 2 …), so that a
/// setting written in the wrong shape is an error naming its key rather than a silently different value:
/// <c>"Environment": ["A=1"]</c> would otherwise become the variable <c>0</c> with the value <c>A=1</c>.
/// </summary>
internal static partial class ConfigurationShape
{
    /// <summary>Whether <paramref name="key"/> is a list index as the JSON provider writes it.</summary>
    public static bool IsIndex(string key) => key.Length > 0 && key.All(char.IsAsciiDigit);

    /// <summary>Whether the section is a non-empty list (every child keyed by an index).</summary>
    public static bool IsList(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        return children.Count > 0 && children.All(c => IsIndex(c.Key));
    }

    /// <summary>
    /// The items of a list setting: one scalar (when <paramref name="allowScalar"/>) or a list of scalars. Any other shape is
    /// reported to <paramref name="errors"/> with <paramref name="owner"/> and <paramref name="example"/>, and yields nothing.
    /// </summary>
    public static IReadOnlyList<string> ListItems(IConfigurationSection section, List<string> errors, string owner, string example, bool allowScalar = true)
    {
        var children = section.GetChildren().ToList();
        if (section.Value is { } scalar && children.Count == 0)
        {
            if (allowScalar)
            {
                return scalar.Length > 0 ? [scalar] : [];
            }

            errors.Add($"{owner}{section.Path} is one string, but must be a list such as {example}.");
            return [];
        }

        if (children.Exists(c => !IsIndex(c.Key) || c.Value is null))
        {
            var allowed = allowScalar ? "one value or an array of values" : "an array of values";
            errors.Add($"{owner}{section.Path} must be {allowed} such as {example}, not an object or nested lists.");
            return [];
        }

        return children.Select(c => c.Value!).ToList();
    }

    /// <summary>
    /// Copies a <c>NAME: value</c> section into <paramref name="target"/>; a list, one string or a nested object is reported to
    /// <paramref name="errors"/> instead.
    /// </summary>
    public static void BindVariables(IConfigurationSection section, IDictionary<string, string> target, List<string> errors, string owner)
    {
        var children = section.GetChildren().ToList();
        const string Example = "{ \"DJANGO_SETTINGS_MODULE\": \"mysite.settings\" }";
        if (section.Value is { Length: > 0 } text)
        {
            errors.Add($"{owner}{section.Path} is the value '{Names.Printable(text)}', but must be an object of NAME: value pairs such as {Example}.");
            return;
        }

        if (children.Count > 0 && children.TrueForAll(c => IsIndex(c.Key)))
        {
            errors.Add($"{owner}{section.Path} must be an object of NAME: value pairs such as {Example}, not a list.");
            return;
        }

        foreach (var variable in children)
        {
            if (variable.Value is null && variable.GetChildren().Any())
            {
                errors.Add($"{owner}{variable.Path} must be a string value, not an object or a list.");
                continue;
            }

            target[variable.Key] = variable.Value ?? string.Empty;
        }
    }
}
