using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ProdServer.Config;

/// <summary>
/// Reads the values <see cref="DjangoSettingsScript"/> tagged: JSON strings, numbers, booleans, null and arrays are Python's
/// own; a dict is <c>{"items": [[key, value], …]}</c> in its order; anything else is <c>{"repr": …, "type": …}</c>.
/// Everything here is data from the user's Python, so each description is made printable before it reaches a message.
/// </summary>
internal static class PythonValue
{
    /// <summary>Whether <paramref name="value"/> is a dict.</summary>
    public static bool IsDict(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array;

    /// <summary>The (key, value) pairs of a dict, in its order.</summary>
    public static IEnumerable<(JsonElement Key, JsonElement Value)> Items(JsonElement dict) =>
        dict.GetProperty("items").EnumerateArray()
            .Where(pair => pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2)
            .Select(pair => (pair[0], pair[1]));

    /// <summary>The value of <paramref name="key"/> in a dict (exact, as Python compares string keys), or <see langword="null"/>.</summary>
    public static JsonElement? Get(JsonElement dict, string key)
    {
        foreach (var (k, v) in Items(dict))
        {
            if (k.ValueKind == JsonValueKind.String && k.GetString() == key)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>
    /// The text django-prodserver would put after <c>--key=</c> for a scalar (<c>str(value)</c>), or <see langword="null"/>
    /// for a value that is no scalar (a list, dict, None or another object).
    /// </summary>
    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(), // Python's own digits (json.dumps of an int or a finite float)
        _ => null,
    };

    /// <summary>A short, printable description of <paramref name="value"/> as Python would show it, for messages.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "'" + Names.Printable(value.GetString() ?? string.Empty, 60) + "'",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => "None",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array => "a list",
        _ when IsDict(value) => "a dict",
        _ when value.ValueKind == JsonValueKind.Object && value.TryGetProperty("repr", out var repr) =>
            Names.Printable(repr.GetString() ?? "?", 60) + (value.TryGetProperty("type", out var type) ? " (" + Names.Printable(type.GetString() ?? "?", 40) + ")" : string.Empty),
        _ => "an unreadable value",
    };
}
