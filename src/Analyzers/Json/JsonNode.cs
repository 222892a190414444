using System.Collections.Generic;

namespace ProdServer.Config.Analyzers.Json;

/// <summary>A JSON value and where it is in the text (offsets; <c>SourceText</c> turns them into lines and columns).</summary>
internal abstract class JsonNode
{
    protected JsonNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    /// <summary>The offset of the value's first character.</summary>
    public int Start { get; }

    /// <summary>The offset just past the value's last character.</summary>
    public int End { get; }
}

/// <summary>An object; member order is kept, and duplicate names too (the configuration provider refuses them: PSC0120, <see cref="ConfigurationKeys"/>).</summary>
internal sealed class JsonObject(int start, int end, IReadOnlyList<JsonProperty> properties) : JsonNode(start, end)
{
    /// <summary>The members in order.</summary>
    public IReadOnlyList<JsonProperty> Properties { get; } = properties;

    /// <summary>The last member called <paramref name="name"/>, case ignored as configuration ignores it.</summary>
    public JsonProperty? Find(string name)
    {
        JsonProperty? found = null;
        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                found = property;
            }
        }

        return found;
    }
}

/// <summary>An object member: <c>"Name": value</c>, spanning from the name's opening quote to the value's end.</summary>
internal sealed class JsonProperty(int start, string name, JsonNode value) : JsonNode(start, value.End)
{
    /// <summary>The unescaped name.</summary>
    public string Name { get; } = name;

    /// <summary>The value.</summary>
    public JsonNode Value { get; } = value;
}

/// <summary>An array.</summary>
internal sealed class JsonArray(int start, int end, IReadOnlyList<JsonNode> items) : JsonNode(start, end)
{
    /// <summary>The items in order.</summary>
    public IReadOnlyList<JsonNode> Items { get; } = items;
}

/// <summary>A string, number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed class JsonScalar(int start, int end, JsonScalarKind kind, string text) : JsonNode(start, end)
{
    /// <summary>What kind of scalar this is.</summary>
    public JsonScalarKind Kind { get; } = kind;

    /// <summary>The unescaped string, or the literal text of a number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    public string Text { get; } = text;
}

/// <summary>The kinds of <see cref="JsonScalar"/>.</summary>
internal enum JsonScalarKind
{
    String,
    Number,
    True,
    False,
    Null,
}
