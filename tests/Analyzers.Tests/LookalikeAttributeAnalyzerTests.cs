using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.LookalikeAttributeAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// PSC1007: an attribute of a <c>[ServerArgs]</c> record (or of an enum its flags use) written with the name of one of
/// ProdServer.Config's, that binds to another class — declared in source, or in a referenced assembly, where the generator's
/// reading by names cannot see it.
/// </summary>
public sealed class LookalikeAttributeAnalyzerTests
{
    private const string StandIn = """
        #nullable enable
        namespace ProdServer.Config
        {
            public enum BooleanStyle { Unspecified, Negatable, Switch, NegativeSwitch, Value }
            public sealed class ServerArgsAttribute(string command) : System.Attribute { public string Command { get; } = command; }
            public sealed class FlagAttribute(string name) : System.Attribute { public string Name { get; } = name; public BooleanStyle Boolean { get; set; } }
            public sealed class ExtraArgsAttribute : System.Attribute { }
            public sealed class PositionalArgsAttribute : System.Attribute { }
            public sealed class ServerValueAttribute(string value) : System.Attribute { public string Value { get; } = value; }
            public sealed class ArgAliasAttribute(string alias, string flag) : System.Attribute { public string Alias { get; } = alias; public string Flag { get; } = flag; }
        }
        """;

    // Lookalikes in the record's own namespace, compiled into a referenced assembly: found before the imported ProdServer.Config.
    private const string ReferencedLookalikes = """
        namespace MyApp
        {
            public sealed class FlagAttribute : System.Attribute { public FlagAttribute(string name) { } }
            public sealed class ServerValueAttribute : System.Attribute { public ServerValueAttribute(string value) { } }
        }
        """;

    private const string Record = """
        using System.Collections.Generic;
        using ProdServer.Config;

        namespace MyApp;

        public enum Mode { Fast, [{|#1:ServerValue("slow")|}] Slow }

        [ServerArgs("myserver")]
        public sealed partial record MyServerArgs
        {
            [{|#0:Flag("threads")|}] public int? Threads { get; init; }
            [ProdServer.Config.Flag("port")] public int? Port { get; init; }
            [global::ProdServer.Config.Flag("modes")] public IReadOnlyList<Mode>? Modes { get; init; }
            [ExtraArgs] public IReadOnlyList<string>? Extra { get; init; }
        }
        """;

    [Fact]
    public async Task Lookalikes_from_a_referenced_assembly_in_the_records_namespace_are_reported()
    {
        await VerifyAsync(
            Record,
            withReferencedLookalikes: true,
            Lookalike(0, "Flag", "MyServerArgs.Threads", "MyApp.FlagAttribute", "FlagAttribute", "Flag"),
            Lookalike(1, "ServerValue", "Mode.Slow", "MyApp.ServerValueAttribute", "ServerValueAttribute", "ServerValue"));
    }

    [Fact]
    public async Task A_lookalike_declared_in_source_is_reported_where_the_generator_would_ignore_the_property()
    {
        await VerifyAsync(
            """
            using ProdServer.Config;

            namespace MyApp;

            public sealed class ExtraArgsAttribute : System.Attribute { }

            [ServerArgs("myserver")]
            public sealed partial record MyServerArgs
            {
                [{|#0:ExtraArgsAttribute|}] public System.Collections.Generic.IReadOnlyList<string>? Extra { get; init; }
                [Flag("threads")] public int? Threads { get; init; }
            }
            """,
            withReferencedLookalikes: false,
            Lookalike(0, "ExtraArgsAttribute", "MyServerArgs.Extra", "MyApp.ExtraArgsAttribute", "ExtraArgsAttribute", "ExtraArgs"));
    }

    [Fact]
    public async Task A_lookalike_in_an_enclosing_namespace_or_nested_in_the_record_is_reported()
    {
        await VerifyAsync(
            """
            using ProdServer.Config;

            namespace MyApp.Servers
            {
                [ServerArgs("myserver")]
                public sealed partial record MyServerArgs
                {
                    [{|#0:Flag("threads")|}] public int? Threads { get; init; }
                }

                [ServerArgs("other")]
                public sealed partial record OtherArgs
                {
                    public sealed class PositionalArgsAttribute : System.Attribute { }

                    [{|#1:PositionalArgs|}] public System.Collections.Generic.IReadOnlyList<string>? Targets { get; init; }
                }
            }
            """,
            withReferencedLookalikes: true,
            Lookalike(0, "Flag", "MyServerArgs.Threads", "MyApp.FlagAttribute", "FlagAttribute", "Flag"),
            Lookalike(1, "PositionalArgs", "OtherArgs.Targets", "MyApp.Servers.OtherArgs.PositionalArgsAttribute", "PositionalArgsAttribute", "PositionalArgs"));
    }

    [Fact]
    public async Task A_lookalike_ServerArgs_is_reported_on_the_record()
    {
        await VerifyAsync(
            """
            using ProdServer.Config;

            namespace MyApp;

            public sealed class ServerArgsAttribute(string command) : System.Attribute { }

            [{|#0:ServerArgs("myserver")|}]
            public sealed partial record MyServerArgs
            {
                [Flag("threads")] public int? Threads { get; init; }
            }
            """,
            withReferencedLookalikes: false,
            Lookalike(0, "ServerArgs", "MyServerArgs", "MyApp.ServerArgsAttribute", "ServerArgsAttribute", "ServerArgs"));
    }

    [Fact]
    public async Task Our_attributes_written_any_usual_way_and_other_classes_attributes_are_not_reported()
    {
        await VerifyAsync(
            """
            using System.Collections.Generic;
            using ProdServer.Config;

            namespace MyApp;

            public enum Mode { Fast, [ServerValue("slow")] Slow }

            public sealed class MarkerAttribute : System.Attribute { }

            [ServerArgs("myserver"), ArgAlias("max_threads", "threads"), Marker]
            public sealed partial record MyServerArgs
            {
                [Flag("threads"), Marker, System.Obsolete] public int? Threads { get; init; }
                [FlagAttribute("reload", Boolean = BooleanStyle.Switch)] public bool? Reload { get; init; }
                [Flag("mode")] public Mode? Mode { get; init; }
                [PositionalArgs] public IReadOnlyList<string>? Targets { get; init; }
            }

            // Not a [ServerArgs] record: its attributes are its own business.
            public sealed record Unrelated
            {
                [Marker] public int? Value { get; init; }
            }
            """,
            withReferencedLookalikes: false);
    }

    [Fact]
    public async Task A_record_without_ServerArgs_may_use_a_lookalike()
    {
        await VerifyAsync(
            """
            namespace MyApp;

            public sealed record Settings
            {
                [Flag("threads")] public int? Threads { get; init; }
            }
            """,
            withReferencedLookalikes: true);
    }

    private static async Task VerifyAsync(string source, bool withReferencedLookalikes, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", StandIn));
        if (withReferencedLookalikes)
        {
            test.TestState.AdditionalReferences.Add(await CompileAsync(ReferencedLookalikes));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private static async Task<MetadataReference> CompileAsync(string source)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "Lookalikes",
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static DiagnosticResult Lookalike(int markup, string written, string where, string bound, string ours, string qualified) =>
        new DiagnosticResult(LookalikeAttributeAnalyzer.Descriptor).WithLocation(markup).WithArguments(written, where, bound, ours, qualified);
}
