using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
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
/// Nothing a user can see happens: no line is written, no signal sent, no metric recorded; the one process started is a
/// <c>/bin/true</c> of the launcher's own, collected at once. The log messages go through
/// a rehearsal logger that hands them to the real one at <see cref="LogLevel.None"/> (which no logger writes, by the
/// contract of <see cref="LogLevel"/>; done only when every provider is one of Microsoft.Extensions.Logging's own, which
/// check it) and to the console formatters in use with <see cref="TextWriter.Null"/> as the output. The stop itself is
/// rehearsed on a stand-in child that is never a process.
/// </remarks>
internal static class StopPathWarmup
{
    // The category the formatters are shown; nothing is written under it.
    private const string Category = "ProdServer.Warmup";

    private static readonly TimeSpan RehearsalTimeout = TimeSpan.FromMinutes(1);

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

    private static async Task RunAsync(IReadOnlyList<ServerProcess> children, IServiceProvider? services)
    {
        try
        {
            var formatters = FormattersInUse(services);
            var replay = OnlyFrameworkProviders(services);
            foreach (var logger in children.Select(c => c.Logger).Distinct())
            {
                await RehearseLogAsync(replay ? logger : NullLogger.Instance, formatters, children[0].Name, children[0].Id).ConfigureAwait(false);
            }

            PrepareAsyncPlumbing(services);
            PrepareExitMetric();
            _ = PrepareHostDisposal();
            await RehearseChildExitAsync().ConfigureAwait(false);

            // kill(pid, 0) sends nothing: it compiles the P/Invoke stub the stop signal goes through.
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                _ = ProcessGroup.IsAlive(Environment.ProcessId);
            }

            // The way from a signal to its handler (SignalPathWarmup): the first SIGTERM then finds it travelled.
            _ = await SignalPathWarmup.RunAsync().ConfigureAwait(false);

            StartupTrace.Mark("warmed");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or FormatException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // A warm-up only: a host being disposed under it, or a formatter that rejects the stand-in, costs nothing.
        }
    }

    /// <summary>
    /// A graceful stop of a stand-in child (<see cref="StopEscalation"/>) and the exit message, logged through a
    /// rehearsal logger: <paramref name="real"/> receives every message at <see cref="LogLevel.None"/>, each formatter
    /// formats it into <see cref="TextWriter.Null"/>.
    /// </summary>
    /// <param name="real">The process's logger (a provider that might write at <see cref="LogLevel.None"/>: <see cref="NullLogger.Instance"/>).</param>
    /// <param name="formatters">The console formatters in use.</param>
    /// <param name="name">The process name the messages carry.</param>
    /// <param name="id">The pid the messages carry.</param>
    /// <returns>A task that completes when done.</returns>
    internal static async Task RehearseLogAsync(ILogger real, IReadOnlyList<ConsoleFormatter> formatters, string name, int id)
    {
        var rehearsal = new RehearsalLogger(real, formatters);
        var target = new StandIn(name, id);
        // The stand-in exits at once; its exit is seen through a queued continuation, which a starved thread pool (a busy
        // start) can hold back for seconds: a timeout that short would rehearse the kill instead of the graceful stop.
        var stop = StopEscalation.RunAsync(target, RehearsalTimeout, TimeProvider.System, rehearsal);
        target.Exit(); // after RunAsync has suspended on the exit, so that its resumption is rehearsed too
        var code = await stop.ConfigureAwait(false);
        Log.Exited(rehearsal, target.Name, target.Id, code);

        // The host's own stop messages ("Application is shutting down...") are plain message strings: the logger's path
        // for those (Logger.Log<FormattedLogValues>), at LogLevel.None, which no provider writes.
#pragma warning disable CA1848, CA2254 // the one message of its shape, never written
        real.Log(LogLevel.None, "stop rehearsal");
#pragma warning restore CA1848, CA2254
    }

    /// <summary>
    /// Compiles what the host's dispose runs over its own private types, instantiations no ReadyToRun image holds: the
    /// logger factory's list of provider registrations, walked to dispose them, and the service provider's table of
    /// resolved services. Found by name, best effort: a renamed type is skipped.
    /// </summary>
    /// <returns>How many of the two private types were found (a test checks both are, so that a rename is noticed).</returns>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Best effort under the JIT: a trimmed-away type is skipped.")]
    [UnconditionalSuppressMessage("Trimming", "IL2057", Justification = "Best effort under the JIT: a trimmed-away type is skipped.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Best effort under the JIT: a trimmed-away member is skipped.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Called only under the JIT.")]
    internal static int PrepareHostDisposal()
    {
        var found = 0;
        if (typeof(LoggerFactory).GetNestedType("ProviderRegistration", BindingFlags.NonPublic) is { } registration)
        {
            found++;
            AsyncPlumbingWarmup.PrepareType(typeof(List<>.Enumerator).MakeGenericType(registration));
            AsyncPlumbingWarmup.PrepareType(typeof(List<>).MakeGenericType(registration), "GetEnumerator");
        }

        if (Type.GetType("Microsoft.Extensions.DependencyInjection.ServiceLookup.ServiceCacheKey, Microsoft.Extensions.DependencyInjection") is { } key)
        {
            found++;
            AsyncPlumbingWarmup.PrepareType(typeof(Dictionary<,>).MakeGenericType(key, typeof(object)), "get_Count");
        }

        return found;
    }

    /// <summary>
    /// Compiles the exit metric's recording (<see cref="EngineMetrics.Exits"/>: <c>Counter&lt;long&gt;.Add</c> with tags),
    /// which a stop records first, without recording anything.
    /// </summary>
    internal static void PrepareExitMetric()
    {
        AsyncPlumbingWarmup.PrepareType(typeof(System.Diagnostics.Metrics.Counter<long>), "Add");
        AsyncPlumbingWarmup.PrepareType(typeof(System.Diagnostics.Metrics.Instrument<long>), "RecordMeasurement");
    }

    /// <summary>
    /// The engine's side of a child's exit, on a child of no consequence (<c>/bin/true</c>, started as the engine starts a
    /// server, pipes and all): the wait for its exit (<see cref="SpawnedChildProcess"/>'s thread, or the runtime's SIGCHLD
    /// handling and <see cref="System.Diagnostics.Process.Exited"/>), the exit code, and a sweep of <c>/proc</c> for a tag nothing carries. Until a child has exited once, all of
    /// that is first-time code, and the first child to exit is the server, in the middle of the stop.
    /// </summary>
    /// <returns>The pid of the child seen to exit, or <see langword="null"/> where there is no <c>/bin/true</c> or no process groups.</returns>
    internal static async Task<int?> RehearseChildExitAsync()
    {
        if (!ProcessGroup.IsSupported || !File.Exists("/bin/true"))
        {
            return null;
        }

        var floor = Descendants.StartTimeFloor();
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Started the way servers are (ChildProcess.Start), without the watchdog shell: the rehearsal is the exit.
        var nothing = new Dictionary<string, string>();
        using var child = (ChildProcess?)SpawnedChildProcess.TryStart(["/bin/true"], "/", nothing, () => exited.TrySetResult())
            ?? DotnetChildProcess.Start("/bin/true", [], "/", nothing, lifeline: true, () => exited.TrySetResult());
        await exited.Task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        child.CloseLifeline();
        _ = Descendants.FindTagged(Descendants.NewTag(), child.Id, floor);
        _ = child.ExitCode;
        return child.Id;
    }

    /// <summary>Prepares the async plumbing of <see cref="StopPathAsyncMethods"/>.</summary>
    /// <param name="services">The host's services (for the host's own type), or <see langword="null"/>.</param>
    /// <returns>How many async methods were found and prepared.</returns>
    internal static int PrepareAsyncPlumbing(IServiceProvider? services) =>
        StopPathAsyncMethods(services).Sum(m => AsyncPlumbingWarmup.Prepare(m.Type, m.Names));

    /// <summary>
    /// The async methods a stop runs or resumes, from the host's <c>StopAsync</c> to the entry point's return, by type
    /// and name (private ones by their names: a test checks that each is found, so that a rename does not go unnoticed).
    /// </summary>
    /// <param name="services">The host's services (for the host's own type), or <see langword="null"/>.</param>
    /// <returns>The types and method names.</returns>
    internal static IEnumerable<(Type? Type, string[] Names)> StopPathAsyncMethods(IServiceProvider? services) =>
    [
        (typeof(ServerProcess), ["WatchExitAsync", "WhileProgressingAsync", "ReapAsync", nameof(ServerProcess.DisposeAsync)]),
        (typeof(Descendants), [nameof(Descendants.ReapAsync)]),
        (typeof(ProcessSupervisor), [nameof(ProcessSupervisor.StopAsync), "SuperviseAsync", "WatchAsync"]),
        (typeof(ProdServerHostedService), [nameof(ProdServerHostedService.StopAsync), "StopAllAsync", "CloseControlAsync", "WhenEndedAsync"]),
        (typeof(ProdServerHostExtensions), ["RunAsync", "RunAndDisposeAsync", "RunAnsweringAsync", "RunCoreAsync"]),
        (typeof(ProdServerHost), ["RunAsync"]),
        (typeof(HostingAbstractionsHostExtensions), [nameof(HostingAbstractionsHostExtensions.WaitForShutdownAsync)]),
        (services?.GetService<IHost>()?.GetType(), [nameof(IHost.StopAsync), "DisposeAsync"]),
        (Assembly.GetEntryAssembly()?.EntryPoint?.DeclaringType, ["<Main>$", "Main"]),
    ];

    /// <summary>The console formatter the console logger uses (by its options' FormatterName, else the simple one).</summary>
    /// <param name="services">The host's services, or <see langword="null"/> (then none).</param>
    /// <returns>The formatter, or none when no console logging is set up.</returns>
    internal static List<ConsoleFormatter> FormattersInUse(IServiceProvider? services)
    {
        var all = services?.GetServices<ConsoleFormatter>().ToList() ?? [];
        var name = services?.GetService<IOptionsMonitor<ConsoleLoggerOptions>>()?.CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple;
        var chosen = all.FindAll(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        return chosen.Count > 0 ? chosen : all.FindAll(f => f.Name == ConsoleFormatterNames.Simple);
    }

    /// <summary>
    /// Whether every logger provider is one of Microsoft.Extensions.Logging's own (console, debug, event source, event
    /// log), which write nothing at <see cref="LogLevel.None"/>. Another provider is not relied on for that, so its
    /// first stop message pays its own compilation, as before.
    /// </summary>
    /// <param name="services">The host's services, or <see langword="null"/> (then <see langword="false"/>).</param>
    /// <returns>Whether the real loggers may be given the rehearsal's messages at <see cref="LogLevel.None"/>.</returns>
    internal static bool OnlyFrameworkProviders(IServiceProvider? services) =>
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

        public TimeSpan? StopSignalRepeat => null; // waitress's stop, the one the warm-up is for

        public void Kill()
        {
        }

        public string DescribeUnfinished() => "exited";

        public void Exit() => _exited.TrySetResult(0);
    }
}
