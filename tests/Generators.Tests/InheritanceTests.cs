using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>
/// A [ServerArgs] record writes the [Flag] properties it inherits from base records, so a group of flags several servers
/// share (Django's management-command options, celery's global options) is declared once.
/// </summary>
public sealed class InheritanceTests
{
    // Two levels of bases: Common (written first), then Verbose (written last), then the command's own flags.
    private const string Chain = """
        using System.Collections.Generic;
        using ProdServer.Config;

        namespace MyApp;

        /// <summary>Options every command has.</summary>
        public abstract record CommonArgs
        {
            /// <summary>Settings.</summary>
            [Flag("settings")]
            public string? Settings { get; init; }

            /// <summary>Traceback.</summary>
            [Flag("traceback", Boolean = BooleanStyle.Switch)]
            public bool? Traceback { get; init; }

            /// <summary>Not a flag: never written.</summary>
            public string? Note { get; init; }
        }

        /// <summary>Options of the commands that log.</summary>
        [FlagGroup(Position = FlagGroupPosition.Last)]
        public abstract record VerboseArgs : CommonArgs
        {
            /// <summary>Verbosity.</summary>
            [Flag("verbosity")]
            public int? Verbosity { get; init; }

            /// <summary>Verbatim extras, declared in a base and still written last.</summary>
            [ExtraArgs]
            public IReadOnlyList<string>? ExtraArgs { get; init; }
        }

        /// <summary>The command.</summary>
        [ServerArgs("manage.py work")]
        public sealed partial record WorkArgs : VerboseArgs
        {
            /// <summary>Queue.</summary>
            [Flag("queue")]
            public string? Queue { get; init; }

            /// <summary>Batch.</summary>
            [Flag("batch", Boolean = BooleanStyle.Switch)]
            public bool? Batch { get; init; }
        }
        """;

    [Fact]
    public void Inherited_flags_are_written_first_in_declared_order_unless_their_group_says_last()
    {
        var assembly = GeneratedAssembly.Compile(includeWaitress: false, Chain);
        var args = GeneratedAssembly.Create(
            assembly.GetType("MyApp.WorkArgs", throwOnError: true)!,
            ("Verbosity", 2), ("Batch", true), ("Queue", "q"), ("Traceback", true), ("Settings", "s"), ("Note", "ignored"), ("ExtraArgs", new[] { "--newer=1" }));

        Assert.Equal(["--settings=s", "--traceback", "--queue=q", "--batch", "--verbosity=2", "--newer=1"], GeneratedAssembly.Argv(args));
    }

    [Fact]
    public void The_flag_table_lists_inherited_flags_where_they_are_written()
    {
        var assembly = GeneratedAssembly.Compile(includeWaitress: false, Chain);
        var flags = (System.Collections.IEnumerable)assembly.GetType("MyApp.WorkArgs", throwOnError: true)!.GetProperty("ServerFlags")!.GetValue(null)!;

        Assert.Equal(
            ["Settings", "Traceback", "Queue", "Batch", "Verbosity", "ExtraArgs"],
            flags.Cast<object>().Select(f => (string)GeneratedAssembly.Get(f, "Property")!));
    }

    [Fact]
    public void Bind_sets_inherited_flags_from_configuration()
    {
        var assembly = GeneratedAssembly.Compile(includeWaitress: false, Chain);
        var section = FakeConfigurationSection.Create("Args", ("settings", "mysite.settings"), ("Verbosity", "3"), ("queue", "emails"));
        var reader = Activator.CreateInstance(assembly.GetType("ProdServer.Config.ArgsConfigurationReader", throwOnError: true)!, section)!;

        var bound = GeneratedAssembly.Invoke(GeneratedAssembly.Create(assembly.GetType("MyApp.WorkArgs", throwOnError: true)!), "Bind", reader)!;

        Assert.Empty((IReadOnlyList<string>)GeneratedAssembly.Get(reader, "Errors")!);
        Assert.Equal(["--settings=mysite.settings", "--queue=emails", "--verbosity=3"], GeneratedAssembly.Argv(bound));
    }

