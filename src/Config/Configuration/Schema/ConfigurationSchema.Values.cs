using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ProdServer.Config;

/// <summary>The value shapes the binder reads, as JSON schema: each also accepts the string the binder parses, as configuration from environment variables and pasted django-prodserver settings is text.</summary>
internal static partial class ConfigurationSchema
{
    // int.TryParse and double.TryParse with the invariant culture; TimeSpan's c format (d.hh:mm:ss.fff).
    private const string IntegerPattern = "^\\s*[-+]?[0-9]+\\s*$";
    private const string SecondsPattern = "^\\s*([0-9]+(\\.[0-9]*)?|\\.[0-9]+|([0-9]+\\.)?[0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2}(\\.[0-9]+)?)?)\\s*$";

    /// <summary>An object with these keys and no others.</summary>
    private static JsonObject Closed(string description, params (string Key, JsonObject Schema)[] keys)
    {
        var properties = new JsonObject();
        foreach (var (key, schema) in keys)
        {
            properties[key] = schema;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = description,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonObject TextOrList(string description) => new()
    {
        ["type"] = Array(["string", "array"]),
        ["items"] = new JsonObject { ["type"] = "string" },
        ["description"] = description,
    };

    private static JsonObject Choice(string description, IEnumerable<string> values) => new() { ["enum"] = Array(values), ["description"] = description };

    // A named choice as the binder reads it (ValueRule.Choice): any case, spaces around, a '-' between words
    // ("on-failure"). The enum is what editors offer to complete; the pattern accepts the other spellings.
    private static JsonObject Choice(string description, ValueRule rule) => new()
    {
        ["anyOf"] = new JsonArray(
            new JsonObject { ["enum"] = Array(rule.Choices) },
            new JsonObject { ["type"] = "string", ["pattern"] = "^\\s*(" + string.Join("|", rule.Choices.Select(AnyCase)) + ")\\s*$" }),
        ["description"] = description,
    };

    // OnFailure as [Oo][Nn]-?[Ff][Aa]…: each letter in either case, an optional '-' where a new word starts.
    private static string AnyCase(string name) => string.Concat(name.Select((c, i) =>
        (i > 0 && char.IsUpper(c) ? "-?" : string.Empty) + (char.IsLetter(c) ? $"[{char.ToUpperInvariant(c)}{char.ToLowerInvariant(c)}]" : c.ToString())));

    private static JsonObject Boolean(string description) => new()
    {
        ["type"] = Array(["boolean", "string"]),
        ["pattern"] = "^\\s*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\\s*$",
        ["description"] = description,
    };

    private static JsonObject Integer(string description, int? minimum, int? maximum)
    {
        var schema = new JsonObject { ["type"] = Array(["integer", "string"]), ["pattern"] = IntegerPattern };
        if (minimum is { } low)
        {
            schema["minimum"] = low;
        }

        if (maximum is { } high)
        {
            schema["maximum"] = high;
        }

        schema["description"] = description;
        return schema;
    }

    // A time start-up bounds (SupervisionLimits: at most a day) gets the same maximum in seconds, so an editor says what start-up would.
    private static JsonObject Seconds(string description, bool atMostADay = false)
    {
        var schema = new JsonObject
        {
            ["type"] = Array(["number", "string"]),
            ["minimum"] = 0,
            ["pattern"] = SecondsPattern,
            ["description"] = description,
        };
        if (atMostADay)
        {
            schema["maximum"] = (int)SupervisionLimits.LongestWait.TotalSeconds;
        }

        return schema;
    }

    // Environment variables: names as the validator accepts them, values as text (a JSON number or boolean binds as its text).
    private static JsonObject Variables() => new()
    {
        ["type"] = "object",
        ["description"] = "Environment variables set for the process; they win over EnvFile.",
        ["propertyNames"] = new JsonObject { ["pattern"] = "^[A-Za-z_][A-Za-z0-9_]*$" },
        ["additionalProperties"] = new JsonObject { ["type"] = Array(["string", "number", "boolean"]) },
    };

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
