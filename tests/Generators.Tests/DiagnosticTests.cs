using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>Each PSC1xxx fires on its bad input, at the right place, and the record it flags gets no generated code.</summary>
public sealed class DiagnosticTests
{
    private const string Header = """
        using System.Collections.Generic;
        using ProdServer.Config;

        namespace MyApp;

        """;

    [Theory]
    [InlineData("public sealed record NotPartialArgs", "NotPartialArgs", "it is not partial")]
    [InlineData("public sealed partial class NotPartialArgs", "NotPartialArgs", "it is a class")]
    public void PSC1001_a_ServerArgs_type_must_be_a_partial_record(string declaration, string marker, string reason)
    {
        var source = Header + $$"""
            [ServerArgs("x")]
            {{declaration}}
            {
                [Flag("host")]
                public string? Host { get; init; }
            }
            """;

        var diagnostic = AssertSingle(source, "PSC1001", marker);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void PSC1001_a_containing_type_must_be_partial_too()
    {
        var source = Header + """
            public static class Outer
            {
                [ServerArgs("x")]
                public sealed partial record InnerArgs
                {
                    [Flag("host")]
                    public string? Host { get; init; }
                }
            }
            """;

        var diagnostic = AssertSingle(source, "PSC1001", "InnerArgs");
        Assert.Contains("'Outer' is not partial", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void PSC1002_two_properties_declare_the_same_flag_case_insensitively()
    {
        var source = Header + """
            [ServerArgs("x")]
            public sealed partial record DuplicateArgs
            {
                [Flag("port")]
                public int? Port { get; init; }

                [Flag("Port")]
                public int? OtherPort { get; init; }
            }
            """;

        var diagnostic = AssertSingle(source, "PSC1002", "Flag(\"Port\")");
        Assert.Contains("'Port' and 'OtherPort'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[ExtraArgs]")]
    [InlineData("[PositionalArgs]")]
    public void PSC1002_two_ExtraArgs_or_two_PositionalArgs_properties(string attribute)
    {
        var source = Header + $$"""
            [ServerArgs("x")]
            public sealed partial record DuplicateArgs
            {
                {{attribute}}
                public IReadOnlyList<string>? Extra { get; init; }

                {{attribute}}
                public IReadOnlyList<string>? More { get; init; }
            }
            """;

        // Reported on the second attribute, like a duplicated [Flag].
        AssertSingle(source, "PSC1002", attribute + "\n    public IReadOnlyList<string>? More");
    }

    [Theory]
    [InlineData("int", "Workers", "use int?")]
    [InlineData("string", "Workers", "use string?")]
    [InlineData("List<string>?", "Workers", "supported types are")]
    [InlineData("IReadOnlyList<int>?", "Workers", "supported types are")]
    [InlineData("decimal?", "Workers", "supported types are")]
    public void PSC1003_unsupported_property_type(string type, string property, string reason)
    {
        var source = Header + $$"""
            [ServerArgs("x")]
            public sealed partial record BadArgs
            {
                [Flag("workers")]
                public {{type}} {{property}} { get; init; }
            }
            """;

        var diagnostic = AssertSingle(source, "PSC1003", $"public {type} {property}");
        Assert.Contains($"'{property}'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void PSC1003_a_flag_property_needs_an_init_or_set_accessor()
    {
        var source = Header + """
            [ServerArgs("x")]
            public sealed partial record BadArgs
            {
                [Flag("workers")]
                public int? Workers { get; }
            }
            """;

        var diagnostic = AssertSingle(source, "PSC1003", "public int? Workers");
        Assert.Contains("init or set accessor", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[ExtraArgs]", "string?", "[ExtraArgs] needs IReadOnlyList<string>?")]
    [InlineData("[PositionalArgs]", "string?", "[PositionalArgs] needs IReadOnlyList<string>?")]
    [InlineData("[PositionalArgs, ExtraArgs]", "IReadOnlyList<string>?", "only one of [Flag], [ExtraArgs] and [PositionalArgs]")]
    [InlineData("[PositionalArgs, Flag(\"targets\")]", "IReadOnlyList<string>?", "only one of [Flag], [ExtraArgs] and [PositionalArgs]")]
    public void PSC1003_ExtraArgs_and_PositionalArgs_are_each_one_list_of_strings_and_nothing_else(string attributes, string type, string reason)
    {
        var source = Header + $$"""
            [ServerArgs("x")]
            public sealed partial record BadArgs
            {
                {{attributes}}
                public {{type}} Targets { get; init; }
            }
            """;

        var diagnostic = AssertSingle(source, "PSC1003", $"public {type} Targets");
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void PSC1004_a_boolean_flag_must_declare_its_style()
    {
        var source = Header + """
            [ServerArgs("x")]
            public sealed partial record BadArgs
            {
                [Flag("reload")]
                public bool? Reload { get; init; }
            }
            """;

        var diagnostic = AssertSingle(source, "PSC1004", "Flag(\"reload\")");
        Assert.Contains("'Reload'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("--port", "leading dashes")]
    [InlineData("-p", "leading dashes")]
    [InlineData("two words", "white space")]
    [InlineData("port=80", "'='")]
    public void PSC1005_invalid_flag_name(string name, string reason)
    {
        var source = Header + $$"""
            [ServerArgs("x")]
            public sealed partial record BadArgs
            {
                [Flag("{{name}}")]
                public int? Port { get; init; }
            }
            """;

        var diagnostic = AssertSingle(source, "PSC1005", $"[Flag(\"{name}\")]");
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_records_report_nothing()
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: true, Sources.MyServerArgs, Sources.NestedGeneric));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(4, result.HintNames.Count()); // three records, and WaitressArgs's builder methods
    }

    [Fact]
    public void A_bad_record_does_not_stop_a_good_one_from_being_generated()
    {
        var bad = Header + """
            [ServerArgs("x")]
            public sealed partial record BadArgs
            {
                [Flag("reload")]
                public bool? Reload { get; init; }
            }
            """;

        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: true, bad));

        Assert.Equal(["PSC1004"], result.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Equal(["ProdServer.Config.WaitressArgs.Args.g.cs", "ProdServer.Config.WaitressBuilderExtensions.g.cs"], result.HintNames);
    }

    [Fact]
    public void Every_problem_in_a_record_is_reported_at_once()
    {
        var source = Header + """
            [ServerArgs("x")]
            public sealed partial record BadArgs
            {
                [Flag("reload")]
                public bool? Reload { get; init; }

                [Flag("--port")]
                public int? Port { get; init; }

                [Flag("workers")]
                public int Workers { get; init; }
            }
            """;

        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: false, source));

        Assert.Equal(["PSC1004", "PSC1005", "PSC1003"], result.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(result.HintNames);
    }

    [Fact]
    public void Diagnostics_carry_the_help_link_and_are_errors()
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: false, Header + """
            [ServerArgs("x")]
            public sealed record BadArgs;
            """));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/PSC1001.md", diagnostic.Descriptor.HelpLinkUri);
        Assert.Equal("ProdServer.Generator", diagnostic.Descriptor.Category);
    }

    // Runs the generator on one bad record and checks the single diagnostic: its ID, its file, and the line of 'marker'.
    private static Diagnostic AssertSingle(string source, string id, string marker)
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: false, source));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("User0.cs", span.Path);
        Assert.Equal(LineOf(source, marker), span.StartLinePosition.Line + 1);
        Assert.Empty(result.HintNames);
        return diagnostic;
    }

    private static int LineOf(string source, string marker)
    {
        var index = source.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{marker}' is not in the source.");
        return source[..index].Count(c => c == '\n') + 1;
    }
}
