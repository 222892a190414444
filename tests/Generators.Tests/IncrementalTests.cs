using System.Linq;
using Microsoft.CodeAnalysis;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>
/// The generator runs on every keystroke in the IDE; these pin down that it only redoes work for the record that changed.
/// </summary>
public sealed class IncrementalTests
{
    private const string Unrelated = """
        namespace MyApp;

        internal static class Clock
        {
            public static int Now() => 1;
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var compilation = TestCompilation.Create(includeWaitress: true, Sources.MyServerArgs);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var next = compilation.AddSyntaxTrees(TestCompilation.Parse(Unrelated, "Clock.cs"));
        var result = driver.RunGenerators(next).GetRunResult();

        GeneratorHarness.AssertAllStepsCachedOrUnchanged(result);
    }

    [Fact]
    public void Editing_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var compilation = TestCompilation.Create(includeWaitress: true, Sources.MyServerArgs, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "User1.cs");
        var next = compilation.ReplaceSyntaxTree(old, TestCompilation.Parse(Unrelated.Replace("=> 1", "=> 2"), "User1.cs"));
        var result = driver.RunGenerators(next).GetRunResult();

        GeneratorHarness.AssertAllStepsCachedOrUnchanged(result);
    }

    [Fact]
    public void Editing_comments_in_the_record_file_leaves_the_model_unchanged()
    {
        // The model holds no positions, so moving the record down a few lines must not regenerate it.
        var compilation = TestCompilation.Create(includeWaitress: false, Sources.MyServerArgs);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "User0.cs");
        var edited = "// A comment\n// that moves everything down.\n" + Sources.MyServerArgs;
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, TestCompilation.Parse(edited, "User0.cs"))).GetRunResult();

        GeneratorHarness.AssertAllStepsCachedOrUnchanged(result);
    }

    [Fact]
    public void Adding_a_property_to_the_record_modifies_its_model_and_output()
    {
        var compilation = TestCompilation.Create(includeWaitress: true, Sources.MyServerArgs);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "User0.cs");
        var edited = Sources.MyServerArgs.Replace(
            "    [ExtraArgs]",
            "    [Flag(\"backlog\")]\n    public int? Backlog { get; init; }\n\n    [ExtraArgs]");
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, TestCompilation.Parse(edited, "User0.cs"))).GetRunResult();

        // Only MyServerArgs changed: its model is Modified, WaitressArgs's stays Cached.
        var models = GeneratorHarness.Reasons(result, TrackingNames.Models);
        Assert.Equal(1, models.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.All(models.Where(r => r != IncrementalStepRunReason.Modified), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        var source = result.Results.Single().GeneratedSources.Single(s => s.HintName == "MyApp.MyServerArgs.Args.g.cs").SourceText.ToString();
        Assert.Contains("global::ProdServer.Config.ServerArgument.Value(argv, \"backlog\", (long?)this.Backlog);", source);
    }

    [Fact]
    public void Renaming_a_flag_modifies_the_model()
    {
        var compilation = TestCompilation.Create(includeWaitress: false, Sources.MyServerArgs);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "User0.cs");
        var edited = Sources.MyServerArgs.Replace("[Flag(\"workers\", Minimum = 1, Maximum = 64)]", "[Flag(\"worker-count\", Minimum = 1, Maximum = 64)]");
        Assert.NotEqual(Sources.MyServerArgs, edited);
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, TestCompilation.Parse(edited, "User0.cs"))).GetRunResult();

        Assert.Equal([IncrementalStepRunReason.Modified], GeneratorHarness.Reasons(result, TrackingNames.Models));
    }

    [Fact]
    public void Editing_a_flags_documentation_modifies_the_model_so_the_schema_description_follows()
    {
        var compilation = TestCompilation.Create(includeWaitress: false, Sources.MyServerArgs);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "User0.cs");
        var edited = Sources.MyServerArgs.Replace("Seconds to wait.", "Seconds to wait before giving up.");
        Assert.NotEqual(Sources.MyServerArgs, edited);
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, TestCompilation.Parse(edited, "User0.cs"))).GetRunResult();

        Assert.Equal([IncrementalStepRunReason.Modified], GeneratorHarness.Reasons(result, TrackingNames.Models));
    }
}
