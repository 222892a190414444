using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The settings of one args record as the rules see them: property name → value. The analyzer fills it from an
/// object initializer or a <see langword="with"/> expression, the JSON checker from <c>ProdServer:Processes:*:Args</c>,
/// and the runtime from the bound record, so all three feed the same rule code.
/// </summary>
/// <remarks>
/// Keys are matched the way the configuration binder matches them: case, <c>-</c> and <c>_</c> ignored, so
/// <c>ChannelTimeout</c>, <c>channel-timeout</c> and <c>channel_timeout</c> are one key. A value is a <see cref="bool"/>,
/// a <see cref="long"/>, a <see cref="string"/>, a <c>string[]</c>, or <see langword="null"/> for "set, but to a value
/// only known at run time".
/// </remarks>
internal sealed class SettingsBag
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>The number of settings.</summary>
    public int Count => _values.Count;

    /// <summary>Records a setting; a later value for the same key wins, as in an initializer.</summary>
    public void Set(string key, object? value) => _values[Normalize(key)] = value;

    /// <summary>Whether the setting is given at all (to a known value or not).</summary>
    public bool IsSet(string property) => _values.ContainsKey(Normalize(property));

    /// <summary>The setting as a boolean, when known; strings are read as configuration reads them (<c>True</c>, <c>false</c>).</summary>
    public bool? GetBoolean(string property) => Get(property) switch
    {
        bool b => b,
        string s when bool.TryParse(s.Trim(), out var b) => b,
        _ => null,
    };

    /// <summary>The setting as an integer, when known.</summary>
    public long? GetInteger(string property) => Get(property) switch
    {
        long l => l,
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    /// <summary>The setting as text, when known.</summary>
    public string? GetString(string property) => Get(property) switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The known entries of a list setting; a single string counts as a one-entry list, as in configuration.</summary>
    public IReadOnlyList<string> GetList(string property) => Get(property) switch
    {
        string[] list => list,
        string s => [s],
        _ => [],
    };

    /// <summary>The lookup key of a property or configuration key: <c>channel-timeout</c> → <c>channeltimeout</c>.</summary>
    public static string Normalize(string key)
    {
        var chars = new char[key.Length];
        var length = 0;
        foreach (var c in key)
        {
            if (c != '-' && c != '_')
            {
                chars[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(chars, 0, length);
    }

    private object? Get(string property) => _values.TryGetValue(Normalize(property), out var value) ? value : null;
}
