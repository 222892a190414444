using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ProdServer.Config.Bench.GeneratorCost;

// Usage: GeneratorCost REPOSITORY_ROOT [RECORDS=200] [ROUNDS=5] [all|clean|edit|profile]
// Times, in one process, on the project bench/generator-cost.sh builds:
//  clean  a fresh driver on a fresh compilation (what a build pays), next to the compiler's own time for that compilation;
//  edit   the driver and the analyzers after a one-token edit, as the IDE runs them on a keystroke.
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var records = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
var trees = CostProject.Trees(root, records);
var analyzers = typeof(ProdServer.Config.Analyzers.ServerArgsAnalyzer).Assembly.GetTypes()
    .Where(static t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .Select(static t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();

var mode = args.Length > 3 ? args[3] : "all";
if (mode == "profile")
{
    // Only the generator's clean runs, for a sampling profiler (dotnet-trace) to look at without the compiler's emit around it.
    for (var r = 0; r < rounds; r++)
    {
        var (wall, cpu, allocated) = Measure.GeneratorOnly(trees);
        Console.WriteLine($"generator {wall:F0} ms, {cpu:F0} ms CPU, {allocated:F1} MiB allocated");
    }

    return;
}

if (mode is "all" or "clean")
{
// Warm-up: JIT the compiler, the generator and the analyzers, so that the rounds measure steady work.
Measure.Clean(trees, analyzers, printSteps: false);
var clean = Enumerable.Range(0, rounds).Select(_ => Measure.Clean(trees, analyzers, printSteps: false)).ToList();
Measure.Clean(trees, analyzers, printSteps: true);
Console.WriteLine(Measure.Range("clean: generator", clean.Select(static c => c.Generator))
    + Measure.Range("; compiler (bind + emit)", clean.Select(static c => c.Compiler))
    + Measure.Range("; generator share", clean.Select(static c => c.Share), "%"));

}

if (mode is "all" or "edit")
{
var edits = Enumerable.Range(0, rounds).Select(r => Measure.Edit(root, trees, analyzers, r)).ToList();
Console.WriteLine(Measure.Range("edit in a record: generator", edits.Select(static e => e.RecordGenerator))
    + Measure.Range("; edit elsewhere: generator", edits.Select(static e => e.OtherGenerator)));
Console.WriteLine(Measure.Range("edit in a record: analyzers on the edited file", edits.Select(static e => e.FileAnalyzers))
    + Measure.Range(" (of which our analyzers' own callbacks", edits.Select(static e => e.OwnAnalyzers)) + ")");
}
