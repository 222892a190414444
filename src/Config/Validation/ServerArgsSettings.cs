using System;
using System.Collections.Generic;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// Reads any bound args record into the <see cref="SettingsBag"/> the rules evaluate, through what the record
/// itself writes (<see cref="IServerArgs.AppendArguments"/>) and its flag table, so a new backend needs no code here.
/// </summary>
internal static class ServerArgsSettings
{
    public static SettingsBag Read(IServerArgs args)
    {
        var flags = new Dictionary<string, FlagInfo>(StringComparer.Ordinal);
        foreach (var flag in args.Flags)
        {
            if (flag.Kind != FlagKind.Extra)
            {
                flags[flag.Name] = flag;
            }
        }

        var argv = new List<string>();
        var settings = new SettingsBag();
        try
        {
            args.AppendArguments(argv);
        }
        catch (ArgumentException)
        {
            // A bad ExtraArgs entry: the args validator fails the start with that message; nothing to judge here.
            return settings;
        }

        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var argument in argv)
        {
            // Every flag is written "--name=value", "--name" or "--no-name" (see ServerArgument).
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? argument[2..] : argument[2..equals];
            var value = equals < 0 ? null : argument[(equals + 1)..];
            if (flags.TryGetValue(name, out var flag))
            {
                if (flag.Kind == FlagKind.List)
                {
                    if (!lists.TryGetValue(flag.Property, out var list))
                    {
                        lists[flag.Property] = list = [];
                    }

                    list.Add(value ?? string.Empty);
                }
                else
                {
                    settings.Set(flag.Property, flag.Kind == FlagKind.Boolean && value is null ? true : value);
                }
            }
            else if (name.StartsWith("no-", StringComparison.Ordinal) && flags.TryGetValue(name[3..], out flag) && flag.Kind == FlagKind.Boolean)
            {
                settings.Set(flag.Property, false);
            }
        }

        foreach (var (property, list) in lists)
        {
            settings.Set(property, list.ToArray());
        }

        return settings;
    }
}
