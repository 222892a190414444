using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProdServer.Config;

/// <summary>
/// The pieces the Compose and Kubernetes exporters build their YAML from, with YamlDotNet's representation model (no
/// reflection, NativeAOT-clean): the library does the quoting and escaping, and strings are always double-quoted so
/// YAML never reads a value as a number or a boolean.
/// </summary>
internal static class ManifestYaml
{
    /// <summary>A string, double-quoted and escaped by YamlDotNet, whatever it holds.</summary>
    public static YamlScalarNode Text(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    /// <summary>An integer, plain.</summary>
    public static YamlScalarNode Number(long value) => new(value.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    /// <summary>A boolean, plain.</summary>
    public static YamlScalarNode Flag(bool value) => new(value ? "true" : "false") { Style = ScalarStyle.Plain };

    /// <summary>A block mapping of the entries whose value is not <see langword="null"/> (an absent field), in their order.</summary>
    public static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map.Add(key, value);
            }
        }

        return map;
    }

    /// <summary>A block sequence.</summary>
    public static YamlSequenceNode List(IEnumerable<YamlNode> items) => new(items);

    /// <summary>The documents as one YAML stream, "---" between them and no "..." after them (how manifests are written).</summary>
    public static string Write(IEnumerable<YamlNode> documents)
    {
        var stream = new YamlStream(documents.Select(d => new YamlDocument(d)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        stream.Save(writer, assignAnchors: false);
        // YamlDotNet closes each document with "..." on a line of its own; no scalar line is ever just that (they are quoted).
        return string.Join('\n', writer.ToString().Split('\n').Where(line => line != "..."));
    }
}
