using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace ProdServer.Config.Generators.Tests.Infrastructure;

/// <summary>
/// Just enough of <see cref="IConfigurationSection"/> for the reader: keys with a value or an array of values.
/// (Microsoft.Extensions.Configuration itself is not referenced; the Abstractions package is all the contract needs.)
/// </summary>
internal sealed class FakeConfigurationSection : IConfigurationSection
{
    private readonly IReadOnlyList<FakeConfigurationSection> _children;

    private FakeConfigurationSection(string path, string? value, IReadOnlyList<FakeConfigurationSection> children)
    {
        Path = path;
        Value = value;
        _children = children;
    }

    public string Key => Path[(Path.LastIndexOf(':') + 1)..];

    public string Path { get; }

    public string? Value { get; set; }

    public string? this[string key]
    {
        get => GetSection(key).Value;
        set => throw new NotSupportedException();
    }

    /// <summary>A section whose entries are strings or string arrays.</summary>
    public static FakeConfigurationSection Create(string path, params (string Key, object Value)[] entries) =>
        new(path, null, [.. entries.Select(e => e.Value switch
        {
            string s => new FakeConfigurationSection(path + ":" + e.Key, s, []),
            string[] items => new FakeConfigurationSection(
                path + ":" + e.Key,
                null,
                [.. items.Select((item, i) => new FakeConfigurationSection($"{path}:{e.Key}:{i}", item, []))]),
            _ => throw new ArgumentException("Values must be strings or string arrays."),
        })]);

    public IConfigurationSection GetSection(string key) =>
        _children.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase))
        ?? new FakeConfigurationSection(Path + ":" + key, null, []);

    public IEnumerable<IConfigurationSection> GetChildren() => _children;

    public IChangeToken GetReloadToken() => throw new NotSupportedException();
}
