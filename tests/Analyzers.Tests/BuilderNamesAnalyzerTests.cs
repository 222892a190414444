using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.ProdServerBuilderAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>PSC0118 in C#: constant names start-up refuses, in the validator's words (<c>Names</c>).</summary>
public sealed class BuilderNamesAnalyzerTests
{
    private const string StandIn = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        namespace ProdServer.Config
        {
            public sealed class ProdServerBuilder
            {
                public ProcessBuilder Process(string name) => new();
                public ProdServerBuilder Release(string name, IEnumerable<string> command) => this;
                public ProdServerBuilder DefaultProcess(string name) => this;
            }
            public sealed class ProcessBuilder
            {
                public ProcessBuilder Environment(string name, string value) => this;
            }
        }
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.Sources.Add(("/0/ProdServer.Config.cs", StandIn));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Name(int markup, string name, string problem) =>
        new DiagnosticResult(AppSettingsShapeDescriptors.BadName).WithLocation(markup).WithArguments(name, problem);

    [Fact]
    public Task Names_start_up_refuses_are_reported_at_the_argument() => VerifyAsync(
        """
        using ProdServer.Config;
        class Startup
        {
            void Configure(ProdServerBuilder o)
            {
                o.Process({|#0:"my web"|}).Environment({|#1:"A=B"|}, "x");
                o.Release({|#2:"status"|}, ["manage.py", "check"]);
                o.DefaultProcess({|#3:"-web"|});
            }
        }
        """,
        Name(0, "my web", "the process name must be letters, digits, '_', '-' or '.', starting with a letter or digit (it becomes a unit file, an ini section, a compose service and a command-line word)"),
        Name(1, "A=B", "an environment variable name " + Names.EnvironmentNameRule),
        Name(2, "status", "the release step name is reserved: export, import, status, restart, start, stop, tail, signal, reload, help are command words"),
        Name(3, "-web", "the process name must be letters, digits, '_', '-' or '.', starting with a letter or digit (it becomes a unit file, an ini section, a compose service and a command-line word)"));

    [Fact]
    public Task Good_names_and_names_known_only_at_run_time_are_quiet() => VerifyAsync(
        """
        using ProdServer.Config;
        class Startup
        {
            void Configure(ProdServerBuilder o, string name)
            {
                o.Process("web-2.api").Environment("DJANGO_SETTINGS_MODULE", "x").Environment(name, "y");
                o.Process(name);
                o.Release("migrate", ["manage.py", "migrate"]);
                o.DefaultProcess("web");
            }
        }
        """);
}
