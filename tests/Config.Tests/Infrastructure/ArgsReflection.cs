using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>Sets one property of a fresh args record by name, for table-driven checks over a record's flags.</summary>
internal static class ArgsReflection
{
    public static IReadOnlyList<string> Translate<TArgs>(string property, object value)
        where TArgs : IServerArgs, new()
    {
        object args = new TArgs();
        typeof(TArgs).GetProperty(property)!.SetValue(args, value);
        var argv = new List<string>();
        ((TArgs)args).AppendArguments(argv);
        return argv;
    }

    /// <summary>The spelling each member of an enum property's type gets on the command line (<c>--loglevel=INFO</c> → <c>INFO</c>).</summary>
    public static IReadOnlyList<string> EnumSpellings<TArgs>(string property, string flag)
        where TArgs : IServerArgs, new()
    {
        var type = Nullable.GetUnderlyingType(typeof(TArgs).GetProperty(property)!.PropertyType)!;
        return Enum.GetValues(type).Cast<object>()
            .Select(v => Translate<TArgs>(property, v).Single())
            .Select(a => a.StartsWith("--" + flag + "=", StringComparison.Ordinal) ? a[(flag.Length + 3)..] : a)
            .ToList();
    }

    /// <summary>A fresh record with only <paramref name="flag"/> set to a sample value of its kind (the second member of an enum).</summary>
    public static TArgs WithSample<TArgs>(FlagInfo flag)
        where TArgs : IServerArgs, new()
    {
        object args = new TArgs();
        var property = typeof(TArgs).GetProperty(flag.Property)!;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        object value = flag.Kind switch
        {
            FlagKind.Boolean => true,
            FlagKind.Integer => 3,
            FlagKind.Number => 1.5,
            FlagKind.Enum => Enum.GetValues(type).GetValue(1)!,
            FlagKind.List => new[] { "a" },
            _ => "x",
        };
        property.SetValue(args, value);
        return (TArgs)args;
    }
}
