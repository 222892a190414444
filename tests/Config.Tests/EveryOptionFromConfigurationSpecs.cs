using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Configuration wins over code, so every option a backend's args record takes in C# must be settable from appsettings.json
/// too: a typed property the generated binder does not read (as rqworker's positional <c>Queues</c> once was) is a setting
/// a user migrating from django-prodserver cannot write, and its key is refused as unknown.
/// </summary>
public sealed class EveryOptionFromConfigurationSpecs
{
    public static TheoryData<string> Backends() => [.. ServerBackends.Names];

    [Theory]
    [MemberData(nameof(Backends))]
    public void Every_option_the_record_takes_in_csharp_is_a_key_of_its_configuration_schema(string backend)
    {
        var args = ServerBackends.Find(backend)!.CreateDefaultArgs();
        using var schema = JsonDocument.Parse(args.ConfigurationSchema);
        var keys = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var missing = Options(args.GetType()).Select(p => p.Name).Where(name => !keys.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"{backend}: {string.Join(", ", missing)} cannot be set from configuration.");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Every_list_option_binds_from_a_configuration_list(string backend)
    {
        var args = ServerBackends.Find(backend)!.CreateDefaultArgs();
        foreach (var property in Options(args.GetType()).Where(p => p.PropertyType == typeof(IReadOnlyList<string>)))
        {
            var section = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Args:" + property.Name + ":0"] = "a", ["Args:" + property.Name + ":1"] = "b" })
                .Build()
                .GetSection("Args");
            var reader = new ArgsConfigurationReader(section);

            var bound = args.Bind(reader);

            Assert.Empty(reader.Errors);
            Assert.Empty(reader.UnknownKeys);
            Assert.Equal(["a", "b"], (IEnumerable<string>)property.GetValue(bound)!);
        }
    }

    // The public properties a user sets with 'with { … }': public init or set accessors, the record's own and inherited.
    private static IEnumerable<PropertyInfo> Options(Type record) =>
        record.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);
}
