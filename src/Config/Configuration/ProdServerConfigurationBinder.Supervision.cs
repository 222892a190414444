using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>Binds the supervision settings of a process (<c>Restart</c>, <c>StartSeconds</c>, <c>Readiness</c>, …) and <c>OnGiveUp</c>.</summary>
internal static partial class ProdServerConfigurationBinder
{
    private static void BindOnGiveUp(IConfigurationSection section, ProdServerOptions options)
    {
        if (section.Value is { } text)
        {
            if (SettingRules.OnGiveUp.Choice(text) is { } choice)
            {
                options.OnGiveUp = Enum.Parse<GiveUpPolicy>(choice);
            }
            else
            {
                options.SectionBindingErrors.Add($"OnGiveUp {Quoted.Value(text)} ({section.Path}) must be {SettingRules.OnGiveUp.MustBe}.");
            }
        }
    }

    private static void BindSupervision(IConfigurationSection section, ProcessDefinition process, List<string> errors)
    {
        var name = section.Key; // as the user wrote it, so the message matches the key it quotes
        if (section["Restart"] is { } restart)
        {
            if (SettingRules.Restart.Choice(restart) is { } choice)
            {
                process.Restart = Enum.Parse<RestartPolicy>(choice);
            }
            else
            {
                errors.Add($"Process '{name}': Restart {Quoted.Value(restart)} ({section.Path}:Restart) must be {SettingRules.Restart.MustBe}.");
            }
        }

        BindTime(section, "StartSeconds", errors, name, value => process.StartSeconds = value);
        BindTime(section, "RestartDelay", errors, name, value => process.RestartDelay = value);
        BindTime(section, "RestartMaxDelay", errors, name, value => process.RestartMaxDelay = value);
        if (section["StartRetries"] is { } retries)
        {
            if (SettingRules.StartRetries.Accepts(retries))
            {
                process.StartRetries = SettingRules.Integer(retries)!.Value;
            }
            else
            {
                errors.Add($"Process '{name}': StartRetries {Quoted.Value(retries)} ({section.Path}:StartRetries) must be {SettingRules.StartRetries.MustBe}.");
            }
        }

        BindList(section.GetSection("DependsOn"), process.DependsOn, errors, $"Process '{name}': ", "[\"api\"]");
        if (section["Replicas"] is { } replicas)
        {
            if (SettingRules.Replicas.Accepts(replicas))
            {
                process.Replicas = SettingRules.Integer(replicas)!.Value;
            }
            else
            {
                errors.Add($"Process '{name}': Replicas {Quoted.Value(replicas)} ({section.Path}:Replicas) must be {SettingRules.Replicas.MustBe}.");
            }
        }

        BindResources(section, process, errors);
        var readiness = section.GetSection("Readiness");
        foreach (var child in readiness.GetChildren())
        {
            if (Array.FindIndex(SettingRules.ReadinessKeys, k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                errors.Add($"Process '{name}': {child.Path} is not a readiness setting; expected one of {string.Join(", ", SettingRules.ReadinessKeys)}.");
            }
        }

        process.Readiness.Path = readiness["Path"] ?? process.Readiness.Path;
        if (readiness["Status"] is { } status)
        {
            if (SettingRules.Status.Accepts(status))
            {
                process.Readiness.Status = SettingRules.Integer(status)!.Value;
            }
            else
            {
                errors.Add($"Process '{name}': Readiness:Status {Quoted.Value(status)} ({readiness.Path}:Status) must be {SettingRules.Status.MustBe}.");
            }
        }

        BindTime(readiness, "Timeout", errors, name, value => process.Readiness.Timeout = value, "Readiness:");
    }

    private static void BindResources(IConfigurationSection section, ProcessDefinition process, List<string> errors)
    {
        var resources = section.GetSection("Resources");
        foreach (var child in resources.GetChildren())
        {
            if (Array.FindIndex(SettingRules.ResourceKeys, k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                errors.Add($"Process '{section.Key}': {child.Path} is not a resource setting; expected one of {string.Join(", ", SettingRules.ResourceKeys)}.");
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

        if (SettingRules.TryParseTime(text, out var value))
        {
            set(value);
        }
        else
        {
            errors.Add($"Process '{name}': {prefix}{key} {Quoted.Value(text)} ({section.Path}:{key}) must be {SettingRules.Time.MustBe}.");
        }
    }
}
