using System.Globalization;
using System.Linq;
using ProdServer.Config.Analyzers.Json;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// Whether a JSON value can be read as an <c>Args</c> key's kind, the way the binder reads it: configuration turns every
/// scalar into text, so <c>"8"</c> is a whole number as much as <c>8</c>, but <c>"eight"</c> is not.
/// </summary>
internal static class ValueShape
{
    /// <summary>What the key needs, when <paramref name="value"/> cannot be read as it (<c>"a whole number"</c>), else <see langword="null"/>.</summary>
    public static string? Mismatch(ArgKey key, JsonNode value) => value switch
    {
        JsonScalar { Kind: JsonScalarKind.Null } => null,
        JsonObject => key.Kind == ArgValueKind.List ? "a value or an array of values" : "one value",
        JsonArray => key.Kind == ArgValueKind.List ? null : "one value",
        JsonScalar scalar => key.Kind switch
        {
            ArgValueKind.Integer when !long.TryParse(scalar.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) => "a whole number",
            ArgValueKind.Number when Number(scalar) is null => "a number",
            ArgValueKind.Boolean when !IsBoolean(scalar.Text) => "true or false",
            ArgValueKind.Enum when !key.EnumWords.Contains(Word(scalar.Text)) => "one of the server's values",
            _ => null,
        },
        _ => null,
    };

    /// <summary>The number a scalar holds (a JSON number or numeric text), or <see langword="null"/>.</summary>
    public static double? Number(JsonScalar scalar) =>
        scalar.Kind is JsonScalarKind.Number or JsonScalarKind.String
        && double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>How a value reads in a message: <c>the string 'eight'</c>, <c>an object</c>, <c>8</c>.</summary>
    public static string Describe(JsonNode value) => value switch
    {
        JsonObject => "an object",
        JsonArray => "an array",
        JsonScalar { Kind: JsonScalarKind.String } s => $"the string '{Printable(s.Text)}'",
        JsonScalar s => s.Text,
        _ => "a value",
    };

    /// <summary>An enum word as compared: without <c>-</c> and <c>_</c>, upper case.</summary>
    public static string Word(string text) => text.Trim().Replace("-", string.Empty).Replace("_", string.Empty).ToUpperInvariant();

    // ArgsConfigurationReader.ParseBoolean's words.
    private static bool IsBoolean(string text) => text.Trim().ToLowerInvariant() is "true" or "false" or "1" or "0" or "yes" or "no" or "on" or "off";

    // A message is one line: a value holding a line break or a control character is shown escaped (DiagnosticText), and cut when long.
    internal static string Printable(string text) => DiagnosticText.Escaped(text.Length > 60 ? text.Substring(0, 60) + "…" : text);
}
