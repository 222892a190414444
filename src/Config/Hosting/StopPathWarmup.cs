using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// Under the JIT, runs the stop path's first-time code once, when every process is ready, so that a SIGTERM does not
/// wait for it: the generic instantiations that no ReadyToRun image can hold (per log message shape with value-type
/// arguments, ~20 methods of the logging pipeline; the async plumbing over the engine's stop) are otherwise compiled
/// at tier 0 in the middle of the stop (docs/benchmarks.md, "JIT stop"). Under NativeAOT everything is precompiled and
/// this does nothing.
/// </summary>
/// <remarks>
/// Nothing a user can see happens: no line is written, no signal sent, no metric recorded. The log messages go through
/// a rehearsal logger that hands them to the real one at <see cref="LogLevel.None"/> (which no logger writes, by the
/// contract of <see cref="LogLevel"/>; done only when every provider is one of Microsoft.Extensions.Logging's own, which
/// check it) and to the console formatters in use with <see cref="TextWriter.Null"/> as the output. The stop itself is
/// rehearsed on a stand-in child that is never a process.
/// </remarks>
internal static class StopPathWarmup
{
    // The category the formatters are shown; nothing is written under it.
    private const string Category = "ProdServer.Warmup";

    /// <summary>Starts the rehearsal on the thread pool, under the JIT only; once per process.</summary>
    /// <param name="children">The running children, whose loggers the stop will use.</param>
    /// <param name="services">The host's services: the logger providers and console formatters; <see langword="null"/> for none.</param>
    public static void Start(IReadOnlyList<ServerProcess> children, IServiceProvider? services)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled || children.Count == 0 || Interlocked.Exchange(ref s_started, 1) == 1)
        {
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static state => _ = RunAsync(state.children, state.services), (children, services), preferLocal: false);
    }

    private static int s_started;

    /// <summary>The rehearsal itself (tests call it directly): every log call and async step of a graceful stop, once.</summary>
    /// <param name="children">The running children.</param>
    /// <param name="services">The host's services, or <see langword="null"/>.</param>
    /// <returns>A task that completes when done; it never faults.</returns>
    internal static async Task RunAsync(IReadOnlyList<ServerProcess> children, IServiceProvider? services)
    {
        try
        {
            var formatters = FormattersInUse(services);
            var replay = OnlyFrameworkProviders(services);
            foreach (var logger in children.Select(c => c.Logger).Distinct())
            {
                var rehearsal = new RehearsalLogger(replay ? logger : NullLogger.Instance, formatters);
                var target = new StandIn(children[0].Name, children[0].Id);
                var stop = StopEscalation.RunAsync(target, TimeSpan.FromSeconds(1), TimeProvider.System, rehearsal);
                target.Exit();
                var code = await stop.ConfigureAwait(false);
                Log.Exited(rehearsal, target.Name, target.Id, code);
            }

            PrepareAsyncPlumbing(services);

            // kill(pid, 0) sends nothing: it compiles the P/Invoke stub the stop signal goes through.
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                _ = ProcessGroup.IsAlive(Environment.ProcessId);
            }

            StartupTrace.Mark("warmed");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or FormatException)
        {
            // A warm-up only: a host being disposed under it, or a formatter that rejects the stand-in, costs nothing.
        }
    }

    /// <summary>The async methods a stop runs or resumes, from the host's <c>StopAsync</c> to the entry point's return.</summary>
    /// <param name="services">The host's services (for the host's own type), or <see langword="null"/>.</param>
    /// <returns>How many were found and prepared (a test checks that every name here is found).</returns>
    internal static int PrepareAsyncPlumbing(IServiceProvider? services) =>
        AsyncPlumbingWarmup.Prepare(typeof(ServerProcess), "WatchExitAsync", "WhileProgressingAsync", "ReapAsync", "DisposeAsync")
        + AsyncPlumbingWarmup.Prepare(typeof(Descendants), "ReapAsync")
        + AsyncPlumbingWarmup.Prepare(typeof(ProcessSupervisor), nameof(ProcessSupervisor.StopAsync), "SuperviseAsync", "WatchAsync")
        + AsyncPlumbingWarmup.Prepare(typeof(ProdServerHostedService), nameof(ProdServerHostedService.StopAsync), "StopAllAsync", "CloseControlAsync", "WhenEndedAsync")
        + AsyncPlumbingWarmup.Prepare(typeof(ProdServerHostExtensions), "RunAsync", "RunAndDisposeAsync", "RunCoreAsync")
        + AsyncPlumbingWarmup.Prepare(typeof(ProdServerHost), "RunAsync")
        + AsyncPlumbingWarmup.Prepare(typeof(HostingAbstractionsHostExtensions), nameof(HostingAbstractionsHostExtensions.WaitForShutdownAsync))
        + AsyncPlumbingWarmup.Prepare(services?.GetService<IHost>()?.GetType(), nameof(IHost.StopAsync), "DisposeAsync")
        + AsyncPlumbingWarmup.Prepare(Assembly.GetEntryAssembly()?.EntryPoint?.DeclaringType, "<Main>$", "Main");

    // The console formatter the console logger uses (by its options' FormatterName, else the simple one).
    private static List<ConsoleFormatter> FormattersInUse(IServiceProvider? services)
    {
        var all = services?.GetServices<ConsoleFormatter>().ToList() ?? [];
        var name = services?.GetService<IOptionsMonitor<ConsoleLoggerOptions>>()?.CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple;
        var chosen = all.FindAll(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        return chosen.Count > 0 ? chosen : all.FindAll(f => f.Name == ConsoleFormatterNames.Simple);
    }

    // Microsoft.Extensions.Logging's providers (console, debug, event source, event log) write nothing at LogLevel.None;
    // another provider is not relied on for that, so its first stop message pays its own compilation, as before.
    private static bool OnlyFrameworkProviders(IServiceProvider? services) =>
        services?.GetServices<ILoggerProvider>() is { } providers
        && providers.All(p => p.GetType().Namespace?.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal) == true);

    /// <summary>Takes the engine's log calls and runs the real pipeline's generic code for each message shape, writing nothing.</summary>
    private sealed class RehearsalLogger(ILogger real, IReadOnlyList<ConsoleFormatter> formatters) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            real.Log(LogLevel.None, eventId, state, exception, formatter);
            var entry = new LogEntry<TState>(logLevel, Category, eventId, state, exception, formatter);
            foreach (var consoleFormatter in formatters)
            {
                consoleFormatter.Write(in entry, null, TextWriter.Null);
            }
        }
    }

    /// <summary>A child that is no process: asked to stop, it says what a server would be sent and exits when told.</summary>
    private sealed class StandIn(string name, int id) : IStopTarget
    {
        private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => name;

        public int Id => id;

        public Task<int> Exited => _exited.Task;

        public string AskToStop() => Signals.Name(Signals.SIGTERM) + " to its process group";

        public void Kill()
        {
        }

        public string DescribeUnfinished() => "exited";

        public void Exit() => _exited.TrySetResult(0);
    }
}
