using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// Spawn first: starts the chosen servers from the builder's configuration before the host is built, so that logging,
/// dependency injection, validation and health checks come up while Python imports the app. It only does so when the
/// launch is fully known up front (a plain <c>NAME...</c> run, processes declared with <c>AddProdServer</c> delegates,
/// no release step, no version to check); otherwise the host starts the servers as usual. The supervisor adopts a server
/// started here when its own plan is the same; anything not adopted (validation failed, the plan changed) is killed with
/// its process group when the run ends, so an invalid configuration never leaves a server behind.
/// </summary>
internal sealed class EarlyLaunch : IDisposable
{
    // How often WaitUntilServing looks at the servers' ports: a bind() and close() each, microseconds of CPU.
    private const int ListeningPollMilliseconds = 5;

    // How long a server whose open port does not mean its app is loaded may stay busy after it listens before the host
    // is built beside it anyway: a Django import on a small machine is well within it; requests keep a server busy.
    private static readonly TimeSpan QuietBound = TimeSpan.FromSeconds(1);

    // How long a server whose open port does mean its app is loaded may stay busy after it listens: its first requests
    // (a load balancer's health check, the first visitor, each tens of milliseconds in a fresh Django) are served before
    // the host's build competes with them for the CPU; a server kept busy by steady traffic is not waited for longer.
    private static readonly TimeSpan FirstRequestsBound = TimeSpan.FromMilliseconds(150);

    private readonly object _gate = new();
    private readonly List<Started> _started = [];
    private readonly LaunchPlanCache.Slot? _slot;
    private readonly bool _fromCache;

    // Whether the launch passed the host's validation before the host exists: cached (the host adopted it last time from
    // the same inputs) or checked after the fork (CheckBeforeTheHost). Only such a launch starts alone (WaitUntilServing).
    private bool _validated;

    // What to keep in the cache once the host has adopted every server started here; null when nothing is to be kept.
    private CachedLaunch? _toCache;
    private bool _refused;

    private EarlyLaunch(LaunchPlanCache.Slot? slot = null, bool fromCache = false)
    {
        _slot = slot;
        _fromCache = fromCache;
        _validated = fromCache;
    }

    /// <summary>Starts the servers a plain run (<paramref name="commandLine"/>) asks for, or returns <see langword="null"/> when the launch is not known yet.</summary>
    public static EarlyLaunch? TryStart(HostApplicationBuilder builder, ProdServerCommandLine commandLine) =>
        commandLine.Plain && TryBuildOptions(builder) is { } options ? Start(options, builder.Environment.ContentRootPath, commandLine.Names, null) : null;

    /// <summary>
    /// Starts the servers a plain run asks for before any host exists: the options are <paramref name="configure"/>'s
    /// declarations overlaid by <see cref="EarlyConfiguration"/>, as the host will build them from its own configuration;
    /// or, when <paramref name="slot"/> holds the launch the host adopted last time from the same inputs, that launch.
    /// </summary>
    public static EarlyLaunch? TryStart(
        Action<ProdServerBuilder> configure, ProdServerCommandLine commandLine, string? contentRoot, string appDirectory, LaunchPlanCache.Slot? slot)
    {
        if (!commandLine.Plain)
        {
            return null;
        }

        if (slot is not null && LaunchPlanCache.Read(slot) is { } cached)
        {
            StartupTrace.Mark("cached");
            return StartCached(cached, slot);
        }

        if (EarlyConfiguration.TryRead(contentRoot, appDirectory) is not { } read)
        {
            return null;
        }

        StartupTrace.Mark("configuration");
        ProdServerOptions options;
        try
        {
            options = new ProdServerOptions();
            configure(new ProdServerBuilder(options));
            StartupTrace.Mark("declared");
            // As BindProdServerConfiguration does, with the order the files were read in (no JSON provider to ask).
            ProdServerConfigurationBinder.Bind(
                read.Configuration.GetSection(ProdServerOptions.SectionName), options, read.WrittenOrder, string.Equals(read.EnvironmentName, "Development", StringComparison.OrdinalIgnoreCase));
        }
#pragma warning disable CA1031 // the host runs the same declarations again and reports what they throw
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        if (options.HasBindingErrors || options.Processes.Count == 0)
        {
            return null;
        }

        var launch = Start(options, read.ContentRoot, commandLine.Names, slot);
        launch?.CheckBeforeTheHost(options, read, commandLine.Names);
        return launch;
    }

