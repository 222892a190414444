using System;
using System.Linq;
using ProdServer.Config.Analyzers.Json;
using Xunit;

namespace ProdServer.Config.Analyzers.Tests;

public sealed class JsonReaderTests
{
    [Fact]
    public void Reads_nested_objects_arrays_and_scalars_with_their_offsets()
    {
        const string text = """{ "a": { "b": [1, -2.5e3, "x"] }, "t": true, "f": false, "n": null }""";

        var root = Assert.IsType<JsonObject>(JsonReader.Parse(text));

        Assert.Equal(["a", "t", "f", "n"], root.Properties.Select(p => p.Name));
        var a = root.Find("A")!;
        Assert.Equal("\"a\": { \"b\": [1, -2.5e3, \"x\"] }", text[a.Start..a.End]);
        var items = Assert.IsType<JsonArray>(Assert.IsType<JsonObject>(a.Value).Find("b")!.Value).Items.Cast<JsonScalar>().ToList();
        Assert.Equal([(JsonScalarKind.Number, "1"), (JsonScalarKind.Number, "-2.5e3"), (JsonScalarKind.String, "x")], items.Select(i => (i.Kind, i.Text)));
        Assert.Equal("\"x\"", text[items[2].Start..items[2].End]);
        Assert.Equal(JsonScalarKind.True, ((JsonScalar)root.Find("t")!.Value).Kind);
        Assert.Equal(JsonScalarKind.False, ((JsonScalar)root.Find("f")!.Value).Kind);
        Assert.Equal(JsonScalarKind.Null, ((JsonScalar)root.Find("n")!.Value).Kind);
    }

    [Fact]
    public void Accepts_what_the_configuration_loader_accepts_comments_trailing_commas_and_a_byte_order_mark()
    {
        const string text = "\uFEFF// settings\n{ /* block\n comment */ \"a\": [1, 2,], \"b\": 3, }\n// end";

        var root = Assert.IsType<JsonObject>(JsonReader.Parse(text));

        Assert.Equal(2, Assert.IsType<JsonArray>(root.Find("a")!.Value).Items.Count);
        Assert.Equal("3", ((JsonScalar)root.Find("b")!.Value).Text);
    }

    [Fact]
    public void Unescapes_strings_and_keeps_the_offsets_of_the_escaped_text()
    {
        const string text = """{ "k\u00e9y": "a\"b\\c\/d\n\tA" }""";

        var property = Assert.IsType<JsonObject>(JsonReader.Parse(text)).Properties.Single();

        Assert.Equal("kéy", property.Name);
        Assert.Equal("a\"b\\c/d\n\tA", ((JsonScalar)property.Value).Text);
        Assert.Equal(text.Length - 2, property.End);
    }

    [Fact]
    public void Find_gives_the_last_of_duplicate_keys_which_the_other_checks_read_while_PSC0120_reports_the_file()
    {
        var root = Assert.IsType<JsonObject>(JsonReader.Parse("""{ "Port": 1, "port": 2 }"""));

        Assert.Equal("2", ((JsonScalar)root.Find("PORT")!.Value).Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{ \"a\" 1 }")]
    [InlineData("{ \"a\": tru }")]
    [InlineData("{ \"a\": 1 } x")]
    [InlineData("{ \"a\": \"unterminated }")]
    [InlineData("[1 2]")]
    [InlineData("{ a: 1 }")]
    [InlineData("{ \"a\": - }")]
    [InlineData("/* open")]
    public void Refuses_text_that_is_not_JSON(string text)
    {
        var ex = Assert.ThrowsAny<FormatException>(() => JsonReader.Parse(text));

        Assert.StartsWith("Invalid JSON at offset", ex.Message, StringComparison.Ordinal);
        Assert.Null(JsonReader.TryParse(text));
    }
}
