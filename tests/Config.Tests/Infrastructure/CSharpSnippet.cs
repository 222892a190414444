using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>
/// Compiles a Program.cs statement that uses <c>builder.Services</c> (what <c>import --csharp</c> writes) with Roslyn, in
/// process, against the assemblies this test runs with (the library under test among them), runs it, and returns the
/// options it declares, as code configuration only (no validation, so that the declarations themselves can be compared).
/// </summary>
internal static class CSharpSnippet
{
    public static ProdServerOptions Run(string statement)
    {
        var source = $$"""
            using Microsoft.Extensions.DependencyInjection;
            using ProdServer.Config;

            public static class Imported
            {
                public static void Configure(IServiceCollection services)
                {
                    var builder = new { Services = services };
            {{statement}}
                }
            }
            """;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Imported" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(emitted.Success && problems.Count == 0, "The C# does not compile cleanly:\n" + string.Join("\n", problems) + "\n" + source);

        var assembly = Assembly.Load(image.ToArray());
        var services = new ServiceCollection();
        assembly.GetType("Imported")!.GetMethod("Configure")!.Invoke(null, [services]);
        var options = new ProdServerOptions();
        using var provider = services.BuildServiceProvider();
        foreach (var configure in provider.GetServices<IConfigureOptions<ProdServerOptions>>())
        {
            configure.Configure(options);
        }

        return options;
    }
}
