using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ProdServer.Config.Generators;
using ProdServer.Config.Generators.Testing;

namespace ProdServer.Config.Bench.GeneratorCost;

/// <summary>One clean run and one round of edits, each timed with the driver's and the analyzer driver's own clocks.</summary>
internal static class Measure
{
    public sealed record CleanResult(double Generator, double Compiler)
    {
        public double Share => 100 * Generator / (Generator + Compiler);
    }

    public sealed record EditResult(double RecordGenerator, double OtherGenerator, double FileAnalyzers, double OwnAnalyzers);

    private static GeneratorDriver Driver(bool trackSteps) => CSharpGeneratorDriver.Create(
        [new ServerArgsGenerator().AsSourceGenerator()],
        parseOptions: CostProject.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// A build's cost: a fresh compilation (nothing bound yet) through a fresh driver, then the compiler binding and emitting
    /// the result, as csc does after running generators. Milliseconds.
    /// </summary>
    public static CleanResult Clean(ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers, bool printSteps)
    {
        var compilation = CostProject.Compile(trees);
        var driver = Driver(trackSteps: printSteps).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var generator = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;

        var watch = Stopwatch.StartNew();
        using var pe = new MemoryStream();
        var emit = output.Emit(pe);
        var compiler = watch.Elapsed.TotalMilliseconds;
        var errors = generatorDiagnostics.Concat(emit.Diagnostics).Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The cost project does not compile: " + string.Join(Environment.NewLine, errors.Take(5)));
        }

        if (printSteps)
        {
            PrintSteps(driver.GetRunResult(), generator);
        }

        return new CleanResult(generator, compiler);
    }

    /// <summary>A fresh driver on a fresh compilation, nothing else. Milliseconds.</summary>
    /// <returns>The driver's elapsed time and the process's CPU time over the run (on a loaded machine the latter varies less).</returns>
    /// <returns>
    /// The driver's elapsed time, the process's CPU time over the run and the bytes the run allocated. On a loaded machine
    /// the times vary by a factor of two between runs; the allocations (Roslyn's binding allocates as it works) do not.
    /// </returns>
    public static (double Wall, double Cpu, double AllocatedMiB) GeneratorOnly(ImmutableArray<SyntaxTree> trees)
    {
        var compilation = CostProject.Compile(trees);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var wall = Driver(trackSteps: false).RunGenerators(compilation).GetTimingInfo().ElapsedTime.TotalMilliseconds;
        return (wall, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,
            (GC.GetAllocatedBytesForCurrentThread() - allocated) / (1024.0 * 1024.0));
    }

    /// <summary>
    /// A keystroke: after a full run, one token changes in record 1 (a flag's name, so its model and output change) or in
    /// Program.cs (unrelated), and the same driver runs again. The analyzers then run as the IDE runs them on the edited open
    /// file (syntax and semantic diagnostics of that file). Milliseconds.
    /// </summary>
    public static EditResult Edit(string root, ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers, int round)
    {
        var compilation = CostProject.Compile(trees);
        var driver = Driver(trackSteps: false).RunGenerators(compilation);

        var record = compilation.SyntaxTrees.Single(static t => t.FilePath == "Args1.cs");
        var editedRecord = CostProject.Parse(ContractCompilation.CostRecord(root, 1, "workers-" + round.ToString(CultureInfo.InvariantCulture)), "Args1.cs");
        var next = compilation.ReplaceSyntaxTree(record, editedRecord);
        driver = driver.RunGeneratorsAndUpdateCompilation(next, out var updated, out _);
        var recordGenerator = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;

        var program = next.SyntaxTrees.Single(static t => t.FilePath == "Program.cs");
        var other = next.ReplaceSyntaxTree(program, CostProject.Parse(CostProject.Program(3 + round), "Program.cs"));
        var otherGenerator = driver.RunGenerators(other).GetTimingInfo().ElapsedTime.TotalMilliseconds;

        // Not timed: the analyzers over the whole compilation, which bind every method body for the operation actions (the
        // compiler's work, shared with emit in a build, and the IDE's background analysis rather than a keystroke's).
        var (fileAnalyzers, own) = AnalyzeFile(updated, editedRecord, analyzers, print: round == 0);
        return new EditResult(recordGenerator, otherGenerator, fileAnalyzers, own);
    }

    private static (double Wall, double Own) AnalyzeFile(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers, bool print)
    {
        // What the IDE computes for the open file anyway, before and apart from analyzers: the compiler's own diagnostics
        // (binding the file and the symbols it declares). Done first so that the analyzers' times below are their own.
        var warm = Stopwatch.StartNew();
        compilation.GetSemanticModel(tree).GetDiagnostics();
        var compiler = warm.Elapsed.TotalMilliseconds;
        warm.Restart();
        compilation.GetTypeByMetadataName("ProdServer.Config.NoSuchType");
        if (print)
        {
            Console.WriteLine($"  compiler diagnostics of the edited file {compiler:F1} ms; then a first GetTypeByMetadataName {warm.Elapsed.TotalMilliseconds:F1} ms");
        }

        var withAnalyzers = Options(compilation, analyzers);
        var watch = Stopwatch.StartNew();
        withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, default).GetAwaiter().GetResult();
        withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, default).GetAwaiter().GetResult();
        var wall = watch.Elapsed.TotalMilliseconds;
        var own = 0.0;
        foreach (var analyzer in analyzers)
        {
            var ms = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
            own += ms;
            if (print)
            {
                Console.WriteLine($"  {analyzer.GetType().Name,-28} {ms,8:F1} ms on the edited file");
            }
        }

        return (wall, own);
    }

    private static CompilationWithAnalyzers Options(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));

    private static void PrintSteps(GeneratorDriverRunResult run, double elapsed)
    {
        var result = run.Results.Single();
        var steps = result.TrackedSteps.Concat(result.TrackedOutputSteps)
            .Select(static s => (s.Key, Ms: s.Value.Sum(static r => r.ElapsedTime.TotalMilliseconds), Runs: s.Value.Length))
            .OrderByDescending(static s => s.Ms);
        Console.WriteLine($"  generator {elapsed:F0} ms, {result.GeneratedSources.Length} files, "
            + $"{result.GeneratedSources.Sum(static s => s.SourceText.Length) / 1024} KiB of source; tracked steps:");
        foreach (var (key, ms, runs) in steps)
        {
            Console.WriteLine($"    {key,-28} {ms,8:F1} ms  ({runs} runs)");
        }
    }

    /// <summary>"label min–max unit (median m)" over the rounds.</summary>
    public static string Range(string label, IEnumerable<double> values, string unit = "ms")
    {
        var sorted = values.OrderBy(static v => v).ToList();
        var median = sorted[sorted.Count / 2];
        var format = unit == "%" ? "F2" : "F0";
        return $"{label} {sorted[0].ToString(format, CultureInfo.InvariantCulture)}–{sorted[^1].ToString(format, CultureInfo.InvariantCulture)} {unit} "
            + $"(median {median.ToString(format, CultureInfo.InvariantCulture)})";
    }
}