    // After the fork, while Python imports the app: the validation the host will run on these options, so that a launch
    // that passes it may, like a cached one, start alone before the host is built (WaitUntilServing). This is the host's
    // validation without what only the host knows (its services, configureHost's changes, a shutdown timeout set in code):
    // the host still validates in full, and kills the server if that fails.
    private void CheckBeforeTheHost(ProdServerOptions options, EarlyConfiguration.Result read, IReadOnlyList<string> names)
    {
        lock (_gate)
        {
            if (_started.Count == 0)
            {
                return;
            }
        }

        try
        {
            var scope = ValidationScope.Of(names);
            var rules = new ProductionRulesValidator(read.EnvironmentName, read.Configuration, new HostOptions().ShutdownTimeout);
            _validated = ProdServerOptionsValidator.Failures(options, scope, read.ContentRoot).Count == 0
                && rules.Failures(options, scope, NullLogger.Instance).Count == 0;
        }
#pragma warning disable CA1031 // the host validates again and reports what this throws
        catch (Exception)
#pragma warning restore CA1031
        {
            _validated = false;
        }

        StartupTrace.Mark(_validated ? "checked" : "check-failed");
    }

    /// <summary>
    /// For a launch validated before the host (from the cache, or checked after the fork), waits until every server
    /// started here has loaded its app — it listens on its ports, and its processes have gone quiet (for at most 1 s after it listens, or 150 ms where listening means the app is
    /// loaded) — or has exited, a stop is asked for, or <paramref name="bound"/> has passed, whichever comes first;
    /// returns at once otherwise.
    /// </summary>
    /// <remarks>
    /// Building the host is a few hundred milliseconds of CPU under JIT, and on a small machine it slows the server's own
    /// start by about a third of that even with a core to spare (docs/benchmarks.md). A cached launch is one the host
    /// validated and adopted last time from the same configuration, environment and build; any other was checked with the
    /// host's validators right after the fork. So the host can come second without letting an unchecked configuration
    /// serve: it still validates in full, and kills the server if that fails.
    /// Once it listens, it is also waited for until its processes are quiet (<see cref="ProcessTreeCpu"/>): a server that
    /// listens before it can answer (gunicorn's master binds before its workers import the app) for up to a second; one
    /// whose open port means its app is loaded for up to 150 ms, so that its first requests are served before the build
    /// competes with them. One with nothing to listen on (a Unix socket, a worker) is not waited for.
    /// </remarks>
    /// <param name="bound">The longest wait: a slow import does not hold the host back for longer.</param>
    /// <param name="stopRequested">Whether a stop was asked for meanwhile (the host then starts, to stop the servers).</param>
    /// <returns>Whether it waited at all.</returns>
    public bool WaitUntilServing(TimeSpan bound, Func<bool> stopRequested)
    {
        if (!_validated)
        {
            return false;
        }

        List<Started> started;
        lock (_gate)
        {
            started = [.. _started];
        }

        var deadline = Environment.TickCount64 + (long)bound.TotalMilliseconds;
        var starting = started.ConvertAll(s => new Starting(s));
        var waited = false;
        while (!stopRequested() && Environment.TickCount64 < deadline && starting.Exists(s => s.StillStarting()))
        {
            waited = true;
            Thread.Sleep(ListeningPollMilliseconds);
        }

        return waited;
    }

    /// <summary>
    /// Kills the servers started early that the host, as now configured, would not have started before anything else:
    /// its options need the container, it has release steps, or the process waits for another one or for a version check.
    /// (A different launch plan is caught when the supervisor adopts: see <see cref="TryAdopt"/>.)
    /// </summary>
    public void Confirm(HostApplicationBuilder builder)
    {
        var options = TryBuildOptions(builder);
        List<Started> refused;
        lock (_gate)
        {
            refused = _started.FindAll(s => options is null || options.ReleaseSteps.Count > 0
                || options.Processes.FirstOrDefault(p => string.Equals(p.Name, s.Plan.ProcessName, StringComparison.OrdinalIgnoreCase)) is not { } process
                || !CanStartEarly(process));
            _started.RemoveAll(refused.Contains);
        }

        if (refused.Count > 0)
        {
            Refused();
        }

        Kill(refused);
    }

