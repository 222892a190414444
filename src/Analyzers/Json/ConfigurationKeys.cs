using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config.Analyzers.Json;

/// <summary>
/// The keys <c>Microsoft.Extensions.Configuration.Json</c> makes of a document (<c>ProdServer:Processes:web:Args:Threads</c>,
/// an array's items by index), and the one it refuses: a key given a value twice. Its parser keeps the keys in a
/// case-insensitive dictionary and throws when a value arrives for a key already there, so <c>"Workers"</c> beside
/// <c>"workers"</c>, <c>"a:b"</c> beside <c>"a": { "b" }</c> and <c>"a": [1]</c> beside <c>"a": { "0" }</c> are all
/// refused; an empty object or array only sets its key to nothing, without that check, and two objects of one name merge.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>The first key the provider would find twice in <paramref name="root"/>, or <see langword="null"/>.</summary>
    public static DuplicateKey? FindDuplicate(JsonObject root)
    {
        var seen = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
        return Object(root, null, seen);
    }

    // at: what a diagnostic points at for a key: the member ("Workers": 2), or the item of an array.
    private static DuplicateKey? Value(string key, JsonNode value, JsonNode at, Dictionary<string, JsonNode> seen)
    {
        switch (value)
        {
            case JsonObject { Properties.Count: > 0 } section:
                return Object(section, key, seen);
            case JsonArray { Items.Count: > 0 } list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (Value(key + ":" + i.ToString(CultureInfo.InvariantCulture), list.Items[i], list.Items[i], seen) is { } duplicate)
                    {
                        return duplicate;
                    }
                }

                return null;
            case JsonObject or JsonArray:
                seen[key] = at; // empty: the key is set to nothing, over whatever it had
                return null;
            default:
                if (seen.TryGetValue(key, out var first))
                {
                    return new DuplicateKey(key, first, at);
                }

                seen[key] = at;
                return null;
        }
    }

    private static DuplicateKey? Object(JsonObject section, string? prefix, Dictionary<string, JsonNode> seen)
    {
        foreach (var property in section.Properties)
        {
            var key = prefix is null ? property.Name : prefix + ":" + property.Name;
            if (Value(key, property.Value, property, seen) is { } duplicate)
            {
                return duplicate;
            }
        }

        return null;
    }
}

/// <summary>A key the configuration provider finds twice: as it names it, where it was first set, and where again.</summary>
internal sealed class DuplicateKey(string key, JsonNode first, JsonNode second)
{
    /// <summary>The key as the provider names it, from the second place (<c>ProdServer:Processes:web:Args:workers</c>).</summary>
    public string Key { get; } = key;

    /// <summary>Where the key was first given a value.</summary>
    public JsonNode First { get; } = first;

    /// <summary>Where it is given one again, which the provider refuses.</summary>
    public JsonNode Second { get; } = second;
}