    [Fact]
    public void An_abstract_base_without_ServerArgs_is_not_generated_on_its_own()
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: false, Chain));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        Assert.Equal(["MyApp.WorkArgs.Args.g.cs"], result.HintNames);
    }

    [Fact]
    public void A_base_compiled_into_another_assembly_is_inherited_too()
    {
        // The user's own management command deriving from a base shipped in a library, as users derive from DjangoCommandArgs.
        var library = TestCompilation.Create(includeWaitress: false, Chain.Replace("[ServerArgs(\"manage.py work\")]", string.Empty)
            .Replace("public sealed partial record WorkArgs : VerboseArgs", "public sealed partial record UnusedArgs : VerboseArgs"));
        var reference = library.ToMetadataReference();
        var user = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "User",
            [TestCompilation.Parse("""
                using ProdServer.Config;

                namespace Mine;

                /// <summary>Mine.</summary>
                [ServerArgs("manage.py mine")]
                public sealed partial record MineArgs : MyApp.VerboseArgs
                {
                    /// <summary>Own.</summary>
                    [Flag("own")]
                    public string? Own { get; init; }
                }
                """, "Mine.cs")],
            [.. TestCompilation.References, reference],
            library.Options);

        var result = GeneratorHarness.Run(user);

        Assert.Empty(result.GeneratorDiagnostics);
        var source = result.SingleSource("Mine.MineArgs.Args.g.cs");
        var start = source.IndexOf("void AppendArguments", StringComparison.Ordinal);
        var body = source[start..source.IndexOf(".Bind(", start, StringComparison.Ordinal)];
        var order = new[] { "\"settings\"", "\"traceback\"", "\"own\"", "\"verbosity\"", "\"ExtraArgs\"" }
            .Select(name => body.IndexOf(name, StringComparison.Ordinal))
            .ToArray();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.OrderBy(i => i), order);
    }

    [Theory]
    [InlineData("[Flag(\"settings\")]\n    public new string? Settings { get; init; }", "public new string? Settings")]
    [InlineData("public new string? Settings { get; init; }", "public new string? Settings")]
    [InlineData("public new int Settings() => 1;", "Settings()")]
    public void PSC1006_a_derived_record_hides_an_inherited_flag(string redeclaration, string marker)
    {
        var source = """
            using ProdServer.Config;

            namespace MyApp;

            public abstract record CommonArgs
            {
                [Flag("settings")]
                public string? Settings { get; init; }
            }

            [ServerArgs("x")]
            public sealed partial record WorkArgs : CommonArgs
            {
                REDECLARATION
            }
            """.Replace("REDECLARATION", redeclaration);

        var diagnostic = AssertSingle(source, "PSC1006", marker);
        Assert.Equal(
            "'WorkArgs' redeclares 'Settings', the --settings property it inherits from 'CommonArgs'; declare each flag once in the record chain (remove the redeclaration, or move the flag out of the base record)",
            diagnostic.GetMessage());
    }

    [Fact]
    public void PSC1006_an_override_of_an_inherited_flag()
    {
        var source = """
            using ProdServer.Config;

            namespace MyApp;

            public abstract record CommonArgs
            {
                [Flag("settings")]
                public virtual string? Settings { get; init; }
            }

            [ServerArgs("x")]
            public sealed partial record WorkArgs : CommonArgs
            {
                public override string? Settings { get; init; }
            }
            """;

        AssertSingle(source, "PSC1006", "public override string? Settings");
    }

    [Fact]
    public void A_derived_record_may_hide_an_inherited_member_that_is_not_a_flag()
    {
        var source = """
            using ProdServer.Config;

            namespace MyApp;

            /// <summary>Base.</summary>
            public abstract record CommonArgs
            {
                /// <summary>Not a flag.</summary>
                public string? Settings { get; init; }
            }

            /// <summary>Command.</summary>
            [ServerArgs("x")]
            public sealed partial record WorkArgs : CommonArgs
            {
                /// <summary>Now a flag.</summary>
                [Flag("settings")]
                public new string? Settings { get; init; }
            }
            """;

        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: false, source));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
    }

    [Fact]
    public void PSC1002_a_derived_record_declares_a_flag_its_base_already_has()
    {
        var source = """
            using ProdServer.Config;

            namespace MyApp;

            public abstract record CommonArgs
            {
                [Flag("settings")]
                public string? Settings { get; init; }
            }

            [ServerArgs("x")]
            public sealed partial record WorkArgs : CommonArgs
            {
                [Flag("Settings")]
                public string? SettingsModule { get; init; }
            }
            """;

        var diagnostic = AssertSingle(source, "PSC1002", "[Flag(\"Settings\")]");
        Assert.Contains("'Settings' and 'SettingsModule'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void PSC1003_a_private_flag_property_of_a_base_cannot_be_written_by_the_derived_record()
    {
        var source = """
            using ProdServer.Config;

            namespace MyApp;

            public abstract record CommonArgs
            {
                [Flag("settings")]
                public string? Settings { get; private init; }
            }

            [ServerArgs("x")]
            public sealed partial record WorkArgs : CommonArgs;
            """;

        var diagnostic = AssertSingle(source, "PSC1003", "public string? Settings");
        Assert.Contains("neither it nor its accessor may be private", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_flag_to_a_base_record_in_another_file_modifies_the_derived_model()
    {
        const string Base = """
            using ProdServer.Config;

            namespace MyApp;

            /// <summary>Base.</summary>
            public abstract record CommonArgs
            {
                /// <summary>Settings.</summary>
                [Flag("settings")]
                public string? Settings { get; init; }
            }
            """;
        const string Derived = """
            using ProdServer.Config;

            namespace MyApp;

            /// <summary>Command.</summary>
            [ServerArgs("x")]
            public sealed partial record WorkArgs : CommonArgs;
            """;
        var compilation = TestCompilation.Create(includeWaitress: false, Base, Derived);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "User0.cs");
        var edited = Base.Replace("    [Flag(\"settings\")]", "    [Flag(\"pythonpath\")]\n    public string? PythonPath { get; init; }\n\n    [Flag(\"settings\")]");
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, TestCompilation.Parse(edited, "User0.cs"))).GetRunResult();

        Assert.Equal([IncrementalStepRunReason.Modified], GeneratorHarness.Reasons(result, TrackingNames.Models));
        var source = result.Results.Single().GeneratedSources.Single().SourceText.ToString();
        Assert.Contains("ServerArgument.Value(argv, \"pythonpath\", this.PythonPath);", source, StringComparison.Ordinal);
    }

    private static Diagnostic AssertSingle(string source, string id, string marker)
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: false, source));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("User0.cs", span.Path);
        var index = source.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{marker}' is not in the source.");
        Assert.Equal(source[..index].Count(c => c == '\n'), span.StartLinePosition.Line);
        Assert.Empty(result.HintNames);
        return diagnostic;
    }
}
