using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProdServer.Config;

/// <summary>
/// <c>import … --out appsettings.json --merge</c>: the imported processes written into an appsettings.json that exists
/// (the template's, with its <c>Logging</c> section and the settings module of its <c>web</c>), keeping everything else.
/// </summary>
/// <remarks>
/// Keys are found as .NET configuration finds them, ignoring case, and keep the file's spelling. A process the file has
/// already takes the import's <c>Backend</c>, <c>App</c> and <c>Args</c> whole (the import is django-prodserver's
/// complete definition, and the file's <c>Args</c> may belong to another server), the import's <c>WorkingDirectory</c>,
/// <c>Python</c> and <c>Venv</c> where it writes them, and its <c>Environment</c> variable by variable; all the file's
/// other keys stay. Each process that was there already gets a note naming what was replaced and what was kept (key
/// names, never values). A file with comments is refused: JSON comments cannot be carried through, and nothing is dropped
/// silently.
/// </remarks>
internal static class AppSettingsMerge
{
    // What the import defines whole for a process: replaced, or removed when the import has none.
    private static readonly string[] Owned = ["Backend", "App", "Args"];

    private const string SettingsVariable = "DJANGO_SETTINGS_MODULE";

    /// <summary>The file's text with <paramref name="imported"/> (the import's own appsettings.json) merged in.</summary>
    /// <param name="existing">The file's text.</param>
    /// <param name="imported">The import's document, as <see cref="ImportedAppSettingsWriter"/> wrote it.</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <param name="notes">Receives one line per process the file had already.</param>
    /// <param name="settingsModule">The settings module the import read: a process's <c>DJANGO_SETTINGS_MODULE</c> in the file
    /// that names another (the template's <c>mysite.settings</c> for a project called otherwise) is set to it, since
    /// django-prodserver ran every server in the settings that were read.</param>
    /// <exception cref="FormatException">The file is not a JSON object that can take the processes; the message says why.</exception>
    public static string Merge(string existing, string imported, string file, List<string> notes, string settingsModule)
    {
        var root = Parse(existing, file);
        var processes = Section(Section(root, ProdServerOptions.SectionName, file), "Processes", file);
        var incoming = (JsonObject)JsonNode.Parse(imported)![ProdServerOptions.SectionName]!["Processes"]!;
        foreach (var (name, node) in incoming.ToList())
        {
            var process = (JsonObject)node!;
            if (Find(processes, name) is not { } there)
            {
                processes[name] = process.DeepClone();
                continue;
            }

            if (there.Value is not JsonObject target)
            {
                throw new FormatException($"{file}: {Path(name)} is {Kind(there.Value)}, not a process object; nothing was written.");
            }

            notes.Add(MergeProcess(name, process, target, file, settingsModule));
        }

        // The relaxed encoder keeps what the file spelled ("Grüße", "a&b<c>") as it was; the default one rewrote every
        // untouched non-ASCII or HTML-sensitive character as \uXXXX. Control characters and quotes are still escaped.
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string MergeProcess(string name, JsonObject process, JsonObject target, string file, string settingsModule)
    {
        var (added, replaced, removed, keptVariables) = (new List<string>(), new List<string>(), new List<string>(), new List<string>());
        foreach (var key in Owned.Where(k => process[k] is null))
        {
            if (Find(target, key) is { } stale)
            {
                target.Remove(stale.Key);
                removed.Add(stale.Key);
            }
        }

        foreach (var (key, value) in process.ToList())
        {
            var there = Find(target, key);
            if (key == "Environment" && there?.Value is JsonObject variables)
            {
                // Variable by variable: the file's others are kept (named, never their values).
                var imported = (JsonObject)value!;
                foreach (var (variable, text) in imported.ToList())
                {
                    var old = Find(variables, variable);
                    var said = string.Equals(variable, SettingsVariable, StringComparison.Ordinal)
                        ? $"Environment:{variable} (the settings read are {settingsModule})"
                        : "Environment:" + variable;
                    Said(old, text, said, added, replaced);
                    variables[old?.Key ?? variable] = text!.DeepClone();
                }

                keptVariables.AddRange(variables.Select(v => v.Key).Where(v => Find(imported, v) is null).Select(v => "Environment:" + v));
                continue;
            }

            Said(there, value, key, added, replaced);
            target[there?.Key ?? key] = value!.DeepClone();
        }

        var kept = target.Select(p => p.Key).Where(k => !process.Any(i => string.Equals(i.Key, k, StringComparison.OrdinalIgnoreCase))).Concat(keptVariables).ToList();
        var parts = new[] { ("added", added, ""), ("replaced", replaced, ""), ("removed", removed, " (django-prodserver's process has none)"), ("kept", kept, "") }
            .Where(p => p.Item2.Count > 0)
            .Select(p => p.Item1 + " " + string.Join(", ", p.Item2.Select(k => Names.Printable(k))) + p.Item3);
        var what = string.Join("; ", parts);
        return $"{Names.Printable(file)}: process '{Names.Printable(name)}' was there already: {(what.Length == 0 ? "the same as imported" : what)}.";
    }

    // A key the import sets: added when the file lacks it, replaced when its value differs, not said when it is the same.
    private static void Said(KeyValuePair<string, JsonNode?>? there, JsonNode? value, string key, List<string> added, List<string> replaced)
    {
        if (there is null)
        {
            added.Add(key);
        }
        else if (!JsonNode.DeepEquals(there.Value.Value, value))
        {
            replaced.Add(key);
        }
    }

    // One pass of the reader both checks the file (a key twice, comments; trailing commas are allowed, as configuration
    // allows them) and builds the tree that is merged into: JsonNode.Parse cannot count comments nor refuse a key twice
    // where it is, so the file was read a second time by it.
    private static JsonObject Parse(string text, string file)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow, AllowTrailingCommas = true };
        var reader = new Utf8JsonReader(bytes, options);
        var comments = 0;
        var open = new List<OpenContainer>();
        JsonNode? root = null;
        try
        {
            while (reader.Read())
            {
                comments += reader.TokenType == JsonTokenType.Comment ? 1 : 0;
                Read(ref reader, open, ref root, bytes, file);
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{file}:{ex.LineNumber + 1}:{ex.BytePositionInLine + 1}: not valid JSON; nothing was written.", ex);
        }
        catch (InvalidOperationException ex)
        {
            // A string the reader passes that is no text (an escaped half of a surrogate pair, "\ud800"): one line naming the file.
            throw new FormatException($"{file}: {Names.Printable(ex.Message, 200)}; nothing was written.", ex);
        }

        if (comments > 0)
        {
            throw new FormatException(
                $"{file} has {comments} comment(s), which a merge cannot keep; nothing was written: import to standard output and paste the processes, or remove the comments.");
        }

        return root as JsonObject ?? throw new FormatException($"{file}: not a JSON object; nothing was written.");
    }

