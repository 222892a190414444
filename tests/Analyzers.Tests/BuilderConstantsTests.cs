using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.ProdServerBuilderAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// Constants given to the builders in C# that start-up would refuse, reported by <c>ProdServerBuilderAnalyzer</c> in the
/// validator's words: PSC0117, outside a supervision limit (<c>SupervisionLimits</c>); PSC0118, a name (<c>Names</c>).
/// The stand-in has the library's builder signatures.
/// </summary>
public sealed class BuilderConstantsTests
{
    private const string StandIn = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        namespace ProdServer.Config
        {
            public enum RestartPolicy { Never, OnFailure, Always }
            public sealed class ProdServerBuilder
            {
                public ProcessBuilder Process(string name) => new();
                public ProdServerBuilder Release(string name, IEnumerable<string> command) => this;
                public ProdServerBuilder DefaultProcess(string name) => this;
            }
            public sealed class ProcessBuilder
            {
                public ProcessBuilder Restart(RestartPolicy policy, int? startRetries = null) => this;
                public ProcessBuilder StartSeconds(TimeSpan time) => this;
                public ProcessBuilder RestartDelay(TimeSpan initial, TimeSpan? max = null) => this;
                public ProcessBuilder Readiness(string? path, int status = 200, TimeSpan? timeout = null) => this;
                public ProcessBuilder Replicas(int copies) => this;
                public ProcessBuilder Resources(string? cpu = null, string? memory = null) => this;
                public ProcessBuilder StopTimeout(TimeSpan timeout) => this;
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

    private static DiagnosticResult Limit(int markup, string problem) =>
        new DiagnosticResult(ProdServerBuilderAnalyzer.LimitsDescriptor).WithLocation(markup).WithArguments(problem);

    private static DiagnosticResult Name(int markup, string name, string problem) =>
        new DiagnosticResult(AppSettingsShapeDescriptors.BadName).WithLocation(markup).WithArguments(name, problem);

    [Fact]
    public Task Constants_outside_the_limits_are_reported_at_the_argument_in_the_validators_words() => VerifyAsync(
        """
        using System;
        using ProdServer.Config;
        class Startup
        {
            ProcessBuilder Configure(ProcessBuilder p) => p
                .Replicas({|#0:0|})
                .StartSeconds({|#1:TimeSpan.FromSeconds(-1)|})
                .StopTimeout({|#2:TimeSpan.Zero|})
                .Restart(RestartPolicy.Always, {|#3:startRetries: -2|})
                .Readiness({|#4:"healthz"|}, {|#5:status: 99|}, {|#6:timeout: new TimeSpan(2, 0, 0, 0)|})
                .RestartDelay(TimeSpan.FromMilliseconds(500), {|#7:TimeSpan.FromDays(2)|})
                .Resources({|#8:cpu: "lots"|}, memory: "1Gi");
        }
        """,
        Limit(0, "Replicas must be between 1 and 1000, got 0"),
        Limit(1, "StartSeconds must be between 0 and 1 day, got -00:00:01"),
        Limit(2, "StopTimeout must be positive, got 00:00:00"),
        Limit(3, "StartRetries must be between 0 and 1000, got -2"),
        Limit(4, "Readiness:Path must be an absolute URL path such as /health, without spaces or line breaks, got 'healthz'"),
        Limit(5, "Readiness:Status must be an HTTP status code (100-599), got 99"),
        Limit(6, "Readiness:Timeout must be positive and at most 1 day, got 2.00:00:00"),
        Limit(7, "RestartMaxDelay must be between 0 and 1 day, got 2.00:00:00"),
        Limit(8, "Resources:Cpu must be a Kubernetes quantity such as 250m or 2, got 'lots'"));

    [Fact]
    public Task Values_within_the_limits_and_values_not_known_when_building_are_quiet() => VerifyAsync(
        """
        using System;
        using ProdServer.Config;
        class Startup
        {
            ProcessBuilder Configure(ProcessBuilder p, int copies, TimeSpan wait, string path) => p
                .Replicas(3).Replicas(copies)
                .StartSeconds(TimeSpan.FromSeconds(1.5)).StartSeconds(wait).StartSeconds(TimeSpan.FromTicks(-1))
                .StopTimeout(TimeSpan.FromSeconds(10)).StopTimeout(new TimeSpan(0, 0, 30))
                .Restart(RestartPolicy.OnFailure, startRetries: 5).Restart(RestartPolicy.Never)
                .Readiness("/healthz", status: 204, timeout: TimeSpan.FromMinutes(2)).Readiness(path).Readiness(null)
                .RestartDelay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)).RestartDelay(TimeSpan.Zero)
                .Resources(cpu: "250m", memory: "256Mi").Resources();
        }
        """);

    [Fact]
    public Task Locals_assigned_once_are_followed_and_locals_written_again_are_not() => VerifyAsync(
        """
        using System;
        using ProdServer.Config;
        class Startup
        {
            void Configure(ProdServerBuilder o)
            {
                var copies = 0;
                var seconds = -1;
                var wait = TimeSpan.FromSeconds(seconds);
                var zero = TimeSpan.Zero;
                var path = "healthz";
                var name = "my web";
                var retries = -2;
                retries = 3;
                var status = 99;
                (status, _) = (200, 1);
                o.Process({|#0:name|}).Replicas({|#1:copies|}).StartSeconds({|#2:wait|}).StopTimeout({|#3:zero|}).Readiness({|#4:path|}, status)
                    .Restart(RestartPolicy.Always, retries);
            }
        }
        """,
        Name(0, "my web", "the process name must be letters, digits, '_', '-' or '.', starting with a letter or digit (it becomes a unit file, an ini section, a compose service and a command-line word)"),
        Limit(1, "Replicas must be between 1 and 1000, got 0"),
        Limit(2, "StartSeconds must be between 0 and 1 day, got -00:00:01"),
        Limit(3, "StopTimeout must be positive, got 00:00:00"),
        Limit(4, "Readiness:Path must be an absolute URL path such as /health, without spaces or line breaks, got 'healthz'"));

    [Fact]
    public Task A_value_holding_a_line_break_is_reported_on_one_line() => VerifyAsync(
        """
        using ProdServer.Config;
        class Startup { ProcessBuilder Configure(ProcessBuilder p) => p.Readiness({|#0:"/a\nerror CS0000: forged"|}); }
        """,
        Limit(0, "Readiness:Path must be an absolute URL path such as /health, without spaces or line breaks, got '/a\\u000aerror CS0000: forged'"));

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
        Name(2, "status", "the release step name is reserved: export, import, manage, status, restart, start, stop, tail, signal, reload, help are command words"),
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
