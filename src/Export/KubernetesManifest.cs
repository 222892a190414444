using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProdServer.Config;

/// <summary>
/// Turns the client's typed Kubernetes objects into manifest YAML and back. KubernetesClient.Aot keeps its YAML
/// serializer internal, so the objects go through System.Text.Json with a source-generated context (their own
/// <c>[JsonPropertyName]</c> names and converters, no reflection) and the JSON tree is written as block YAML with
/// YamlDotNet's representation model.
/// </summary>
internal static partial class KubernetesManifest
{
    /// <summary>The objects as one YAML stream, one document each.</summary>
    public static string ToYaml(IEnumerable<object> objects)
    {
        var stream = new YamlStream(objects.Select(o => new YamlDocument(ToNode(JsonSerializer.SerializeToElement(o, o.GetType(), KubernetesJson.Default)))));
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        stream.Save(writer, assignAnchors: false);
        // YamlDotNet closes each document with "..."; manifests are written with "---" between documents only.
        return string.Join('\n', writer.ToString().Split('\n').Where(line => line != "..."));
    }

    /// <summary>Reads every document of <paramref name="yaml"/> back into the typed object its <c>kind</c> names.</summary>
    public static IReadOnlyList<object> FromYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d =>
        {
            var json = ToJson(d.RootNode);
            var kind = ((YamlScalarNode)((YamlMappingNode)d.RootNode).Children[new YamlScalarNode("kind")]).Value;
            return kind switch
            {
                "Deployment" => (object)JsonSerializer.Deserialize(json, KubernetesJson.Default.V1Deployment)!,
                "Service" => JsonSerializer.Deserialize(json, KubernetesJson.Default.V1Service)!,
                _ => throw new InvalidDataException($"Unexpected kind '{kind}' in a ProdServer manifest."),
            };
        }).ToList();
    }

    private static YamlNode ToNode(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new YamlMappingNode(element.EnumerateObject().Select(p =>
            new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Name), ToNode(p.Value)))),
        JsonValueKind.Array => new YamlSequenceNode(element.EnumerateArray().Select(ToNode)),
        // Strings are quoted so YAML never reads "8000" or "on" as a number or a boolean.
        JsonValueKind.String => new YamlScalarNode(element.GetString()) { Style = ScalarStyle.DoubleQuoted },
        JsonValueKind.True => new YamlScalarNode("true"),
        JsonValueKind.False => new YamlScalarNode("false"),
        JsonValueKind.Null => new YamlScalarNode("null"),
        _ => new YamlScalarNode(element.GetRawText()),
    };

    private static string ToJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value!);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode { Style: ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted } quoted:
                writer.WriteStringValue(quoted.Value);
                break;
            case YamlScalarNode scalar:
                WritePlain(writer, scalar.Value ?? "null");
                break;
        }
    }

    // A plain scalar is a number, a boolean or null in the manifests written here; anything else is a string.
    private static void WritePlain(Utf8JsonWriter writer, string value)
    {
        if (value is "true" or "false")
        {
            writer.WriteBooleanValue(value == "true");
        }
        else if (value is "null" or "~")
        {
            writer.WriteNullValue();
        }
        else if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(V1Deployment))]
    [JsonSerializable(typeof(V1Service))]
    private sealed partial class KubernetesJson : JsonSerializerContext;
}