    private static EarlyLaunch? Start(ProdServerOptions options, string contentRoot, IReadOnlyList<string> names, LaunchPlanCache.Slot? slot)
    {
        if (options.ReleaseSteps.Count > 0)
        {
            return null;
        }

        StartupTrace.Mark("options");
        IReadOnlyList<ProcessDefinition> selected;
        try
        {
            selected = ProcessSelection.Resolve(options, names);
        }
        catch (UnknownProcessException)
        {
            return null; // the host says so, with the usage exit code
        }

        var launch = new EarlyLaunch(slot);
        var starts = new List<EarlyStart>();
        foreach (var process in selected.Where(CanStartEarly))
        {
            EarlyStart start;
            try
            {
                start = new EarlyStart(
                    LaunchPlanner.PlanStart(process, contentRoot), process.Backend.StopSignalToGroup, process.Backend.GetListenEndpoints(process),
                    process.Backend.ListensOnceAppLoaded(process));
            }
            catch (ServerLaunchException)
            {
                continue; // the host's own start reports it in full
            }

            StartupTrace.Mark("plan");
            if (launch.TryStart(start, options.Logs))
            {
                starts.Add(start);
            }
        }

        // Kept for the next run only when the whole selection started here, so that a cached run starts the same.
        if (slot is not null && starts.Count == selected.Count && starts.TrueForAll(s => s.Cacheable))
        {
            launch._toCache = new CachedLaunch(starts, options.Logs.BufferBytes, options.Logs.Overflow);
        }

        return launch;
    }

    private static EarlyLaunch StartCached(CachedLaunch cached, LaunchPlanCache.Slot slot)
    {
        var launch = new EarlyLaunch(slot, fromCache: true);
        var logs = cached.Logs;
        foreach (var start in cached.Starts)
        {
            launch.TryStart(start, logs);
        }

        return launch;
    }

    private bool TryStart(EarlyStart start, ProdServerLogOptions logs)
    {
        if (PortCheck.FindConflict(start.Plan.ProcessName, start.Endpoints) is not null)
        {
            return false; // the host reports the holder of the port
        }

        StartupTrace.Mark("port-checked");
        try
        {
            var logger = new DeferredLogger();
            _started.Add(new(start.Plan, logger, ServerProcess.StartBeforeHost(start.Plan, logger, start.StopSignalToGroup, logs), start));
            StartupTrace.Mark("spawn");
            return true;
        }
        catch (ServerLaunchException)
        {
            return false; // a missing program or directory: the host's own start reports it in full
        }
    }

