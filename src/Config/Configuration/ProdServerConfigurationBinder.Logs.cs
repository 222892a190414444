using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>Binds <c>ProdServer:Logs</c> (<c>Overflow</c>, <c>BufferBytes</c>).</summary>
internal static partial class ProdServerConfigurationBinder
{
    private static void BindLogs(IConfigurationSection section, ProdServerOptions options)
    {
        var errors = options.SectionBindingErrors;
        if (section.Value is { Length: > 0 } text)
        {
            errors.Add($"{section.Path} is {Quoted.Value(text)}, but must be a section such as {section.Path}:Overflow.");
        }

        foreach (var child in section.GetChildren())
        {
            if (Array.FindIndex(SettingRules.LogKeys, k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                errors.Add($"{child.Path} is not a log setting; expected one of {string.Join(", ", SettingRules.LogKeys)}.");
            }
        }

        if (section["Overflow"] is { } overflow)
        {
            if (SettingRules.Overflow.Choice(overflow) is { } choice)
            {
                options.Logs.Overflow = Enum.Parse<LogOverflow>(choice);
            }
            else
            {
                errors.Add($"Logs:Overflow {Quoted.Value(overflow)} ({section.Path}:Overflow) must be {SettingRules.Overflow.MustBe}.");
            }
        }

        if (section["BufferBytes"] is { } size)
        {
            if (SettingRules.BufferBytes.Accepts(size))
            {
                options.Logs.BufferBytes = int.Parse(size, NumberStyles.None, CultureInfo.InvariantCulture);
            }
            else
            {
                errors.Add($"Logs:BufferBytes {Quoted.Value(size)} ({section.Path}:BufferBytes) must be {SettingRules.BufferBytes.MustBe}.");
            }
        }
    }
}
