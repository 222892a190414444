using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Usage: GeneratorCold RSP all|pregen|sdkfirst [decl]
// RSP is the Csc command line of a bench/generator-cost.sh build (bench/generator-cold.sh writes it), one argument a line,
// next to a gen/ folder holding our generator's output of that build. In one fresh process, as csc would (one generator
// pass, then bind + emit):
//   all       every generator of the command line, as the build runs them;
//   pregen    the SDK's generators only, our generated files parsed and added as sources instead (the parse is timed with
//             the generators, since csc parses generated files too): all minus pregen is what our generator adds to a build;
//   all-eager as all, but bind + emit the compilation pregen builds (our output parsed from gen/, not the driver's trees);
//   sdkfirst  the SDK's generators, then ours alone on the same compilation, with the JIT's own clock around ours.
// decl: first the compilation's declaration diagnostics, which the compiler computes in any build (the first semantic
// question, which builds the symbols of the references and of the source), so that what remains is the generator's own.
var rsp = Path.GetFullPath(args[0]);
var mode = args[1];
var prime = args.Length > 2 && args[2] == "decl";
var dir = Path.GetDirectoryName(rsp)!;
const string Ours = "ProdServer.Config.Generators";

var lines = File.ReadAllLines(rsp).Where(static l => l.Length > 0).ToList();
if (mode == "pregen")
{
    lines = lines.Where(static l => !(l.StartsWith("/analyzer:", StringComparison.Ordinal) && l.Contains(Ours + ".dll", StringComparison.Ordinal))).ToList();
}

var parsed = CSharpCommandLineParser.Default.Parse(lines, dir, sdkDirectory: null);
if (parsed.Errors.Length > 0)
{
    throw new InvalidOperationException(string.Join(Environment.NewLine, parsed.Errors));
}

// Not timed: csc reads and parses the sources before anything else.
var trees = parsed.SourceFiles.Select(f => Parse(f.Path)).ToImmutableArray();
var generators = parsed.AnalyzerReferences
    .SelectMany(r => new AnalyzerFileReference(Path.GetFullPath(r.FilePath, dir), new Loader()).GetGenerators(LanguageNames.CSharp))
    .ToImmutableArray();
var genFiles = mode is "pregen" or "all-eager"
    ? Directory.GetFiles(Path.Combine(dir, "gen"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
    : [];

var refs = parsed.MetadataReferences.Select(static r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference, r.Properties)).ToList();
var compilation = CSharpCompilation.Create("Cost", trees, refs, parsed.CompilationOptions);
var watch = Stopwatch.StartNew();
var cpu = Cpu();
var report = new StringBuilder();

if (prime)
{
    compilation.GetDeclarationDiagnostics();
    report.Append($"decl {watch.Elapsed.TotalMilliseconds:F0} ms; ");
}

var genStart = watch.Elapsed;
Compilation output;
if (mode == "sdkfirst")
{
    var sdk = generators.Where(static g => !IsOurs(g)).ToImmutableArray();
    var sdkTime = CSharpGeneratorDriver.Create(sdk, parseOptions: parsed.ParseOptions).RunGenerators(compilation).GetTimingInfo().ElapsedTime;
    var jit = JitInfo.GetCompilationTime(currentThread: true);
    var methods = JitInfo.GetCompiledMethodCount(currentThread: true);
    var ours = CSharpGeneratorDriver.Create(generators.Where(IsOurs).ToImmutableArray(), parseOptions: parsed.ParseOptions)
        .RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
    report.Append($"SDK generators {sdkTime.TotalMilliseconds:F0} ms, then ours {ours.GetTimingInfo().ElapsedTime.TotalMilliseconds:F0} ms "
        + $"(of which JIT {(JitInfo.GetCompilationTime(currentThread: true) - jit).TotalMilliseconds:F0} ms, "
        + $"{JitInfo.GetCompiledMethodCount(currentThread: true) - methods} methods); ");
}
else
{
    var driver = CSharpGeneratorDriver.Create(generators, parseOptions: parsed.ParseOptions).RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
    var timing = driver.GetTimingInfo();
    var ours = timing.GeneratorTimes.Where(static g => IsOurs(g.Generator)).Sum(static g => g.ElapsedTime.TotalMilliseconds);
    var others = timing.GeneratorTimes.Where(static g => !IsOurs(g.Generator)).Sum(static g => g.ElapsedTime.TotalMilliseconds);
    var parse = Stopwatch.StartNew();
    output = (mode == "all-eager" ? compilation : output).AddSyntaxTrees(genFiles.Select(Parse));
    report.Append($"generators: ours {ours:F0} ms, SDK's {others:F0} ms" + (genFiles.Count > 0 ? $", parsing our generated files {parse.Elapsed.TotalMilliseconds:F0} ms; " : "; "));
}

var generatorsDone = watch.Elapsed;
using var pe = new MemoryStream();
var emit = output.Emit(pe);
var errors = emit.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
if (errors.Count > 0)
{
    throw new InvalidOperationException("The cost project does not compile: " + string.Join(Environment.NewLine, errors.Take(5)));
}

Console.WriteLine($"{mode + (prime ? "+decl" : ""),-13} load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}: {report}"
    + $"generators {(generatorsDone - genStart).TotalMilliseconds:F0} ms; bind + emit {(watch.Elapsed - generatorsDone).TotalMilliseconds:F0} ms; "
    + $"total {watch.Elapsed.TotalMilliseconds:F0} ms wall, {(Cpu() - cpu).TotalMilliseconds:F0} ms CPU");

SyntaxTree Parse(string path) =>
    CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path), Encoding.UTF8), parsed.ParseOptions, path);

static bool IsOurs(ISourceGenerator generator) => generator.GetGeneratorType().Assembly.GetName().Name == Ours;

static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

/// <summary>Loads analyzer assemblies as csc does, each with its dependencies from its own folder.</summary>
internal sealed class Loader : IAnalyzerAssemblyLoader
{
    private static readonly List<string> Folders = [];

    static Loader() => AssemblyLoadContext.Default.Resolving += static (context, name) =>
        Folders.Select(f => Path.Combine(f, name.Name + ".dll")).FirstOrDefault(File.Exists) is { } path ? context.LoadFromAssemblyPath(path) : null;

    public void AddDependencyLocation(string fullPath)
    {
        lock (Folders)
        {
            var folder = Path.GetDirectoryName(fullPath)!;
            if (!Folders.Contains(folder))
            {
                Folders.Add(folder);
            }
        }
    }

    public Assembly LoadFromPath(string fullPath)
    {
        AddDependencyLocation(fullPath);
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
