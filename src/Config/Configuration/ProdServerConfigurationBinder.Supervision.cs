using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>Binds the supervision settings of a process (<c>Restart</c>, <c>StartSeconds</c>, <c>Readiness</c>, …) and <c>OnGiveUp</c>.</summary>
internal static partial class ProdServerConfigurationBinder
{
    internal static readonly string[] ReadinessKeys = ["Path", "Status", "Timeout"];

    internal static readonly string[] ResourceKeys = ["Cpu", "Memory"];

    private static void BindOnGiveUp(IConfigurationSection section, ProdServerOptions options)
    {
        if (section.Value is { } text)
        {
            if (TryParseEnum<GiveUpPolicy>(text, out var policy))
            {
                options.OnGiveUp = policy;
            }
            else
            {
                options.SectionBindingErrors.Add($"OnGiveUp '{text}' ({section.Path}) must be StopAll or KeepOthers.");
            }
        }
    }

    private static void BindSupervision(IConfigurationSection section, ProcessDefinition process, List<string> errors)
    {
        var name = section.Key; // as the user wrote it, so the message matches the key it quotes
        if (section["Restart"] is { } restart)
        {
            if (TryParseEnum<RestartPolicy>(restart.Replace("-", string.Empty, StringComparison.Ordinal), out var policy))
            {
                process.Restart = policy;
            }
            else
            {
                errors.Add($"Process '{name}': Restart '{restart}' ({section.Path}:Restart) must be Never, OnFailure or Always.");
            }
        }

        BindTime(section, "StartSeconds", errors, name, value => process.StartSeconds = value);
        BindTime(section, "RestartDelay", errors, name, value => process.RestartDelay = value);
        BindTime(section, "RestartMaxDelay", errors, name, value => process.RestartMaxDelay = value);
        if (section["StartRetries"] is { } retries)
        {
            if (int.TryParse(retries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0)
            {
                process.StartRetries = count;
            }
            else
            {
                errors.Add($"Process '{name}': StartRetries '{retries}' ({section.Path}:StartRetries) must be a whole number, 0 or more.");
            }
        }

        BindList(section.GetSection("DependsOn"), process.DependsOn, errors, $"Process '{name}': ", "[\"api\"]");
        if (section["Replicas"] is { } replicas)
        {
            if (int.TryParse(replicas, NumberStyles.Integer, CultureInfo.InvariantCulture, out var copies) && copies >= 1)
            {
                process.Replicas = copies;
            }
            else
            {
                errors.Add($"Process '{name}': Replicas '{replicas}' ({section.Path}:Replicas) must be a whole number, 1 or more.");
            }
        }

        BindResources(section, process, errors);
        var readiness = section.GetSection("Readiness");
        foreach (var child in readiness.GetChildren())
        {
            if (Array.FindIndex(ReadinessKeys, k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                errors.Add($"Process '{name}': {child.Path} is not a readiness setting; expected one of {string.Join(", ", ReadinessKeys)}.");
            }
        }

        process.Readiness.Path = readiness["Path"] ?? process.Readiness.Path;
        if (readiness["Status"] is { } status)
        {
            if (int.TryParse(status, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
            {
                process.Readiness.Status = code;
            }
            else
            {
                errors.Add($"Process '{name}': Readiness:Status '{status}' ({readiness.Path}:Status) must be an HTTP status code such as 200.");
            }
        }

        BindTime(readiness, "Timeout", errors, name, value => process.Readiness.Timeout = value, "Readiness:");
    }

    private static void BindResources(IConfigurationSection section, ProcessDefinition process, List<string> errors)
    {
        var resources = section.GetSection("Resources");
        foreach (var child in resources.GetChildren())
        {
            if (Array.FindIndex(ResourceKeys, k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                errors.Add($"Process '{section.Key}': {child.Path} is not a resource setting; expected one of {string.Join(", ", ResourceKeys)}.");
            }
        }

        process.Resources.Cpu = resources["Cpu"] ?? process.Resources.Cpu;
        process.Resources.Memory = resources["Memory"] ?? process.Resources.Memory;
    }

    private static void BindTime(IConfigurationSection section, string key, List<string> errors, string name, Action<TimeSpan> set, string prefix = "")
    {
        if (section[key] is not { } text)
        {
            return;
        }

        if (TryParseTimeout(text, out var value))
        {
            set(value);
        }
        else
        {
            errors.Add($"Process '{name}': {prefix}{key} '{text}' ({section.Path}:{key}) must be seconds (1.5) or a time span (00:00:01.5).");
        }
    }

    // Names only: Enum.TryParse would also take "1" or "-5", which are no policy.
    private static bool TryParseEnum<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && !char.IsAsciiDigit(text.Trim()[0]) && text.Trim()[0] != '-'
            && Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