    // An object or array the reader is inside: its node, the keys an object has so far and the key being read, an array's index.
    private sealed class OpenContainer
    {
        public required JsonNode Node { get; init; }

        public Dictionary<string, string>? Keys { get; init; }

        public string? Key { get; set; }

        public int Index { get; set; } = -1;
    }

    // One token: a key is checked and kept for its value, a value is put where the key or the array says, a container is
    // entered and left. A key twice in one object is refused wherever it is: .NET configuration, which reads keys
    // ignoring case, fails to load a file where two of them give one value ("Web" and "web" are the same process there).
    private static void Read(ref Utf8JsonReader reader, List<OpenContainer> open, ref JsonNode? root, byte[] bytes, string file)
    {
        var token = reader.TokenType;
        if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
        {
            open.RemoveAt(open.Count - 1);
            return;
        }

        if (token == JsonTokenType.PropertyName)
        {
            var current = open[^1];
            var key = reader.GetString()!;
            if (current.Keys!.TryGetValue(key, out var first))
            {
                var path = string.Join(":", open.Take(open.Count - 1).Select(c => c.Keys is null ? c.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) : c.Key).Append(key));
                var line = 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
                var spelled = first == key ? string.Empty : $" (as '{Names.Printable(first)}' and '{Names.Printable(key)}')";
                throw new FormatException(
                    $"{file}:{line}: the key '{Names.Printable(path, 200)}' is there twice{spelled}; nothing was written: keep one (.NET configuration reads keys ignoring case and refuses a value given twice).");
            }

            current.Keys[key] = key;
            current.Key = key;
            return;
        }

        if (token == JsonTokenType.Comment)
        {
            return;
        }

        var node = token switch
        {
            JsonTokenType.StartObject => new JsonObject(),
            JsonTokenType.StartArray => new JsonArray(),
            _ => Value(ref reader),
        };
        if (open.Count == 0)
        {
            root = node;
        }
        else if (open[^1] is { Keys: null } array)
        {
            array.Index++;
            ((JsonArray)array.Node).Add(node);
        }
        else
        {
            ((JsonObject)open[^1].Node)[open[^1].Key!] = node;
        }

        if (token == JsonTokenType.StartObject)
        {
            open.Add(new OpenContainer { Node = node!, Keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) });
        }
        else if (token == JsonTokenType.StartArray)
        {
            open.Add(new OpenContainer { Node = node! });
        }
    }

    // A value as JsonNode.Parse gives it: null for null, and a number kept as written (1.0, 1e3 and 20 digits stay so).
    private static JsonNode? Value(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => JsonValue.Create(reader.GetString()),
        JsonTokenType.True => JsonValue.Create(true),
        JsonTokenType.False => JsonValue.Create(false),
        JsonTokenType.Number => Number(reader.ValueSpan),
        _ => null,
    };

    private static JsonValue? Number(ReadOnlySpan<byte> literal)
    {
        var number = new Utf8JsonReader(literal);
        return JsonValue.Create(JsonElement.ParseValue(ref number));
    }

    // The child object named `name` (ignoring case, as configuration does), added when missing.
    private static JsonObject Section(JsonObject parent, string name, string file)
    {
        if (Find(parent, name) is not { } there)
        {
            var added = new JsonObject();
            parent[name] = added;
            return added;
        }

        return there.Value as JsonObject
            ?? throw new FormatException($"{file}: {Names.Printable(there.Key)} is {Kind(there.Value)}, not an object; nothing was written.");
    }

    private static KeyValuePair<string, JsonNode?>? Find(JsonObject parent, string name)
    {
        foreach (var property in parent)
        {
            if (string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return property;
            }
        }

        return null;
    }

    private static string Path(string name) => $"{ProdServerOptions.SectionName}:Processes:{Names.Printable(name)}";

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "a boolean",
        },
        _ => "an object",
    };
}
