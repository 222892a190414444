using System;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The merge reads the file once, checking and building its tree in one pass: what it writes is what JsonNode.Parse's
/// tree of the same file, with the processes added, writes.
/// </summary>
public sealed class AppSettingsMergeSpecs
{
    private const string Imported = """{ "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "App": "mysite.wsgi:application", "Args": { "threads": 8, "url_prefix": "/a\u00e9" } } } } }""";

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{ "Numbers": [1.0, 1e3, -0, 0.1, 1E-7, 12345678901234567890123456789, -17], "Big": 1.7976931348623157e309 }""")]
    [InlineData("""{ "Text": ["\u00e9", "a\"b", "tab\tand\nline", "\u2028", "é", "<&>'", "\\", "\/", "\ud83d\ude00", ""] }""")]
    [InlineData("""{ "Flags": [true, false, null], "Empty": { "o": {}, "a": [] }, "Null": null }""")]
    [InlineData("""{ "Deep": [[[{ "a": [{ "b": { "c": [1, [2, [3]]] } }] }]]], "After": 1 }""")]
    [InlineData("""{ "Trailing": [1, 2, ], "Object": { "a": 1, }, }""")]
    [InlineData("""{ "Logging": { "LogLevel": { "Default": "Information" } }, "prodserver": { "Rules": { "MaxThreads": 32 }, "processes": { "beat": { "Backend": "CeleryBeat", "App": "proj" } } } }""")]
    [InlineData("""{ "Grüße": { "naïve": "café" }, "a:b": 1 }""")]
    public void What_is_written_is_what_JsonNode_reads_of_the_file_with_the_processes_added(string existing)
    {
        var notes = new List<string>();

        var merged = AppSettingsMerge.Merge(existing, Imported, "appsettings.json", notes, "mysite.settings");

        Assert.Equal(Reference(existing), merged);
        Assert.Empty(notes);
    }

    [Fact]
    public void A_process_the_file_has_as_imported_is_said_to_be_the_same()
    {
        // The file's values are built from the reader, the import's by JsonNode.Parse: the same values compare equal.
        var notes = new List<string>();
        var existing = """{ "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "App": "mysite.wsgi:application", "Args": { "threads": 8.0, "url_prefix": "/aé" } } } } }""";

        AppSettingsMerge.Merge(existing, Imported, "appsettings.json", notes, "mysite.settings");

        Assert.Equal("appsettings.json: process 'web' was there already: the same as imported.", Assert.Single(notes));
    }

    [Fact]
    public void A_process_that_differs_is_said_to_be_replaced_key_by_key()
    {
        var notes = new List<string>();
        var existing = """{ "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "App": "other.wsgi:application", "Args": { "threads": 8 }, "StopTimeout": 30 } } } }""";

        AppSettingsMerge.Merge(existing, Imported, "appsettings.json", notes, "mysite.settings");

        Assert.Equal("appsettings.json: process 'web' was there already: replaced App, Args; kept StopTimeout.", Assert.Single(notes));
    }

    [Theory]
    [InlineData("""{ "a": "\ud800" }""")] // half a surrogate pair, escaped
    [InlineData("""{ "a": 1 } /* after */""")]
    [InlineData("""{ "a": [1, /* in */ 2] }""")]
    [InlineData("""5""")]
    [InlineData("""{ "a": 1 } { "b": 2 }""")]
    public void A_file_that_cannot_be_merged_is_refused_in_one_line_naming_it(string existing)
    {
        var ex = Assert.Throws<FormatException>(() => AppSettingsMerge.Merge(existing, Imported, "appsettings.json", [], "mysite.settings"));

        Assert.StartsWith("appsettings.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was written", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    // The file as JsonNode.Parse reads it, with the import's processes under ProdServer:Processes (found ignoring case).
    private static string Reference(string existing)
    {
        var root = JsonNode.Parse(existing, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })!.AsObject();
        var prodServer = Child(root, "ProdServer");
        var processes = Child(prodServer, "Processes");
        foreach (var (name, process) in JsonNode.Parse(Imported)!["ProdServer"]!["Processes"]!.AsObject())
        {
            processes[name] = process!.DeepClone();
        }

        return root.ToJsonString(Written) + "\n";
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        foreach (var (key, value) in parent)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value!.AsObject();
            }
        }

        var added = new JsonObject();
        parent[name] = added;
        return added;
    }
}
