namespace ProdServer.Config.Analyzers.Json;

/// <summary>
/// Whether <c>Microsoft.Extensions.Configuration.Json</c> reads a settings file, and if not, why and where: its syntax
/// (<see cref="JsonReader"/>), a root that is not an object, or a key given a value twice (<see cref="ConfigurationKeys"/>).
/// The host refuses such a file before anything starts, whatever it holds, so the build says so (PSC0120).
/// </summary>
internal static class ConfigurationFile
{
    /// <summary>Why the provider refuses <paramref name="text"/>, or <see langword="null"/> when it reads it.</summary>
    public static ConfigurationFileProblem? Problem(string text)
    {
        JsonNode root;
        try
        {
            root = JsonReader.Parse(text);
        }
        catch (JsonSyntaxException e)
        {
            return new ConfigurationFileProblem(e.Offset, e.Offset < text.Length ? e.Offset + 1 : e.Offset, "the file is not valid JSON: " + e.Reason, null);
        }

        if (root is not JsonObject settings)
        {
            return new ConfigurationFileProblem(root.Start, root.End, $"the file's root must be an object ({{ … }}), not {Describe(root)}", null);
        }

        return ConfigurationKeys.FindDuplicate(settings) is { } duplicate
            ? new ConfigurationFileProblem(duplicate.Second.Start, duplicate.Second.End, $"the key '{duplicate.Key}' is given a value twice (configuration keys ignore case)", duplicate.First)
            : null;
    }

    private static string Describe(JsonNode root) => root switch
    {
        JsonArray => "an array",
        JsonScalar { Kind: JsonScalarKind.String } => "a string",
        JsonScalar { Kind: JsonScalarKind.Number } => "a number",
        JsonScalar { Kind: JsonScalarKind.Null } => "null",
        _ => "true or false",
    };
}

/// <summary>Why the configuration provider refuses a file, and where (offsets in its text).</summary>
internal sealed class ConfigurationFileProblem(int start, int end, string reason, JsonNode? first)
{
    /// <summary>The offset of the first character to point at.</summary>
    public int Start { get; } = start;

    /// <summary>The offset just past the last character to point at.</summary>
    public int End { get; } = end;

    /// <summary>What is wrong, in a few words.</summary>
    public string Reason { get; } = reason;

    /// <summary>For a duplicate key, where it was first given a value; otherwise <see langword="null"/>.</summary>
    public JsonNode? First { get; } = first;
}
