using System.Linq;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>
/// The generated text, approved as a whole. Each run also asserts (in <see cref="GeneratorHarness.Run"/>) that a second
/// run on an unchanged compilation is fully cached, and here that the output compiles without a single warning.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void WaitressArgs_generates_the_translator_the_binder_and_the_flag_table()
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: true));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        Assert.Equal(["ProdServer.Config.WaitressArgs.Args.g.cs", "ProdServer.Config.WaitressBuilderExtensions.g.cs"], result.HintNames);
        Snapshot.Verify(result.SingleSource("ProdServer.Config.WaitressArgs.Args.g.cs"), nameof(SnapshotTests));
    }

    [Fact]
    public void WaitressArgs_generates_its_typed_builder_methods_with_their_docs()
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: true));

        Assert.Empty(result.CompilationProblems());
        Snapshot.Verify(result.SingleSource("ProdServer.Config.WaitressBuilderExtensions.g.cs"), nameof(SnapshotTests));
    }

    [Fact]
    public void A_user_record_with_every_supported_kind_of_flag()
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: false, Sources.MyServerArgs));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        Snapshot.Verify(result.SingleSource("MyApp.MyServerArgs.Args.g.cs"), nameof(SnapshotTests));
    }

    [Fact]
    public void A_generic_record_nested_in_the_global_namespace()
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: false, Sources.NestedGeneric));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        Snapshot.Verify(result.SingleSource("Servers.Family`1.TinyArgs`1.Args.g.cs"), nameof(SnapshotTests));
    }

    [Fact]
    public void A_derived_record_hides_its_bases_members_without_warnings()
    {
        const string source = """
            using ProdServer.Config;

            namespace MyApp;

            /// <summary>Base options.</summary>
            [ServerArgs("base")]
            public partial record BaseArgs
            {
                /// <summary>Host.</summary>
                [Flag("host")]
                public string? Host { get; init; }
            }

            /// <summary>More options.</summary>
            [ServerArgs("derived")]
            public sealed partial record DerivedArgs : BaseArgs
            {
                /// <summary>Port.</summary>
                [Flag("port")]
                public int? Port { get; init; }
            }
            """;

        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: false, source));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems());
        Assert.Contains("public new void AppendArguments(", result.SingleSource("MyApp.DerivedArgs.Args.g.cs"), System.StringComparison.Ordinal);
        Assert.DoesNotContain(" new ", result.SingleSource("MyApp.BaseArgs.Args.g.cs").Replace("new global::", string.Empty), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Two_records_get_one_file_each_in_a_stable_order()
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: true, Sources.MyServerArgs));

        Assert.Empty(result.CompilationProblems());
        Assert.Equal(
            ["ProdServer.Config.WaitressArgs.Args.g.cs", "ProdServer.Config.WaitressBuilderExtensions.g.cs", "MyApp.MyServerArgs.Args.g.cs"],
            result.HintNames.ToArray());
    }
}
