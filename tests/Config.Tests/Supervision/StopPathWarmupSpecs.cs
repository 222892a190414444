using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Xunit;

namespace ProdServer.Config.Tests.Supervision;

/// <summary>The JIT launcher's rehearsal of the stop path once every process is ready: it compiles, and says nothing.</summary>
public sealed class StopPathWarmupSpecs
{
    /// <summary>A console formatter that keeps what it was asked to format and where to.</summary>
    private sealed class RecordingFormatter() : ConsoleFormatter(ConsoleFormatterNames.Simple)
    {
        public ConcurrentQueue<(LogLevel Level, string Message, TextWriter Writer)> Entries { get; } = new();

        public override void Write<TState>(in Microsoft.Extensions.Logging.Abstractions.LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter) =>
            Entries.Enqueue((logEntry.LogLevel, logEntry.Formatter(logEntry.State, logEntry.Exception), textWriter));
    }

    /// <summary>A provider that is not one of Microsoft.Extensions.Logging's own.</summary>
    private sealed class OtherProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => NullLogger.Instance;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task The_rehearsal_hands_the_real_logger_the_stop_messages_at_None_only()
    {
        var real = new CapturingLogger();

        await StopPathWarmup.RehearseLogAsync(real, [], "web", 4242);

        Assert.Equal(4, real.Lines.Length);
        Assert.All(real.Lines, line => Assert.Equal(LogLevel.None, line.Level));
        Assert.StartsWith("Stopping web#4242: sent SIGTERM to its process group", real.Lines[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("web#4242 stopped gracefully (exit code 0)", real.Lines[1].Text, StringComparison.Ordinal);
        Assert.Equal("web#4242 exited with code 0", real.Lines[2].Text);
        Assert.Equal("stop rehearsal", real.Lines[3].Text); // the host's own plain messages' path
    }

    [Fact]
    public void The_host_disposals_private_types_the_warm_up_prepares_are_found_by_name()
    {
        Assert.Equal(2, StopPathWarmup.PrepareHostDisposal());
    }

    [Fact]
    public async Task The_rehearsal_formats_each_stop_message_into_nothing()
    {
        var formatter = new RecordingFormatter();

        await StopPathWarmup.RehearseLogAsync(NullLogger.Instance, [formatter], "web", 4242);

        var entries = formatter.Entries.ToArray();
        Assert.Equal(3, entries.Length);
        Assert.All(entries, entry => Assert.Same(TextWriter.Null, entry.Writer));
        Assert.All(entries, entry => Assert.Equal(LogLevel.Information, entry.Level));
        Assert.Equal("web#4242 exited with code 0", entries[2].Message);
    }

    [Fact]
    public void The_framework_loggers_of_a_default_host_write_nothing_at_None_so_the_rehearsal_may_reach_them()
    {
        using var host = Host.CreateApplicationBuilder([]).Build();
        var providers = host.Services.GetServices<ILoggerProvider>().ToList();

        Assert.NotEmpty(providers);
        Assert.True(StopPathWarmup.OnlyFrameworkProviders(host.Services));
        Assert.All(providers, provider => Assert.False(provider.CreateLogger("ProdServer.Warmup").IsEnabled(LogLevel.None)));
    }

    [Fact]
    public void A_host_with_a_logging_provider_of_its_own_gets_no_rehearsal_messages()
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.AddProvider(new OtherProvider());
        using var host = builder.Build();

        Assert.False(StopPathWarmup.OnlyFrameworkProviders(host.Services));
        Assert.False(StopPathWarmup.OnlyFrameworkProviders(null));
    }

    [Fact]
    public void The_rehearsal_formats_with_the_console_formatter_the_host_uses()
    {
        using var plain = Host.CreateApplicationBuilder([]).Build();
        var json = Host.CreateApplicationBuilder([]);
        json.Logging.AddJsonConsole();
        using var jsonHost = json.Build();

        Assert.Equal([ConsoleFormatterNames.Simple], StopPathWarmup.FormattersInUse(plain.Services).Select(f => f.Name));
        Assert.Equal([ConsoleFormatterNames.Json], StopPathWarmup.FormattersInUse(jsonHost.Services).Select(f => f.Name));
        Assert.Empty(StopPathWarmup.FormattersInUse(null));
    }

    [Fact]
    public void Every_async_method_of_the_stop_path_the_warm_up_names_is_found_and_prepared()
    {
        using var host = Host.CreateApplicationBuilder([]).Build();

        // The test runner's entry point is not an app's; every other entry names methods of this library or the host.
        foreach (var (type, names) in StopPathWarmup.StopPathAsyncMethods(host.Services).SkipLast(1))
        {
            Assert.NotNull(type);
            foreach (var name in names)
            {
                Assert.True(AsyncPlumbingWarmup.Prepare(type, name) > 0, $"{type}.{name} is not an async method the warm-up can prepare");
            }
        }
    }

    [Fact]
    public void The_warm_up_instantiates_each_builder_method_with_arguments_its_constraints_accept()
    {
        // A builder method instantiated with a state machine where it takes an awaiter is refused (an exception per
        // method, caught) and the method the stop runs is left cold: AwaitUnsafeOnCompleted<TAwaiter> of .NET's core builder.
        var refused = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception.Message.Contains("violates the constraint of type", StringComparison.Ordinal)
                && e.Exception.Message.Contains("ProdServer.Config", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref refused);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            Assert.True(StopPathWarmup.PrepareAsyncPlumbing(null) > 0);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, refused);
    }

    [Fact]
    public async Task The_child_exit_rehearsal_sees_a_real_child_exit_and_leaves_nothing_running()
    {
        var pid = await StopPathWarmup.RehearseChildExitAsync();

        // Gone, not even a zombie: the rehearsal collected the exit status it waited for.
        Assert.NotNull(pid);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"/proc/{pid} is still there");
    }
}
