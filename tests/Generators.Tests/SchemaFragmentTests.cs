using System.Linq;
using System.Text.Json;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>
/// The JSON schema fragment the generator writes per record (<c>IServerArgs.ConfigurationSchema</c>): the keys the binder
/// accepts, their JSON types, enum values, declared ranges and documentation, read from the generated code as run.
/// </summary>
public sealed class SchemaFragmentTests
{
    private const string MyServer = "MyApp.MyServerArgs";

    [Fact]
    public void Every_key_the_binder_accepts_is_a_property_and_nothing_else_is_allowed()
    {
        var schema = Fragment(MyServer);

        var keys = schema.GetProperty("properties").EnumerateObject().Select(static p => p.Name).ToArray();
        Assert.Equal(["Workers", "workers", "MaxBytes", "max-bytes", "max_bytes", "Sendfile", "sendfile", "NoSendfile", "no-sendfile", "no_sendfile"], keys.Where(k => k.Contains("orker") || k.Contains("ytes") || k.Contains("endfile")));
        Assert.Contains("Extra", keys);
        Assert.Contains("odd\"name", keys);
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void A_number_takes_a_JSON_number_or_a_numeric_string_within_its_declared_range()
    {
        var workers = Property(Fragment(MyServer), "workers");

        Assert.Equal(["integer", "string"], workers.GetProperty("type").EnumerateArray().Select(static t => t.GetString()));
        Assert.Equal(1, workers.GetProperty("minimum").GetInt32());
        Assert.Equal(64, workers.GetProperty("maximum").GetInt32());
        Assert.Matches(workers.GetProperty("pattern").GetString()!, " 8 ");
        Assert.DoesNotMatch(workers.GetProperty("pattern").GetString()!, "eight");
        Assert.Equal(0.5, Property(Fragment(MyServer), "Timeout").GetProperty("minimum").GetDouble());
        Assert.False(Property(Fragment(MyServer), "MaxBytes").TryGetProperty("minimum", out _));
    }

    [Fact]
    public void An_enum_lists_the_servers_spellings_the_member_names_and_the_usual_casings()
    {
        var mode = Property(Fragment(MyServer), "Mode");

        Assert.Equal(["fast", "Fast", "FAST", "slow-and-steady", "Careful", "SLOW-AND-STEADY", "http-only", "HTTPOnly", "HTTP-ONLY", "steady", "Steady", "STEADY"], mode.GetProperty("enum").EnumerateArray().Select(static v => v.GetString()));
        Assert.Equal("slow-and-steady", Property(Fragment(MyServer), "modes").GetProperty("items").GetProperty("enum")[3].GetString());
    }

    [Fact]
    public void Each_key_is_described_by_the_propertys_documentation_as_plain_text()
    {
        var schema = Fragment(MyServer);

        Assert.Equal("Worker processes, from 1 to 64; see Timeout.", Property(schema, "Workers").GetProperty("description").GetString());
        Assert.Equal("Same as Workers.", Property(schema, "workers").GetProperty("description").GetString());
        Assert.Equal("The opposite of Sendfile: true turns it off.", Property(schema, "no-sendfile").GetProperty("description").GetString());
    }

    [Fact]
    public void An_ArgAlias_is_a_key_in_both_spellings_with_its_flags_schema_and_in_the_binders_alias_table()
    {
        var schema = Fragment(MyServer);
        var serverArgs = GeneratedAssembly.Type("ProdServer.Config.IServerArgs");
        var aliases = (System.Collections.Generic.IReadOnlyDictionary<string, string>)GeneratedAssembly.Get(GeneratedAssembly.Create(MyServer), "KeyAliases", serverArgs)!;

        Assert.Equal("Same as MaxBytes (another name its server's users know).", Property(schema, "max_size").GetProperty("description").GetString());
        Assert.Equal(Property(schema, "MaxBytes").GetProperty("type").GetRawText(), Property(schema, "max-size").GetProperty("type").GetRawText());
        Assert.False(schema.GetProperty("properties").TryGetProperty("ghost", out _));
        Assert.Equal("max-bytes", aliases["MAX_SIZE"]);
        Assert.Single(aliases);
    }

    [Fact]
    public void WaitressArgs_describes_its_options_from_the_XML_docs()
    {
        var threads = Property(Fragment("ProdServer.Config.WaitressArgs"), "Threads");

        Assert.Equal("--threads: size of the request thread pool. Default 4.", threads.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("<member><summary>Uses <see cref=\"P:A.B.Listen\"/> or <see langword=\"null\"/>.</summary></member>", "Uses Listen or null.")]
    [InlineData("<member><summary>\n  Two\n  lines <c>--x</c>.\n</summary><remarks>Not this.</remarks></member>", "Two lines --x.")]
    [InlineData("<member><summary>Broken <c>tag</summary></member>", "")]
    [InlineData("", "")]
    public void Documentation_is_reduced_to_its_summary_text(string xml, string expected) =>
        Assert.Equal(expected, Documentation.Summary(xml));

    private static JsonElement Fragment(string type)
    {
        var serverArgs = GeneratedAssembly.Type("ProdServer.Config.IServerArgs");
        var text = (string)GeneratedAssembly.Get(GeneratedAssembly.Create(type), "ConfigurationSchema", serverArgs)!;
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement Property(JsonElement schema, string key) => schema.GetProperty("properties").GetProperty(key);
}
