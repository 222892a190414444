using System;
using System.Linq;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>The typed Use… methods [ServerBuilder] asks for, in the shapes the built-in backends need.</summary>
public sealed class BuilderTests
{
    private const string Backends = """
        using ProdServer.Config;

        namespace ProdServer.Config;

        /// <summary>Stand-in.</summary>
        public sealed class TasksBackend : ServerBackend<TasksArgs>;

        /// <summary>Stand-in.</summary>
        public sealed class DevBackend : ServerBackend<DevArgs>;

        public static partial class ServerBackends
        {
            /// <summary>Stand-in.</summary>
            public static TasksBackend Tasks { get; } = new();

            /// <summary>Stand-in.</summary>
            public static DevBackend Dev { get; } = new();
        }

        /// <summary>A worker without an app target.</summary>
        [ServerBuilder("UseTasks", "Tasks", ProcessName = "worker", Summary = "Runs tasks.", Declares = "run by tasks", Configure = "Sets options.")]
        [ServerArgs("tasks")]
        public sealed partial record TasksArgs;

        /// <summary>A server with a default app.</summary>
        [ServerBuilder("UseDev", "Dev", AppParameter = "addrport", App = "Where.", Summary = "Runs dev on ADDRPORT.",
            SummaryWithoutApp = "Runs dev on its default.", Declares = "served by dev on <paramref name=\"addrport\"/>",
            DeclaresWithoutApp = "served by dev on its default", Configure = "Sets options.")]
        [ServerArgs("dev")]
        public sealed partial record DevArgs;
        """;

    [Fact]
    public void A_server_without_an_app_gets_methods_without_one_and_its_own_default_process_name()
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: true, Backends));

        Assert.Empty(result.CompilationProblems());
        var source = result.SingleSource("ProdServer.Config.TasksBuilderExtensions.g.cs");
        Assert.Contains("public const string DefaultProcessName = \"worker\";", source, StringComparison.Ordinal);
        Assert.Contains("return process.Use(global::ProdServer.Config.ServerBackends.Tasks, configure);", source, StringComparison.Ordinal);
        Assert.Contains("return builder.Process(DefaultProcessName).UseTasks(configure);", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Declares the <c>worker</c> process, run by tasks.</summary>", source, StringComparison.Ordinal);
        Assert.DoesNotContain("string app", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_with_a_default_app_gets_both_overloads_with_their_own_docs()
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress: true, Backends));

        Assert.Empty(result.CompilationProblems());
        var source = result.SingleSource("ProdServer.Config.DevBuilderExtensions.g.cs");
        Assert.Equal(4, source.Split('\n').Count(l => l.Contains("public static global::ProdServer.Config.ProcessBuilder UseDev(", StringComparison.Ordinal)));
        Assert.Contains("return process.Use(global::ProdServer.Config.ServerBackends.Dev, addrport, configure);", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Runs dev on its default.</summary>", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Declares the <c>web</c> process, served by dev on <paramref name=\"addrport\"/>.</summary>", source, StringComparison.Ordinal);
        Assert.Contains("return builder.Process(global::ProdServer.Config.ProdServerBuilder.DefaultProcessName).UseDev(configure);", source, StringComparison.Ordinal);
    }
}
