using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>
/// Checks that every key under <c>ProdServer</c> has the shape the binder reads: an object where it reads children, one
/// value where it reads a value. Without this, <c>"Processes": "invalid"</c> has no children and binds nothing, silently,
/// and <c>"App": {"x": 1}</c> has no value and reads as unset.
/// </summary>
internal static partial class ConfigurationShape
{
    /// <summary>Adds one error per key of the wrong shape under <paramref name="root"/> (the <c>ProdServer</c> section).</summary>
    /// <param name="root">The <c>ProdServer</c> section.</param>
    /// <param name="errors">Where the errors go.</param>
    public static void Check(IConfigurationSection root, List<string> errors)
    {
        if (!Expect(root, SettingShape.Section, errors))
        {
            return;
        }

        // Processes, Release and Environment as a whole (a list, one string) are reported where they are bound
        // (ProdServerConfigurationBinder, BindVariables); this walks into them for the keys of each entry.
        foreach (var child in root.GetChildren())
        {
            if (string.Equals(child.Key, "Processes", StringComparison.OrdinalIgnoreCase))
            {
                if (child.Value is not { Length: > 0 } && !IsList(child))
                {
                    foreach (var process in child.GetChildren())
                    {
                        CheckEntries(process, SettingRules.ProcessKeyShape, errors, $"Process {Quoted.Value(process.Key)}: ");
                    }
                }
            }
            else if (string.Equals(child.Key, "Release", StringComparison.OrdinalIgnoreCase))
            {
                if (IsList(child))
                {
                    foreach (var step in child.GetChildren())
                    {
                        CheckEntries(step, SettingRules.ReleaseKeyShape, errors, "Release step: ");
                    }
                }
            }
            else if (SettingRules.RootKeyShape(child.Key) is not SettingShape.Unknown and var shape)
            {
                Expect(child, shape, errors);
            }
        }
    }

    private static void CheckEntries(IConfigurationSection section, Func<string, SettingShape> shapeOf, List<string> errors, string who)
    {
        if (!Expect(section, SettingShape.Section, errors, who))
        {
            return;
        }

        foreach (var child in section.GetChildren())
        {
            if (shapeOf(child.Key) is not SettingShape.Unknown and var shape)
            {
                Expect(child, shape, errors, who);
            }
        }
    }

    private static bool Expect(IConfigurationSection section, SettingShape shape, List<string> errors, string who = "")
    {
        var children = section.GetChildren().ToList();
        var error = shape switch
        {
            SettingShape.Section when section.Value is { Length: > 0 } text => SectionExpected(section, text),
            SettingShape.Value when children.Count > 0 => $"{section.Path} must be one value, not an object or array.",
            SettingShape.ValueOrList when children.Any(c => c.GetChildren().Any()) =>
                $"{section.Path} must be one value or an array of values, not an object.",
            _ => null,
        };
        if (error is not null)
        {
            errors.Add(who + error);
        }

        return error is null;
    }

    private static string SectionExpected(IConfigurationSection section, string text)
    {
        if (string.Equals(section.Key, "Args", StringComparison.OrdinalIgnoreCase))
        {
            // The django-prodserver habit ARGS = "--threads=8": say both ways of writing it here.
            return $"{section.Path} is the string {Quoted.Value(text)}, but must be an object of options, such as "
                + "\"Args\": { \"threads\": 8 }, or, for flags this SDK does not know, \"Args\": { \"ExtraArgs\": [\"--threads=8\"] }.";
        }

        return $"{section.Path} is the value {Quoted.Value(text)}, but must be an object (a section with keys), not one value.";
    }
}
