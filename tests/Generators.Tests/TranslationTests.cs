using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>
/// The generated code run for real: what argv a record turns into and what Bind reads. Property-by-property coverage of
/// WaitressArgs lives in tests/Config.Tests; these pin down the generator's own choices.
/// </summary>
public sealed class TranslationTests
{
    private const string Waitress = "ProdServer.Config.WaitressArgs";
    private const string MyServer = "MyApp.MyServerArgs";

    [Fact]
    public void A_record_with_nothing_set_writes_nothing()
    {
        Assert.Empty(GeneratedAssembly.Argv(GeneratedAssembly.Create(Waitress)));
        Assert.Empty(GeneratedAssembly.Argv(GeneratedAssembly.Create(MyServer)));
    }

    [Theory]
    [InlineData(true, new[] { "--expose-tracebacks" })]
    [InlineData(false, new[] { "--no-expose-tracebacks" })]
    public void A_negatable_boolean_is_a_bare_flag_never_a_value(bool value, string[] expected)
    {
        var argv = GeneratedAssembly.Argv(GeneratedAssembly.Create(Waitress, ("ExposeTracebacks", value)));

        Assert.Equal(expected, argv);
        Assert.DoesNotContain(argv, a => a.Contains('='));
    }

    [Theory]
    [InlineData(true, new[] { "--call" })]
    [InlineData(false, new string[0])]
    public void A_switch_is_written_only_when_true(bool value, string[] expected) =>
        Assert.Equal(expected, GeneratedAssembly.Argv(GeneratedAssembly.Create(Waitress, ("Call", value))));

    [Theory]
    [InlineData("Sendfile", false, new[] { "--no-sendfile" })]
    [InlineData("Sendfile", true, new string[0])]
    [InlineData("WsDeflate", true, new[] { "--ws-deflate=true" })]
    [InlineData("WsDeflate", false, new[] { "--ws-deflate=false" })]
    public void Negative_switches_and_value_booleans_follow_their_style(string property, bool value, string[] expected) =>
        Assert.Equal(expected, GeneratedAssembly.Argv(GeneratedAssembly.Create(MyServer, (property, value))));

    [Fact]
    public void A_list_without_a_separator_repeats_the_flag()
    {
        var argv = GeneratedAssembly.Argv(GeneratedAssembly.Create(Waitress, ("Listen", new[] { "127.0.0.1:8080", "[::1]:8080" })));

        Assert.Equal(["--listen=127.0.0.1:8080", "--listen=[::1]:8080"], argv);
    }

    [Fact]
    public void An_enum_list_with_a_separator_is_one_argument_in_the_servers_spelling()
    {
        var argv = GeneratedAssembly.Argv(GeneratedAssembly.Create(Waitress, ("TrustedProxyHeaders", new[] { "XForwardedFor", "XForwardedProto" })));

        Assert.Equal(["--trusted-proxy-headers=x-forwarded-for x-forwarded-proto"], argv);
    }

    [Fact]
    public void Enums_use_ServerValue_or_else_kebab_case()
    {
        var args = GeneratedAssembly.Create(
            MyServer,
            ("Mode", "HTTPOnly"),
            ("Modes", new[] { "Careful", "Fast" }),
            ("Fallbacks", new[] { "Steady", "HTTPOnly" }));

        Assert.Equal(
            ["--mode=http-only", "--modes=slow-and-steady,fast", "--fallback=slow-and-steady", "--fallback=http-only"],
            GeneratedAssembly.Argv(args));
    }

