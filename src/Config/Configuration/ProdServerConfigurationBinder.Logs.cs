using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>Binds <c>ProdServer:Logs</c> (<c>Overflow</c>, <c>BufferBytes</c>).</summary>
internal static partial class ProdServerConfigurationBinder
{
    internal static readonly string[] LogKeys = ["Overflow", "BufferBytes"];

    private static void BindLogs(IConfigurationSection section, ProdServerOptions options)
    {
        var errors = options.SectionBindingErrors;
        if (section.Value is { Length: > 0 } text)
        {
            errors.Add($"{section.Path} is '{text}', but must be a section such as {section.Path}:Overflow.");
        }

        foreach (var child in section.GetChildren())
        {
            if (Array.FindIndex(LogKeys, k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                errors.Add($"{child.Path} is not a log setting; expected one of {string.Join(", ", LogKeys)}.");
            }
        }

        if (section["Overflow"] is { } overflow)
        {
            if (TryParseEnum<LogOverflow>(overflow, out var policy))
            {
                options.Logs.Overflow = policy;
            }
            else
            {
                errors.Add($"Logs:Overflow '{overflow}' ({section.Path}:Overflow) must be Block or Drop.");
            }
        }

        if (section["BufferBytes"] is { } size)
        {
            if (int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
                && bytes is >= ProdServerLogOptions.MinimumBufferBytes and <= ProdServerLogOptions.MaximumBufferBytes)
            {
                options.Logs.BufferBytes = bytes;
            }
            else
            {
                errors.Add($"Logs:BufferBytes '{size}' ({section.Path}:BufferBytes) must be a whole number of bytes from {ProdServerLogOptions.MinimumBufferBytes} to {ProdServerLogOptions.MaximumBufferBytes}.");
            }
        }
    }
}