    // Anything the declarations throw is thrown again, with the host's context, when the host builds the options; here
    // it only means the launch is not known early.
    private static ProdServerOptions? TryBuildOptions(HostApplicationBuilder builder)
    {
        try
        {
            return BuildOptions(builder.Services, builder.Configuration);
        }
#pragma warning disable CA1031 // see above: the host reports it
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>
    /// Hands over the server started early with exactly <paramref name="plan"/>, its output going to
    /// <paramref name="logger"/> from now on (what it wrote so far first), or returns <see langword="null"/>.
    /// </summary>
    public ServerProcess? TryAdopt(LaunchPlan plan, ILogger logger)
    {
        Started? match;
        lock (_gate)
        {
            match = _started.Find(s => s.Plan.ProcessName == plan.ProcessName);
            if (match is null)
            {
                return null;
            }

            _started.Remove(match);
        }

        match.Logger.Attach(logger);
        if (!SamePlan(match.Plan, plan))
        {
            // The host's configuration differs from the builder's (or from the cached launch's): start afresh, once it is
            // gone (a kill only asks; until its processes have exited, its port is still taken).
            Refused();
            KillAndWait(match.Server);
            return null;
        }

        Adopted();

        // Adopted even when it has already exited: the early start was a start, and a failed one counts against
        // StartRetries like any other (the supervisor sees the exit at once).
        return match.Server;
    }

    /// <summary>Kills every server started early that no supervisor adopted, with its process group.</summary>
    public void Dispose()
    {
        List<Started> orphans;
        lock (_gate)
        {
            orphans = [.. _started];
            _started.Clear();
        }

        if (orphans.Count > 0)
        {
            Refused();
        }

        Kill(orphans);
    }

    // Every server started here is the host's now, as planned: the launch is worth keeping for the next run.
    private void Adopted()
    {
        CachedLaunch? keep;
        lock (_gate)
        {
            keep = _started.Count == 0 && !_refused ? _toCache : null;
            _toCache = null;
        }

        if (keep is not null && _slot is not null)
        {
            _ = LaunchPlanCache.WriteAsync(_slot, keep);
        }
    }

    // The host would not run a server as it was started here: keep nothing, and forget a cached launch that led to it.
    private void Refused()
    {
        lock (_gate)
        {
            _refused = true;
            _toCache = null;
        }

        if (_fromCache && _slot is not null)
        {
            LaunchPlanCache.Forget(_slot);
        }
    }

    private static void Kill(List<Started> orphans)
    {
        foreach (var orphan in orphans)
        {
            // Never adopted (the configuration was refused): its output goes with it, and nothing waits for a logger.
            orphan.Logger.Close();
            KillAndWait(orphan.Server);
        }
    }

    // Waits for its watchdog too: SIGKILLed with the group, it may still be dying when the leader has been reaped, and what
    // comes next (a release step, the host's own start) must find nothing of this launch (seen once in CI).
    private static void KillAndWait(ServerProcess server)
    {
        server.Kill();
        Task.WhenAll(server.Exited, server.AllGone).Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// The options as the host will build them, from the <c>AddProdServer</c> delegates and the configuration, or
    /// <see langword="null"/> when that cannot be known before the container exists (options configured through services)
    /// or the configuration does not bind.
    /// </summary>
    internal static ProdServerOptions? BuildOptions(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = new ProdServerOptions();
        foreach (var service in services)
        {
            if (service.ServiceType == typeof(IConfigureOptions<ProdServerOptions>))
            {
                switch (service.ImplementationInstance)
                {
                    case IConfigureNamedOptions<ProdServerOptions> named:
                        named.Configure(Options.DefaultName, options);
                        break;
                    case IConfigureOptions<ProdServerOptions> configure:
                        configure.Configure(options);
                        break;
                    default:
                        return null;
                }
            }
            else if (service.ServiceType == typeof(IPostConfigureOptions<ProdServerOptions>)
                && !ReferenceEquals(service, ProdServerServiceCollectionExtensions.ConfigurationBinding))
            {
                return null; // someone else's post-configuration needs the container
            }
        }

        new BindProdServerConfiguration(configuration).PostConfigure(Options.DefaultName, options);
        return !options.HasBindingErrors && options.Processes.Count > 0 ? options : null;
    }

    // A server is started early only when nothing must happen before it: no dependency to wait for, no installed
    // version to ask Python about.
    // A server on a Unix socket waits for the host: its check that no other host of the app runs (the control socket), and
    // that no server answers on the socket, come first; a second host's early server would replace the first one's socket
    // and cut the serving server off from its clients (a TCP port is checked before the fork instead).
    // A server with no TCP port (a Celery worker or beat) waits for the host as well: no port check would stop a second one
    // of an app whose host already runs it, so the host asks that host first (RefuseWhatARunningHostRunsAsync).
    private static bool CanStartEarly(ProcessDefinition process) =>
        process.DependsOn.Count == 0 && process.Backend.GetVersionRequirements(process).Count == 0 && process.Backend.GetUnixSockets(process).Count == 0
        && process.Backend.GetListenEndpoints(process).Count > 0;

    private static bool SamePlan(LaunchPlan a, LaunchPlan b) =>
        a.Executable == b.Executable && a.WorkingDirectory == b.WorkingDirectory && a.StopSignal == b.StopSignal
        && a.StopSignalRepeat == b.StopSignalRepeat
        && a.Arguments.SequenceEqual(b.Arguments) && a.RemovedEnvironment.SequenceEqual(b.RemovedEnvironment)
        && SameVariables(a.Environment, b.Environment) && SameVariables(a.FileEnvironment, b.FileEnvironment);

    private static bool SameVariables(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private sealed record Started(LaunchPlan Plan, DeferredLogger Logger, ServerProcess Server, EarlyStart Start);

    // One server while WaitUntilServing waits for it.
    private sealed class Starting(Started started)
    {
        private readonly ProcessTreeCpu _activity = new(started.Server.Id);
        private long _listeningSince = -1;

        // Still starting: running, with ports to open, and either a port still closed, or all open but its processes
        // still busy: loading the app where an open port does not mean it is loaded (gunicorn's workers importing it), for
        // at most QuietBound; else serving its first requests, for at most FirstRequestsBound. A server kept busy by
        // requests is never quiet, hence the bounds.
        public bool StillStarting()
        {
            // The child's own exit, not Exited: that waits for its last lines to be logged, which needs the host this
            // wait comes before (a server that fails at once held the host back for the output wait, then said lines were lost).
            if (started.Server.LeaderExited.IsCompleted || started.Start.Endpoints.Count == 0)
            {
                return false;
            }

            if (started.Start.Endpoints.Any(e => PortCheck.IsListening(e) == false))
            {
                return true;
            }

            var now = Environment.TickCount64;
            _listeningSince = _listeningSince < 0 ? now : _listeningSince;
            var bound = started.Start.ListensOnceAppLoaded ? FirstRequestsBound : QuietBound;
            return now - _listeningSince < bound.TotalMilliseconds && _activity.IsQuiet() == false; // cannot tell: do not wait
        }
    }
}