    [Fact]
    public void An_enum_value_with_no_member_is_refused_rather_than_written_as_a_number()
    {
        var args = GeneratedAssembly.Create(MyServer);
        var mode = GeneratedAssembly.Type("MyApp.Mode");
        GeneratedAssembly.Type(MyServer).GetProperty("Mode")!.SetValue(args, Enum.ToObject(mode, 42));

        Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedAssembly.Argv(args));
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fr-FR")]
    [InlineData("de-DE")]
    public void Numbers_are_written_in_the_invariant_culture_whatever_the_current_one(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal(["--port=8000"], GeneratedAssembly.Argv(GeneratedAssembly.Create(Waitress, ("Port", 8000))));
            Assert.Equal(
                ["--timeout=2.5", "--max-bytes=-1048576"],
                GeneratedAssembly.Argv(GeneratedAssembly.Create(MyServer, ("Timeout", 2.5), ("MaxBytes", -1048576L))));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Flags_follow_declaration_order_and_extra_arguments_come_last()
    {
        // Set in scrambled order on purpose: the output order must come from the declarations.
        var args = GeneratedAssembly.Create(
            Waitress,
            ("ExtraArgs", new[] { "--future-flag=1" }),
            ("ServerName", "example.org"),
            ("Threads", 8),
            ("Listen", new[] { "*:8080" }),
            ("Ipv6", false),
            ("Host", "0.0.0.0"),
            ("Call", true));

        Assert.Equal(
            ["--call", "--host=0.0.0.0", "--no-ipv6", "--listen=*:8080", "--threads=8", "--server-name=example.org", "--future-flag=1"],
            GeneratedAssembly.Argv(args));
    }

    [Fact]
    public void Extra_arguments_are_checked_by_the_runtime_helper()
    {
        var args = GeneratedAssembly.Create(Waitress, ("ExtraArgs", new[] { "positional" }));

        var error = Assert.Throws<ArgumentException>(() => GeneratedAssembly.Argv(args));
        Assert.Contains("ExtraArgs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppendArguments_refuses_a_null_list()
    {
        var error = Assert.Throws<ArgumentNullException>(() => GeneratedAssembly.Invoke(GeneratedAssembly.Create(Waitress), "AppendArguments", [null]));
        Assert.Equal("argv", error.ParamName);
    }

    [Fact]
    public void Command_and_Flags_describe_the_record()
    {
        var args = GeneratedAssembly.Create(Waitress);
        var serverArgs = GeneratedAssembly.Type("ProdServer.Config.IServerArgs");

        Assert.Equal("waitress-serve", GeneratedAssembly.Get(args, "Command", serverArgs));
        var flags = ((System.Collections.IEnumerable)GeneratedAssembly.Get(args, "Flags", serverArgs)!).Cast<object>().Select(f => f.ToString()).ToArray();
        Assert.Equal("FlagInfo { Property = Call, Name = call, Kind = Boolean, Since = , Removed = , Minimum = , Maximum =  }", flags[0]);
        Assert.Equal("FlagInfo { Property = TrustedProxyHeaders, Name = trusted-proxy-headers, Kind = List, Since = , Removed = , Minimum = , Maximum =  }", flags[9]);
        Assert.Equal("FlagInfo { Property = ExtraArgs, Name = , Kind = Extra, Since = , Removed = , Minimum = , Maximum =  }", flags[^1]);
        Assert.Same(GeneratedAssembly.Type(Waitress).GetProperty("ServerFlags")!.GetValue(null), GeneratedAssembly.Get(args, "Flags", serverArgs));
    }

    [Fact]
    public void The_flag_table_carries_the_server_releases_a_flag_needs()
    {
        var args = GeneratedAssembly.Create(MyServer);
        var serverArgs = GeneratedAssembly.Type("ProdServer.Config.IServerArgs");

        var flags = ((System.Collections.IEnumerable)GeneratedAssembly.Get(args, "Flags", serverArgs)!).Cast<object>().Select(f => f.ToString()).ToArray();

        Assert.Contains("FlagInfo { Property = MaxBytes, Name = max-bytes, Kind = Integer, Since = 2.0, Removed = , Minimum = , Maximum =  }", flags);
        Assert.Contains("FlagInfo { Property = Timeout, Name = timeout, Kind = Number, Since = , Removed = , Minimum = 0.5, Maximum =  }", flags);
        Assert.Contains("FlagInfo { Property = WsDeflate, Name = ws-deflate, Kind = Boolean, Since = , Removed = 3.1, Minimum = , Maximum =  }", flags);
        Assert.Contains("FlagInfo { Property = Workers, Name = workers, Kind = Integer, Since = , Removed = , Minimum = 1, Maximum = 64 }", flags);
    }

    [Fact]
    public void Bind_reads_property_names_flag_names_and_snake_case_and_keeps_unset_values()
    {
        var original = GeneratedAssembly.Create(Waitress, ("Host", "127.0.0.1"), ("Threads", 2));
        var section = FakeConfigurationSection.Create(
            "ProdServer:Processes:web:Args",
            ("port", "8000"),
            ("ExposeTracebacks", "False"),
            ("trusted_proxy_headers", "x-forwarded-for XForwardedProto"),
            ("Listen", new[] { "127.0.0.1:8000", "[::1]:8000" }),
            ("outbuf-overflow", "2097152"));
        var reader = Activator.CreateInstance(GeneratedAssembly.Type("ProdServer.Config.ArgsConfigurationReader"), section)!;

        var bound = GeneratedAssembly.Invoke(original, "Bind", reader)!;

        Assert.Empty((IReadOnlyList<string>)GeneratedAssembly.Get(reader, "Errors")!);
        Assert.Equal(
            [
                "--host=127.0.0.1", "--port=8000", "--listen=127.0.0.1:8000", "--listen=[::1]:8000", "--threads=2",
                "--trusted-proxy-headers=x-forwarded-for x-forwarded-proto", "--outbuf-overflow=2097152", "--no-expose-tracebacks",
            ],
            GeneratedAssembly.Argv(bound));
        Assert.Equal(["--host=127.0.0.1", "--threads=2"], GeneratedAssembly.Argv(original));
    }

    [Fact]
    public void Bind_reports_an_unknown_enum_word_with_the_servers_spellings()
    {
        var section = FakeConfigurationSection.Create("Args", ("Mode", "turbo"), ("modes", "fast,warp"));
        var reader = Activator.CreateInstance(GeneratedAssembly.Type("ProdServer.Config.ArgsConfigurationReader"), section)!;

        var bound = GeneratedAssembly.Invoke(GeneratedAssembly.Create(MyServer), "Bind", reader)!;

        var errors = (IReadOnlyList<string>)GeneratedAssembly.Get(reader, "Errors")!;
        Assert.Equal(
            ["Args:Mode: 'turbo' is not one of fast, slow-and-steady, http-only.", "Args:modes: 'warp' is not one of fast, slow-and-steady, http-only."],
            errors);
        Assert.Empty(GeneratedAssembly.Argv(bound));
    }

    [Fact]
    public void Bind_accepts_member_names_and_aliases_in_any_case()
    {
        var section = FakeConfigurationSection.Create("Args", ("Mode", "careful"), ("Fallbacks", "STEADY http-only Fast"));
        var reader = Activator.CreateInstance(GeneratedAssembly.Type("ProdServer.Config.ArgsConfigurationReader"), section)!;

        var bound = GeneratedAssembly.Invoke(GeneratedAssembly.Create(MyServer), "Bind", reader)!;

        Assert.Empty((IReadOnlyList<string>)GeneratedAssembly.Get(reader, "Errors")!);
        Assert.Equal(
            ["--mode=slow-and-steady", "--fallback=slow-and-steady", "--fallback=http-only", "--fallback=fast"],
            GeneratedAssembly.Argv(bound));
    }

    [Fact]
    public void Positional_arguments_bind_by_property_name_and_come_after_the_extra_arguments()
    {
        var section = FakeConfigurationSection.Create("Args", ("targets", new[] { "site one", "two" }), ("Extra", new[] { "--newer=1" }), ("workers", "2"));
        var reader = Activator.CreateInstance(GeneratedAssembly.Type("ProdServer.Config.ArgsConfigurationReader"), section)!;

        var bound = GeneratedAssembly.Invoke(GeneratedAssembly.Create(MyServer), "Bind", reader)!;

        Assert.Empty((IReadOnlyList<string>)GeneratedAssembly.Get(reader, "Errors")!);
        Assert.Empty((IEnumerable<string>)GeneratedAssembly.Get(reader, "UnknownKeys")!);
        Assert.Equal(["--workers=2", "--newer=1", "site one", "two"], GeneratedAssembly.Argv(bound));
        Assert.Equal("Targets", GeneratedAssembly.Get(bound, "PositionalProperty", GeneratedAssembly.Type("ProdServer.Config.IServerArgs")));
        Assert.Null(GeneratedAssembly.Get(GeneratedAssembly.Create(Waitress), "PositionalProperty", GeneratedAssembly.Type("ProdServer.Config.IServerArgs")));
    }

    [Theory]
    [InlineData("-v")]
    [InlineData("--workers=9")]
    [InlineData("a\nb")]
    [InlineData("")]
    public void A_positional_word_the_server_would_read_as_an_option_is_refused_by_the_translator(string word)
    {
        var args = GeneratedAssembly.Create(MyServer, ("Targets", new[] { "ok", word }));

        var error = Assert.Throws<ArgumentException>(() => GeneratedAssembly.Argv(args));
        Assert.StartsWith("Targets entry '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrittenFlags_holds_the_typed_values_of_exactly_the_flags_AppendArguments_writes()
    {
        var args = GeneratedAssembly.Create(
            MyServer,
            ("Workers", 4),
            ("Reload", false),                 // a switch set to false writes nothing
            ("Sendfile", true),                // a negative switch set to true writes nothing
            ("WsDeflate", false),              // a value boolean is written either way
            ("Timeout", 2.5),
            ("Mode", "HTTPOnly"),
            ("Modes", new[] { "Careful", "Fast" }),
            ("Address", System.Array.Empty<string>()), // an empty repeated list writes nothing
            ("Extra", new[] { "--newer=1" }));

        var written = ((System.Collections.IEnumerable)GeneratedAssembly.Invoke(args, "get_WrittenFlags")!).Cast<object>()
            .Select(v => (Property: (string)GeneratedAssembly.Get(GeneratedAssembly.Get(v, "Flag")!, "Property")!, Value: GeneratedAssembly.Get(v, "Value")))
            .ToList();

        Assert.Equal(["Workers", "Mode", "Timeout", "WsDeflate", "Modes", "Extra"], written.Select(w => w.Property));
        Assert.Equal(4L, written[0].Value);
        Assert.Equal("http-only", written[1].Value);
        Assert.Equal(2.5, written[2].Value);
        Assert.Equal(false, written[3].Value);
        Assert.Equal(["slow-and-steady", "fast"], (string[])written[4].Value!);
        Assert.Equal(["--newer=1"], (string[])written[5].Value!);
        Assert.Equal(
            ["--workers=4", "--mode=http-only", "--timeout=2.5", "--ws-deflate=false", "--modes=slow-and-steady,fast", "--newer=1"],
            GeneratedAssembly.Argv(args));
    }
}
